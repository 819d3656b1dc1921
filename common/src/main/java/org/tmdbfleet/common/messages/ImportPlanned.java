package org.tmdbfleet.common.messages;

import java.util.List;
import java.util.UUID;

/**
 * The planner read page 1 and knows how many pages the import has.
 *
 * @param totalPages the pages that will be fetched: min(TMDB's total_pages, maxPages, 500), or
 * for a windowed discover import the sum of its windows' pages (within maxPages)
 * @param totalResults TMDB's total_results for the whole list
 * @param windows the release-date windows of a discover import split past TMDB's 500 pages, in
 * date order; empty when the import is one list
 */
public record ImportPlanned(int schemaVersion, UUID importId, int totalPages, long totalResults,
		List<ImportWindow> windows) implements ImportProgress {

	public ImportPlanned(UUID importId, int totalPages, long totalResults) {
		this(importId, totalPages, totalResults, List.of());
	}

	public ImportPlanned(UUID importId, int totalPages, long totalResults, List<ImportWindow> windows) {
		this(CURRENT_SCHEMA, importId, totalPages, totalResults, windows);
	}

	public ImportPlanned {
		windows = (windows == null) ? List.of() : List.copyOf(windows);
	}

}
