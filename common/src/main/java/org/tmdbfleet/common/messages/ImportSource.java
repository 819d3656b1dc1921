package org.tmdbfleet.common.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The TMDB lists an import can page through. */
public enum ImportSource {

	@JsonProperty("popular")
	POPULAR,

	@JsonProperty("top_rated")
	TOP_RATED,

	@JsonProperty("now_playing")
	NOW_PLAYING,

	@JsonProperty("upcoming")
	UPCOMING,

	@JsonProperty("discover")
	DISCOVER;

	/** The name used on the wire and in the API, e.g. {@code top_rated}. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
