package org.tmdbfleet.simulator.api;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import org.springframework.http.HttpStatusCode;

/** TMDB's error body, e.g. {@code {"success":false,"status_code":34,"status_message":"…"}}. */
@JsonNaming(SnakeCaseStrategy.class)
record TmdbError(boolean success, int statusCode, String statusMessage) {

	static final String NOT_FOUND = "The resource you requested could not be found.";

	static final String INVALID_PARAMETERS = "Invalid parameters: Your request parameters are incorrect.";

	static final String INTERNAL = "Internal error: Something went wrong, contact TMDB.";

	TmdbError(int statusCode, String statusMessage) {
		this(false, statusCode, statusMessage);
	}

	/** The TMDB error closest to an HTTP status Spring produced on its own (no handler, bad body, …). */
	static TmdbError forStatus(HttpStatusCode status, String detail) {
		if (status.value() == 404) {
			return new TmdbError(34, NOT_FOUND);
		}
		if (status.is5xxServerError()) {
			return new TmdbError(11, INTERNAL);
		}
		return new TmdbError(5, (detail != null) ? INVALID_PARAMETERS + " " + detail : INVALID_PARAMETERS);
	}

}
