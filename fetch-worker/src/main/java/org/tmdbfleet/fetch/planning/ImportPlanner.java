package org.tmdbfleet.fetch.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.fetch.control.CancelledImports;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.planning.ReleaseWindows.Window;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbPage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Plans an import: page 1 tells how many pages there are, so the planner publishes page 1's
 * movies itself (no request wasted) and one {@link FetchPage} for each further page. A discover
 * import holding more than a window serves is split into release-date {@link ReleaseWindows
 * windows} first, each paged like a list of its own under the import's page numbers. Every TMDB
 * request of planning (genres, page 1, the windows' page 1s) is made before the first send, so
 * the Kafka transaction, which opens at the first send, only lasts as long as publishing: planning
 * may take minutes at TMDB's latency, a transaction may not ({@code transaction.timeout.ms}). The
 * plan is published with the consumed offset in that one transaction: a crash re-plans from
 * scratch, never half. A plan that cannot be made ends the import {@code FAILED} with the reason.
 */
@Component
class ImportPlanner {

	/** TMDB serves no list page beyond this one. */
	static final int TMDB_MAX_PAGE = 500;

	/** TMDB lists films announced years ahead; an open upper bound is cut as if it ended here. */
	private static final int YEARS_AHEAD = 2;

	private static final Log log = LogFactory.getLog(ImportPlanner.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final CancelledImports cancellations;

	private final PlanningProperties properties;

	ImportPlanner(TmdbClient tmdb, PagePublisher publisher, CancelledImports cancellations,
			PlanningProperties properties) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.cancellations = cancellations;
		this.properties = properties;
	}

	@KafkaListener(id = "fetch-planner", topics = Topics.IMPORTS, concurrency = "${fleet.fetch.planner-concurrency:2}")
	void onImportRequested(ImportRequested request) {
		if (cancellations.isCancelled(request.importId())) {
			log.info("Import " + request.importId() + " was cancelled before it was planned");
			return;
		}
		Optional<GenresFetched> genres = genres();
		Plan plan;
		try {
			plan = plan(request);
		}
		catch (RuntimeException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw ex; // shutting down: the import is planned again where its partition goes
			}
			String reason = "planning failed: " + describe(ex);
			log.warn("Import " + request.importId() + " cannot start, " + reason);
			genres.ifPresent(list -> publisher.send(Topics.MOVIES, list));
			publisher.send(Topics.PROGRESS, new ImportFailed(request.importId(), reason));
			return;
		}
		// from here on only sends: the transaction opens now and lasts as long as they take
		genres.ifPresent(list -> publisher.send(Topics.MOVIES, list));
		publish(request, plan);
	}

	/** Every TMDB request planning needs; nothing is sent. */
	private Plan plan(ImportRequested request) {
		TmdbPage first = tmdb.fetchList(request.source(), request.filters(), 1);
		if (!needsWindows(request, first)) {
			return new Plan(first, List.of(), List.of());
		}
		ImportFilters filters = filters(request);
		ReleaseWindows cutter = new ReleaseWindows(range -> firstPage(filters, range), today().plusYears(YEARS_AHEAD),
				properties.windowPages(), properties.probes());
		List<Window> found = cutter.split(DateRange.of(filters), first.totalResults(), maxPages(request));
		return new Plan(first, found, numbered(found, maxPages(request)));
	}

	private void publish(ImportRequested request, Plan plan) {
		if (plan.windows().isEmpty()) {
			publishList(request, plan.first());
		}
		else {
			publishWindows(request, plan);
		}
	}

	private void publishList(ImportRequested request, TmdbPage first) {
		int pages = plannedPages(first.totalPages(), request.maxPages());
		publisher.send(Topics.PROGRESS, new ImportPlanned(request.importId(), pages, first.totalResults()));
		if (pages == 0) {
			return;
		}
		publisher.fetched(request.importId(), first, Instant.now(), request.details());
		for (int page = 2; page <= pages; page++) {
			publisher.fetchPage(new FetchPage(request.importId(), request.source(), request.filters(), page, null,
					request.details()), page - 2);
		}
	}

	/**
	 * Every import refreshes the genre list: one request, and the persist workers keep
	 * {@code genres} current without a scheduler. A failure costs the import nothing.
	 */
	private Optional<GenresFetched> genres() {
		try {
			return Optional.of(new GenresFetched(tmdb.fetchGenres(), Instant.now()));
		}
		catch (RuntimeException ex) {
			log.warn("Genres not refreshed: " + describe(ex));
			return Optional.empty();
		}
	}

	private void publishWindows(ImportRequested request, Plan plan) {
		ImportFilters filters = filters(request);
		List<ImportWindow> windows = plan.windows();
		int pages = windows.stream().mapToInt(ImportWindow::pages).sum();
		log.info("Import " + request.importId() + ": " + plan.first().totalResults() + " movies in " + windows.size()
				+ " release-date windows, " + pages + " pages");
		publisher.send(Topics.PROGRESS,
				new ImportPlanned(request.importId(), pages, plan.first().totalResults(), windows));
		Instant now = Instant.now();
		int turn = 0;
		for (int i = 0; i < windows.size(); i++) {
			ImportWindow window = windows.get(i);
			if (window.pages() == 0) {
				continue;
			}
			publisher.fetched(request.importId(), plan.found().get(i).first().renumbered(window.firstPage()), now,
					request.details());
			for (int page = window.firstPage() + 1; window.holds(page); page++) {
				publisher.fetchPage(window.fetchPage(request.importId(), filters, page, request.details()), turn++);
			}
		}
	}

	private TmdbPage firstPage(ImportFilters filters, DateRange range) {
		return tmdb.fetchList(ImportSource.DISCOVER, ImportWindow.filters(filters, range.from(), range.to()), 1);
	}

	/** A TMDB failure says what TMDB answered; anything else also says what went wrong. */
	private static String describe(Exception ex) {
		return (ex instanceof TmdbException || ex.getMessage() == null) ? String.valueOf(ex.getMessage())
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	/** Gives each window its run of the import's pages, all of them within {@code maxPages}. */
	static List<ImportWindow> numbered(List<Window> windows, int maxPages) {
		List<ImportWindow> numbered = new ArrayList<>(windows.size());
		int next = 1;
		for (Window window : windows) {
			int pages = Math.min(window.pages(), maxPages - (next - 1));
			numbered.add(new ImportWindow(window.range().from(), window.range().to(), next, pages,
					window.first().totalResults(), window.first().totalPages() > pages));
			next += pages;
		}
		return numbered;
	}

	/**
	 * A discover list longer than a window (TMDB serves 500 pages), when more than a window's pages
	 * were asked for and its date range can be cut.
	 */
	private boolean needsWindows(ImportRequested request, TmdbPage first) {
		return request.source() == ImportSource.DISCOVER && first.totalPages() > properties.windowPages()
				&& maxPages(request) > properties.windowPages()
				&& DateRange.of(filters(request)).days(today().plusYears(YEARS_AHEAD)) > 1;
	}

	static int plannedPages(int totalPages, Integer maxPages) {
		int wanted = maxPages == null ? TMDB_MAX_PAGE : maxPages;
		return Math.max(0, Math.min(Math.min(totalPages, wanted), TMDB_MAX_PAGE));
	}

	private static int maxPages(ImportRequested request) {
		return (request.maxPages() == null) ? Integer.MAX_VALUE : request.maxPages();
	}

	private static ImportFilters filters(ImportRequested request) {
		return (request.filters() == null) ? ImportFilters.NONE : request.filters();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/**
	 * What planning learnt from TMDB.
	 *
	 * @param first the import's page 1
	 * @param found the release-date windows with their page 1s, empty for one list
	 * @param windows the same windows, numbered into the import's pages
	 */
	private record Plan(TmdbPage first, List<Window> found, List<ImportWindow> windows) {
	}

}
