package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

import org.tmdbfleet.fetch.tmdb.TmdbPage;

/**
 * Cuts a discover import's release-date range into windows TMDB can page through completely, at
 * most {@code windowPages} pages each (TMDB serves {@value ListPlan#TMDB_MAX_PAGE}). The size
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

	private final LocalDate earliest;

	private final LocalDate latest;

	private final int windowPages;

	private final int probes;

	/**
	 * @param firstPage asks TMDB for page 1 of the import's list narrowed to a range; called from
	 * up to {@code probes} threads at once
	 * @param earliest where an open lower bound is cut as if it began (it stays open in the window)
	 * @param latest where an open upper bound is cut as if it ended (it stays open in the window)
	 * @param windowPages the most pages of a window
	 * @param probes how many ranges' page 1s are asked for at once: the ranges that come next in
	 * date order are asked ahead, so planning takes the rate limit's time, not the sum of TMDB's
	 * latencies; 1 asks one range at a time, and never one the plan does not need
	 */
	ReleaseWindows(Function<DateRange, TmdbPage> firstPage, LocalDate earliest, LocalDate latest, int windowPages,
			int probes) {
		this.firstPage = firstPage;
		this.earliest = earliest;
		this.latest = latest;
		this.windowPages = windowPages;
		this.probes = probes;
	}

	ReleaseWindows(Function<DateRange, TmdbPage> firstPage, LocalDate latest) {
		this(firstPage, DateRange.EARLIEST, latest, ListPlan.TMDB_MAX_PAGE, 1);
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
	 * Ranges are decided in date order, a range too big giving way to its parts; the page 1s of
	 * the next {@code probes} ranges are on their way meanwhile.
	 * @param results how many movies TMDB lists in the whole range (more than it serves)
	 * @param maxPages the most pages the import fetches: once the windows found hold as many, the
	 * rest of the range is not asked for (beyond the ranges already asked ahead)
	 * @param decided told of each window as soon as it is decided, in date order, on the caller's
	 * thread, while the ranges after it are still being asked: false ends the split there
	 */
	List<Window> split(DateRange range, long results, int maxPages, Predicate<Window> decided) {
		if (range.days(earliest, latest) < 2) {
			throw new IllegalArgumentException("a single day cannot be split: " + range);
		}
		List<Window> windows = new ArrayList<>();
		long pages = 0;
		Deque<Probe> pending = new ArrayDeque<>();
		ExecutorService askers = (probes > 1) ? Executors.newFixedThreadPool(probes,
				Thread.ofPlatform().name("planner-probe-", 0).daemon().factory()) : null;
		try {
			parts(range, results).forEach(part -> pending.addLast(new Probe(part)));
			while (!pending.isEmpty() && pages < maxPages) {
				if (askers != null) {
					pending.stream().limit(probes).forEach(probe -> probe.ask(askers));
				}
				Probe next = pending.removeFirst();
				TmdbPage first = next.first();
				if (first.totalPages() <= windowPages || next.range().days(earliest, latest) == 1) {
					Window window = new Window(next.range(), first, windowPages);
					windows.add(window);
					pages += window.pages();
					if (!decided.test(window)) {
						break;
					}
				}
				else {
					parts(next.range(), first.totalResults()).reversed()
						.forEach(part -> pending.addFirst(new Probe(part)));
				}
			}
			return windows;
		}
		finally {
			if (askers != null) {
				askers.shutdownNow();
			}
		}
	}

	/** {@link #split(DateRange, long, int, Predicate)}, told of the windows only at the end. */
	List<Window> split(DateRange range, long results, int maxPages) {
		return split(range, results, maxPages, window -> true);
	}

	private List<DateRange> parts(DateRange range, long results) {
		long parts = Math.clamp(Math.ceilDiv(results, targetResults()), 2, range.days(earliest, latest));
		return range.split((int) parts, earliest, latest);
	}

	/** A range whose page 1 is asked for, ahead of need or when it is needed. */
	private final class Probe {

		private final DateRange range;

		private Future<TmdbPage> asked;

		Probe(DateRange range) {
			this.range = range;
		}

		DateRange range() {
			return range;
		}

		void ask(ExecutorService askers) {
			if (asked == null) {
				asked = askers.submit(() -> firstPage.apply(range));
			}
		}

		/** The range's page 1, waiting for it if it was asked ahead, asking now if not. */
		TmdbPage first() {
			if (asked == null) {
				return firstPage.apply(range);
			}
			try {
				return asked.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("planning interrupted", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}

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
