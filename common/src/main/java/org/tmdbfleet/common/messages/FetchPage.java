package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * Fetch one page of an import's list from TMDB.
 *
 * @param page the import's page number: what progress events, keys and the gateway count
 * @param listPage the page of the list {@code filters} describe, when that is not {@code page}:
 * a page of a windowed discover import ({@link ImportWindow}); null otherwise
 */
public record FetchPage(int schemaVersion, UUID importId, ImportSource source, ImportFilters filters, int page,
		Integer listPage) implements FleetMessage {

	public FetchPage(UUID importId, ImportSource source, ImportFilters filters, int page) {
		this(importId, source, filters, page, null);
	}

	public FetchPage(UUID importId, ImportSource source, ImportFilters filters, int page, Integer listPage) {
		this(CURRENT_SCHEMA, importId, source, filters, page, listPage);
	}

	/** The page to ask TMDB for. */
	public int tmdbPage() {
		return (listPage != null) ? listPage : page;
	}

	@Override
	public String key() {
		return importId + ":" + page;
	}

}
