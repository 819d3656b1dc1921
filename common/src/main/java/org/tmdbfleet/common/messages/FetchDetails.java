package org.tmdbfleet.common.messages;

import java.util.UUID;

/** Fetch one movie's details (credits, external ids, keywords, release dates) for an import. */
public record FetchDetails(int schemaVersion, UUID importId, long tmdbId) implements FleetMessage {

	public FetchDetails(UUID importId, long tmdbId) {
		this(CURRENT_SCHEMA, importId, tmdbId);
	}

	/** Keyed by movie, like {@code tmdb.movies}: one movie's fetches stay in order. */
	@Override
	public String key() {
		return Long.toString(tmdbId);
	}

}
