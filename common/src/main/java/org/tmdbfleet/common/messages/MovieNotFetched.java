package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * A movie of an import has no data to persist: TMDB does not know it ({@code notFound}), or its
 * details could not be fetched ({@code reason} says why). Persist workers record it as the
 * import's item with that outcome, so the import's count stays exact and it can still end.
 */
public record MovieNotFetched(int schemaVersion, UUID importId, long tmdbId, boolean notFound, String reason)
		implements FleetMessage {

	public MovieNotFetched(UUID importId, long tmdbId, boolean notFound, String reason) {
		this(CURRENT_SCHEMA, importId, tmdbId, notFound, reason);
	}

	@Override
	public String key() {
		return Long.toString(tmdbId);
	}

}
