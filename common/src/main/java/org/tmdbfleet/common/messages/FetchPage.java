package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * Fetch one page of an import's list from TMDB.
 *
 * @param page the import's page number: what progress events, keys and the gateway count
 * @param listPage the page of the list {@code filters} describe, when that is not {@code page}:
 * a page of a windowed discover import ({@link ImportWindow}); null otherwise
 * @param details whether each movie's details are fetched too (absent in older records: no)
 */
public record FetchPage(int schemaVersion, UUID importId, ImportSource source, ImportFilters filters, int page,
		Integer listPage, boolean details) implements FleetMessage {

	public FetchPage(UUID importId, ImportSource source, ImportFilters filters, int page, Integer listPage,
			boolean details) {
		this(CURRENT_SCHEMA, importId, source, filters, page, listPage, details);
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
