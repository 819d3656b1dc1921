package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.tmdbfleet.fetch.tmdb.TmdbPage;

/**
 * Cuts a discover import's release-date range into windows TMDB can page through completely, at
 * most {@value ImportPlanner#TMDB_MAX_PAGE} pages each. The size of a range is learnt from its
 * page 1, which becomes the window's page 1 when the range fits: the only requests spent on
 * planning are the page 1s of ranges that turn out too big. A range is cut into as many
 * equal-day parts as its size asks for at {@value #TARGET_RESULTS} movies a part, so where movies
 * are spread evenly one cut suffices; a part still too big is cut again. A single day cannot be
 * cut: a day with more movies than TMDB serves becomes a window of its first pages.
 */
final class ReleaseWindows {

	/**
	 * Movies a cut aims at per part: 80 % of the 10,000 TMDB serves, so that a part with more than
	 * its share of movies still fits without costing another round of page 1s.
	 */
	static final long TARGET_RESULTS = 8_000;

	private final Function<DateRange, TmdbPage> firstPage;

	private final LocalDate latest;

	/**
	 * @param firstPage asks TMDB for page 1 of the import's list narrowed to a range
	 * @param latest where an open upper bound is cut as if it ended (it stays open in the window)
	 */
	ReleaseWindows(Function<DateRange, TmdbPage> firstPage, LocalDate latest) {
		this.firstPage = firstPage;
		this.latest = latest;
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
		long parts = Math.clamp(Math.ceilDiv(results, TARGET_RESULTS), 2, range.days(latest));
		for (DateRange part : range.split((int) parts, latest)) {
			if (pages(windows) >= maxPages) {
				return;
			}
			TmdbPage first = firstPage.apply(part);
			if (first.totalPages() <= ImportPlanner.TMDB_MAX_PAGE || part.days(latest) == 1) {
				windows.add(new Window(part, first));
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
	 */
	record Window(DateRange range, TmdbPage first) {

		/** The pages TMDB serves of this window. */
		int pages() {
			return Math.min(first.totalPages(), ImportPlanner.TMDB_MAX_PAGE);
		}

	}

}
