package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * The planner read page 1 and knows how many pages the import has.
 *
 * @param totalPages the pages that will be fetched: min(TMDB's total_pages, maxPages, 500)
 * @param totalResults TMDB's total_results for the whole list
 */
public record ImportPlanned(int schemaVersion, UUID importId, int totalPages, long totalResults)
		implements ImportProgress {

	public ImportPlanned(UUID importId, int totalPages, long totalResults) {
		this(CURRENT_SCHEMA, importId, totalPages, totalResults);
	}

}
