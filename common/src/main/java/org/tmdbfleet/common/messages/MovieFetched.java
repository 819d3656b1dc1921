package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One movie as TMDB returned it, for one import.
 *
 * @param fetchedAt when TMDB answered; per part, the newer fetch of a movie wins in the database
 * @param part which of TMDB's answers {@code movie} is; absent in records written before it
 * existed, then told from the JSON (see {@link Part#of})
 * @param movie TMDB's JSON object for the movie, unchanged, unknown fields included
 */
public record MovieFetched(int schemaVersion, UUID importId, long tmdbId, Instant fetchedAt, Part part,
		JsonNode movie) implements FleetMessage {

	public MovieFetched {
		if (part == null) {
			part = Part.of(movie);
		}
	}

	public MovieFetched(UUID importId, long tmdbId, Instant fetchedAt, Part part, JsonNode movie) {
		this(CURRENT_SCHEMA, importId, tmdbId, fetchedAt, part, movie);
	}

	/** A movie whose part is told from its JSON. */
	public MovieFetched(UUID importId, long tmdbId, Instant fetchedAt, JsonNode movie) {
		this(CURRENT_SCHEMA, importId, tmdbId, fetchedAt, null, movie);
	}

	@Override
	public String key() {
		return Long.toString(tmdbId);
	}

	/**
	 * The two answers TMDB gives about a movie. They overlap (title, popularity, votes...) but each
	 * has fields the other lacks, and each is stored with its own fetch time, so that an older
	 * answer of one part never overwrites a newer one of the same part.
	 */
	public enum Part {

		/** An item of a list, discover or search page: {@code genre_ids}, no runtime, no credits. */
		LIST,

		/** {@code /3/movie/{id}}: {@code genres} as objects, runtime, imdb id, appended credits. */
		DETAILS;

		/**
		 * The part a JSON object is: details carry {@code genres} objects or appended credits,
		 * list items {@code genre_ids}.
		 */
		public static Part of(JsonNode movie) {
			if (movie == null || !movie.isObject()) {
				return LIST;
			}
			boolean details = movie.has("credits") || (!movie.has("genre_ids") && movie.path("genres").isArray());
			return details ? DETAILS : LIST;
		}

	}

}
