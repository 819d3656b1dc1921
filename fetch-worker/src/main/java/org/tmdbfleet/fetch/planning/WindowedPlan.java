package org.tmdbfleet.fetch.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.planning.ReleaseWindows.Window;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbPage;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * A discover import holding more than a window serves, split into release-date {@link
 * ReleaseWindows windows}, each paged like a list of its own under the import's page numbers.
 * Each window is published as soon as it is decided, in a Kafka transaction of its own that
 * holds no TMDB request (a transaction may not outlast {@code transaction.timeout.ms}; planning
 * may take minutes at TMDB's latency): the fleet fetches the first windows while the plan still
 * asks TMDB about the later ones, and {@link ImportPlanned}, which makes the page count known,
 * comes last, in the listener's transaction. A crash during planning plans the import again from
 * the start and sends its first windows again: their pages are fetched twice and counted once.
 * A plan that cannot be made ends the import; the pages of the windows already sent are fetched
 * and counted, and a retry plans the import again.
 */
@Component
class WindowedPlan {

	/** Discover's order with the oldest release first. */
	private static final String OLDEST_FIRST = "primary_release_date.asc";

	/** TMDB lists films announced years ahead; an open upper bound is cut as if it ended here. */
	private static final int YEARS_AHEAD = 2;

	private static final Logger log = LoggerFactory.getLogger(WindowedPlan.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl control;

	private final PlanningProperties properties;

	WindowedPlan(TmdbClient tmdb, PagePublisher publisher, ImportControl control, PlanningProperties properties) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.control = control;
		this.properties = properties;
	}

	/**
	 * A discover list longer than a window (TMDB serves 500 pages), when more than a window's pages
	 * were asked for and its date range can be cut.
	 */
	boolean needed(ImportRequested request, TmdbPage first) {
		return request.source() == ImportSource.DISCOVER && first.totalPages() > properties.windowPages()
				&& ListPlan.maxPages(request) > properties.windowPages()
				&& DateRange.of(ListPlan.filters(request)).days(today().plusYears(YEARS_AHEAD)) > 1;
	}

	PlanOutcome plan(ImportRequested request, TmdbPage first) {
		return new Making(request, first).make();
	}

	/** Gives each window its run of the import's pages, all of them within {@code maxPages}. */
	static List<ImportWindow> numbered(List<Window> windows, int maxPages) {
		Numbering numbering = new Numbering(maxPages);
		return windows.stream().map(numbering::next).toList();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** Numbers windows, in date order, into the import's pages, all of them within {@code maxPages}. */
	private static final class Numbering {

		private final int maxPages;

		private int next = 1;

		Numbering(int maxPages) {
			this.maxPages = maxPages;
		}

		ImportWindow next(Window window) {
			int pages = Math.min(window.pages(), maxPages - (next - 1));
			ImportWindow numbered = new ImportWindow(window.range().from(), window.range().to(), next, pages,
					window.first().totalResults(), window.first().totalPages() > pages);
			next += pages;
			return numbered;
		}

	}

	/** One import's plan while it is being made. */
	private final class Making {

		private final ImportRequested request;

		private final TmdbPage first;

		private final ImportFilters filters;

		private final Numbering numbering;

		private final PagePublisher.Dealer pagesOut;

		private final List<ImportWindow> windows = new ArrayList<>();

		private boolean cancelled;

		Making(ImportRequested request, TmdbPage first) {
			this.request = request;
			this.first = first;
			this.filters = ListPlan.filters(request);
			this.numbering = new Numbering(ListPlan.maxPages(request));
			this.pagesOut = publisher.dealer(request.importId());
			pagesOut.spent(); // the genre list
			pagesOut.spent(); // the image configuration
			pagesOut.spent(); // page 1
		}

		/** Asks TMDB for the windows, publishing each as it is decided. */
		PlanOutcome make() {
			try {
				LocalDate earliest = (filters.releaseDateFrom() == null) ? earliestRelease() : DateRange.EARLIEST;
				ReleaseWindows cutter = new ReleaseWindows(range -> {
					pagesOut.spent();
					return tmdb.fetchList(ImportSource.DISCOVER,
							ImportWindow.filters(filters, range.from(), range.to()), 1);
				}, earliest, today().plusYears(YEARS_AHEAD), properties.windowPages(), properties.probes());
				cutter.split(DateRange.of(filters), first.totalResults(), ListPlan.maxPages(request), this::publish);
			}
			catch (TmdbException ex) {
				return PlanOutcome.failed(ex);
			}
			return cancelled ? PlanOutcome.CANCELLED : new PlanOutcome.Made(this::publishPlanned);
		}

		/**
		 * The oldest release date among the import's movies, from one request sorted by it: an
		 * open lower bound is cut from there, not from TMDB's oldest film, so no request is spent
		 * on decades without one of them (a genre's or a language's films often begin long after
		 * 1874). Never earlier than {@link DateRange#EARLIEST}; the first window stays open below
		 * either way.
		 */
		private LocalDate earliestRelease() {
			pagesOut.spent();
			ImportFilters oldestFirst = new ImportFilters(null, filters.releaseDateTo(), filters.genres(),
					OLDEST_FIRST, filters.language(), filters.region());
			TmdbPage oldest = tmdb.fetchList(ImportSource.DISCOVER, oldestFirst, 1);
			for (JsonNode movie : oldest.results()) {
				try {
					LocalDate released = LocalDate.parse(movie.path("release_date").asString(""));
					return released.isAfter(DateRange.EARLIEST) ? released : DateRange.EARLIEST;
				}
				catch (DateTimeParseException ex) {
					// TMDB's release_date may be "" or missing: the next one tells
				}
			}
			return DateRange.EARLIEST;
		}

		/** A decided window's page 1 and page commands, in a transaction of their own; false once cancelled. */
		private boolean publish(Window found) {
			if (control.isCancelled(request.importId())) {
				cancelled = true;
				return false;
			}
			ImportWindow window = numbering.next(found);
			windows.add(window);
			if (window.pages() > 0) {
				publisher.inOwnTransaction(() -> {
					publisher.fetched(request.importId(), found.first().renumbered(window.firstPage()), Instant.now(),
							request.details());
					for (int page = window.firstPage() + 1; window.holds(page); page++) {
						pagesOut.deal(window.fetchPage(request.importId(), filters, page, request.details()));
					}
				});
			}
			return true;
		}

		/** The plan is whole: its page count and windows. */
		private void publishPlanned() {
			int pages = windows.stream().mapToInt(ImportWindow::pages).sum();
			log.info("Import {}: {} movies in {} release-date windows, {} pages", request.importId(),
					first.totalResults(), windows.size(), pages);
			publisher.send(Topics.PROGRESS,
					new ImportPlanned(request.importId(), pages, first.totalResults(), windows));
		}

	}

}
