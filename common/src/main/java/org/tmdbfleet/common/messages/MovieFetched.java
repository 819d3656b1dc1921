package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One movie as TMDB returned it, for one import.
 *
 * @param fetchedAt when TMDB answered; the newer fetch of a movie wins in the database
 * @param movie TMDB's JSON object for the movie, unchanged, unknown fields included
 */
public record MovieFetched(int schemaVersion, UUID importId, long tmdbId, Instant fetchedAt, JsonNode movie)
		implements FleetMessage {

	public MovieFetched(UUID importId, long tmdbId, Instant fetchedAt, JsonNode movie) {
		this(CURRENT_SCHEMA, importId, tmdbId, fetchedAt, movie);
	}

	@Override
	public String key() {
		return Long.toString(tmdbId);
	}

}
