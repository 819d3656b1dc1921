package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * Fetch one page of an import's list from TMDB.
 *
 * @param details whether each movie's details are fetched too (absent in older records: no)
 */
public record FetchPage(int schemaVersion, UUID importId, ImportSource source, ImportFilters filters, int page,
		boolean details) implements FleetMessage {

	public FetchPage(UUID importId, ImportSource source, ImportFilters filters, int page, boolean details) {
		this(CURRENT_SCHEMA, importId, source, filters, page, details);
	}

	@Override
	public String key() {
		return importId + ":" + page;
	}

}
