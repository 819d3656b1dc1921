package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.tmdbfleet.fetch.tmdb.TmdbPage;

/**
 * Cuts a discover import's release-date range into windows TMDB can page through completely, at
 * most {@code windowPages} pages each (TMDB serves {@value ImportPlanner#TMDB_MAX_PAGE}). The size
 * of a range is learnt from its page 1, which becomes the window's page 1 when the range fits: the
 * only requests spent on planning are the page 1s of ranges that turn out too big. A range is cut
 * into as many equal-day parts as its size asks for at 80 % of a window's movies a part, so where
 * movies are spread evenly one cut suffices; a part still too big is cut again. A single day
 * cannot be cut: a day with more movies than a window holds becomes a window of its first pages.
 */
final class ReleaseWindows {

	/** Movies on a full TMDB page. */
	static final int PAGE_SIZE = 20;

	private final Function<DateRange, TmdbPage> firstPage;

	private final LocalDate latest;

	private final int windowPages;

	/**
	 * @param firstPage asks TMDB for page 1 of the import's list narrowed to a range
	 * @param latest where an open upper bound is cut as if it ended (it stays open in the window)
	 * @param windowPages the most pages of a window
	 */
	ReleaseWindows(Function<DateRange, TmdbPage> firstPage, LocalDate latest, int windowPages) {
		this.firstPage = firstPage;
		this.latest = latest;
		this.windowPages = windowPages;
	}

	ReleaseWindows(Function<DateRange, TmdbPage> firstPage, LocalDate latest) {
		this(firstPage, latest, ImportPlanner.TMDB_MAX_PAGE);
	}

	/**
	 * Movies a cut aims at per part: 80 % of what a window serves, so that a part with more than
	 * its share of movies still fits without costing another round of page 1s.
	 */
	long targetResults() {
		return windowPages * PAGE_SIZE * 8L / 10;
	}

	/**
	 * The windows of {@code range}, in date order, partitioning it exactly (as far as they go).
	 * @param results how many movies TMDB lists in the whole range (more than it serves)
	 * @param maxPages the most pages the import fetches: once the windows found hold as many, the
	 * rest of the range is not asked for
	 */
	List<Window> split(DateRange range, long results, int maxPages) {
		if (range.days(latest) < 2) {
			throw new IllegalArgumentException("a single day cannot be split: " + range);
		}
		List<Window> windows = new ArrayList<>();
		cut(range, results, maxPages, windows);
		return windows;
	}

	private void cut(DateRange range, long results, int maxPages, List<Window> windows) {
		long parts = Math.clamp(Math.ceilDiv(results, targetResults()), 2, range.days(latest));
		for (DateRange part : range.split((int) parts, latest)) {
			if (pages(windows) >= maxPages) {
				return;
			}
			TmdbPage first = firstPage.apply(part);
			if (first.totalPages() <= windowPages || part.days(latest) == 1) {
				windows.add(new Window(part, first, windowPages));
			}
			else {
				cut(part, first.totalResults(), maxPages, windows);
			}
		}
	}

	private static long pages(List<Window> windows) {
		return windows.stream().mapToLong(Window::pages).sum();
	}

	/**
	 * A range TMDB can serve, with its page 1.
	 *
	 * @param maxPages the most pages a window is paged through
	 */
	record Window(DateRange range, TmdbPage first, int maxPages) {

		/** The pages of this window that are fetched. */
		int pages() {
			return Math.min(first.totalPages(), maxPages);
		}

	}

}
