package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway accepted an import; the planner turns it into page commands.
 *
 * @param maxPages the most pages to fetch, {@code null} for all of them (TMDB serves at most 500)
 * @param details whether each movie's details are fetched too (absent in older records: no)
 */
public record ImportRequested(int schemaVersion, UUID importId, ImportSource source, Integer maxPages,
		ImportFilters filters, Instant requestedAt, boolean details) implements FleetMessage {

	public ImportRequested(UUID importId, ImportSource source, Integer maxPages, ImportFilters filters,
			Instant requestedAt, boolean details) {
		this(CURRENT_SCHEMA, importId, source, maxPages, filters, requestedAt, details);
	}

	@Override
	public String key() {
		return importId.toString();
	}

}
