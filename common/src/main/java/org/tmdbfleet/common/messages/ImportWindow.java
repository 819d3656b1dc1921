package org.tmdbfleet.common.messages;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One release-date window of a discover import too big for TMDB's 500 pages: the planner cuts
 * the import's date range into windows that partition it exactly (inclusive days, no gap, no
 * overlap), each small enough to be paged through completely, and numbers every window's pages
 * into the import's own pages, so the rest of the fleet sees one import with one page sequence.
 *
 * @param from first release day, inclusive; null only for the first window of an import with
 * no lower bound
 * @param to last release day, inclusive; null only for the last window of an import with no
 * upper bound
 * @param firstPage the import page that is the window's page 1; it holds
 * {@code firstPage .. firstPage + pages - 1}
 * @param pages pages planned for the window
 * @param results TMDB's {@code total_results} for the window
 * @param truncated the window holds more movies than its pages serve: a single day beyond
 * TMDB's 10,000, or the import's {@code maxPages} ran out
 */
public record ImportWindow(LocalDate from, LocalDate to, int firstPage, int pages, long results,
		boolean truncated) {

	/**
	 * The order windows are paged in when the import names none. A movie's release date rarely
	 * changes while its popularity changes daily, so a window sorted by date keeps its movies on
	 * their pages while the fleet pages through it; ties keep TMDB's order.
	 */
	public static final String DEFAULT_SORT = "primary_release_date.asc";

	/** Whether import page {@code page} is one of this window's. */
	public boolean holds(int page) {
		return page >= firstPage && page < firstPage + pages;
	}

	/** The command that fetches import page {@code page}, one this window {@link #holds holds}. */
	public FetchPage fetchPage(UUID importId, ImportFilters imported, int page, boolean details) {
		return new FetchPage(importId, ImportSource.DISCOVER, filters(imported, from, to), page,
				page - firstPage + 1, details);
	}

	/** The import's filters narrowed to the release days {@code from..to} (null: open). */
	public static ImportFilters filters(ImportFilters imported, LocalDate from, LocalDate to) {
		return new ImportFilters(from, to, imported.genres(),
				(imported.sortBy() != null) ? imported.sortBy() : DEFAULT_SORT, imported.language(),
				imported.region());
	}

}
