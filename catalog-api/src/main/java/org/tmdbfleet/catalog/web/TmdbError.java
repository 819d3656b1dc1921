package org.tmdbfleet.catalog.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/** TMDB's error body: {@code {"success":false,"status_code":34,"status_message":"…"}}. */
record TmdbError(boolean success, @JsonProperty("status_code") int statusCode,
		@JsonProperty("status_message") String statusMessage) {

	TmdbError(int statusCode, String statusMessage) {
		this(false, statusCode, statusMessage);
	}

}
