package org.tmdbfleet.common.messages;

import java.util.UUID;

/** Fetch one page of an import's list from TMDB. */
public record FetchPage(int schemaVersion, UUID importId, ImportSource source, ImportFilters filters, int page)
		implements FleetMessage {

	public FetchPage(UUID importId, ImportSource source, ImportFilters filters, int page) {
		this(CURRENT_SCHEMA, importId, source, filters, page);
	}

	@Override
	public String key() {
		return importId + ":" + page;
	}

}
