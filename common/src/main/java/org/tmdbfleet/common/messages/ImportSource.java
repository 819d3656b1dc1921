package org.tmdbfleet.common.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import pages through: one of TMDB's lists, or its list of the movies that changed
 * ({@code changes}: every one of them is fetched by its details).
 */
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
	DISCOVER,

	@JsonProperty("changes")
	CHANGES;

	/** The name used on the wire and in the API, e.g. {@code top_rated}. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
