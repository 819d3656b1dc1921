package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway accepted an import; the planner turns it into page commands.
 *
 * @param maxPages the most pages to fetch, {@code null} for all of them (TMDB serves at most 500)
 */
public record ImportRequested(int schemaVersion, UUID importId, ImportSource source, Integer maxPages,
		ImportFilters filters, Instant requestedAt) implements FleetMessage {

	public ImportRequested(UUID importId, ImportSource source, Integer maxPages, ImportFilters filters,
			Instant requestedAt) {
		this(CURRENT_SCHEMA, importId, source, maxPages, filters, requestedAt);
	}

	@Override
	public String key() {
		return importId.toString();
	}

}
