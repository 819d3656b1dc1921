package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * A movie of an import has no data to persist: TMDB does not know it ({@code notFound}), or its
 * details could not be fetched ({@code reason} says why). Persist workers record it as the
 * import's item with that outcome, so the import's count stays exact and it can still end.
 *
 * @param fetchedAt when TMDB answered; a "not found" marks the movie deleted only if it is newer
 * than every fetch that found it. Absent in records written before it existed: then the time the
 * persist worker reads it, as those records were always applied
 */
public record MovieNotFetched(int schemaVersion, UUID importId, long tmdbId, boolean notFound, String reason,
		Instant fetchedAt) implements FleetMessage {

	public MovieNotFetched(UUID importId, long tmdbId, boolean notFound, String reason, Instant fetchedAt) {
		this(CURRENT_SCHEMA, importId, tmdbId, notFound, reason, fetchedAt);
	}

	/** A movie whose answer has no time worth comparing: a failure, or a record of old. */
	public MovieNotFetched(UUID importId, long tmdbId, boolean notFound, String reason) {
		this(CURRENT_SCHEMA, importId, tmdbId, notFound, reason, null);
	}

	@Override
	public String key() {
		return Long.toString(tmdbId);
	}

}
