package org.tmdbfleet.common.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an import pages through: one of TMDB's lists, its list of the movies that changed
 * ({@code changes}: every one of them is fetched by its details), or every movie TMDB has
 * ({@code catalog}: the ids of its daily export, their data through discover windows and, for the
 * ids no window lists, by details).
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
	CHANGES,

	@JsonProperty("catalog")
	CATALOG;

	/** The name used on the wire and in the API, e.g. {@code top_rated}. */
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
