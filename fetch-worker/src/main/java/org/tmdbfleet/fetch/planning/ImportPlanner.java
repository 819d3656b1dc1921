package org.tmdbfleet.fetch.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.DetailsRequested;
import org.tmdbfleet.common.messages.ExportListed;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanDecided;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.fetch.control.ImportControl;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.planning.ReleaseWindows.Window;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbExports;
import org.tmdbfleet.fetch.tmdb.TmdbPage;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Plans an import: page 1 tells how many pages there are, so the planner publishes page 1's
 * movies itself (no request wasted) and one {@link FetchPage} for each further page, then
 * {@link ImportPlanned}, all in the listener's one transaction with the consumed offset. A
 * discover import holding more than a window serves is split into release-date {@link
 * ReleaseWindows windows}, each paged like a list of its own under the import's page numbers.
 * Each window is published as soon as it is decided, in a Kafka transaction of its own that holds
 * no TMDB request (a transaction may not outlast {@code transaction.timeout.ms}; planning may take
 * minutes at TMDB's latency): the fleet fetches the first windows while the planner still asks
 * TMDB about the later ones, and {@link ImportPlanned}, which makes the page count known, comes
 * last, with the offset. A crash during planning plans the import again from the start and sends
 * its first windows again: their pages are fetched twice and counted once (page outcomes and the
 * import's movies are recorded idempotently). A plan that cannot be made ends the import {@code
 * FAILED} with the reason; the pages of the windows already sent are fetched and counted, and a
 * retry plans the import again.
 */
@Component
class ImportPlanner {

	/** TMDB serves no list page beyond this one. */
	static final int TMDB_MAX_PAGE = 500;

	/** Export ids per {@link ExportListed} record (about 100 KB of JSON). */
	static final int EXPORT_PART = 10_000;

	/** TMDB's changes list serves at most this many days a request. */
	static final int CHANGES_DAYS = 14;

	/** Discover's order with the oldest release first. */
	private static final String OLDEST_FIRST = "primary_release_date.asc";

	/** TMDB lists films announced years ahead; an open upper bound is cut as if it ended here. */
	private static final int YEARS_AHEAD = 2;

	private static final Logger log = LoggerFactory.getLogger(ImportPlanner.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl control;

	private final PlanningProperties properties;

	private final TmdbExports exports;

	/** Plans this instance decided, by import: the latest command's request time and record. */
	private final Map<UUID, Decision> decidedHere = new ConcurrentHashMap<>();

	ImportPlanner(TmdbClient tmdb, TmdbExports exports, PagePublisher publisher, ImportControl control,
			PlanningProperties properties) {
		this.tmdb = tmdb;
		this.exports = exports;
		this.publisher = publisher;
		this.control = control;
		this.properties = properties;
	}

	@KafkaListener(id = "fetch-planner", topics = Topics.IMPORTS, concurrency = "${fleet.fetch.planner-concurrency:2}")
	void onCommand(FleetMessage command, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
			@Header(KafkaHeaders.OFFSET) long offset) {
		switch (command) {
			case ImportRequested request -> onImportRequested(request, new CommandRecord(partition, offset));
			case DetailsRequested details -> onDetailsRequested(details);
			default -> throw new PoisonRecordException("not a command for the planner: " + command.getClass().getSimpleName());
		}
	}

	private void onImportRequested(ImportRequested request, CommandRecord record) {
		if (control.isCancelled(request.importId())) {
			log.info("Import {} was cancelled before it was planned", request.importId());
			return;
		}
		if (decidedHere(request, record) || control.isPlanDecided(request.importId(), request.requestedAt())) {
			// the outbox relays at least once: planning again would fetch every page twice, and a
			// failure of the second plan would end an import that is running
			log.info("Import {} was planned already for its request of {}: nothing to do", request.importId(),
					request.requestedAt());
			return;
		}
		String refused = RequestedDates.refusal(request.filters()).orElse(null);
		if (refused != null) {
			fail(request, List.of(), refused);
		}
		else {
			switch (request.source()) {
				case CHANGES -> planChanges(request);
				case CATALOG -> planCatalog(request);
				default -> planList(request, reference());
			}
		}
		// in the listener's transaction, with ImportPlanned or ImportFailed and the command's offset
		publisher.send(Topics.CONTROL, new ImportPlanDecided(request.importId(), request.requestedAt()));
		decidedHere.put(request.importId(), new Decision(request.requestedAt(), record));
	}

	/*
	 * The marker on tmdb.control is what every instance goes by, but a read_committed reader sees no
	 * further than the oldest open transaction on that partition: another planner's, still open,
	 * could hide this instance's marker from the duplicate that follows its command. So the planner
	 * also remembers what it decided. Remembered before its transaction commits, the decision is
	 * kept apart from its own record: a redelivery of that record (the transaction aborted) is
	 * planned again, while any later record of the same request comes only after it committed.
	 */
	private boolean decidedHere(ImportRequested request, CommandRecord record) {
		Decision decision = decidedHere.get(request.importId());
		return decision != null && !decision.record().equals(record) && request.requestedAt() != null
				&& !request.requestedAt().isAfter(decision.requestedAt());
	}

	/** Where a command was read: its partition of {@code tmdb.imports} and its offset. */
	private record CommandRecord(int partition, long offset) {
	}

	private record Decision(Instant requestedAt, CommandRecord record) {
	}

	/** The gateway's sweep of a catalog import: each id to its details, in the listener's transaction. */
	private void onDetailsRequested(DetailsRequested details) {
		if (control.isCancelled(details.importId())) {
			return;
		}
		details.movieIds().forEach(id -> publisher.send(Topics.DETAILS, new FetchDetails(details.importId(), id)));
	}

	/**
	 * A catalog import: the ids of TMDB's newest export, read whole before anything is sent, then
	 * sent in parts; then the whole discover list in release-date windows, like a discover import
	 * with no filters, whose pages list most of them. The gateway sends the ids no window listed to
	 * their details once every page has an outcome. With {@code details} there are no windows:
	 * every id goes to its details.
	 */
	private void planCatalog(ImportRequested request) {
		List<FleetMessage> reference = reference();
		TmdbExports.Export[] export = new TmdbExports.Export[1];
		boolean read = made(request, reference, () -> {
			export[0] = exports.readLatest(filters(request).adultIncluded());
			publishExport(request, export[0]);
		});
		if (!read) {
			return;
		}
		if (request.details()) {
			publishReference(reference);
			publisher.send(Topics.PROGRESS, new ImportPlanned(request.importId(), 0, export[0].size()));
			return;
		}
		planList(new ImportRequested(request.importId(), ImportSource.DISCOVER, null, ImportFilters.NONE,
				request.requestedAt(), false), reference);
	}

	private void publishExport(ImportRequested request, TmdbExports.Export export) {
		List<Long> part = new ArrayList<>(EXPORT_PART);
		for (int id = export.ids().nextSetBit(0); id >= 0; id = export.ids().nextSetBit(id + 1)) {
			part.add((long) id);
			if (part.size() == EXPORT_PART) {
				publishExportPart(request, export, part);
				part.clear();
			}
		}
		if (!part.isEmpty()) {
			publishExportPart(request, export, part);
		}
	}

	private void publishExportPart(ImportRequested request, TmdbExports.Export export, List<Long> ids) {
		stopIfCancelled(request);
		ExportListed part = new ExportListed(request.importId(), export.date(), ids);
		publishStep(() -> publisher.send(Topics.PROGRESS, part));
	}

	private void planList(ImportRequested request, List<FleetMessage> reference) {
		TmdbPage first;
		try {
			first = tmdb.fetchList(request.source(), request.filters(), 1);
		}
		catch (RuntimeException ex) {
			fail(request, reference, ex);
			return;
		}
		if (!needsWindows(request, first)) {
			// only sends: the listener's transaction opens now and lasts as long as they take
			publishReference(reference);
			publishList(request, first);
			return;
		}
		WindowedPlan plan = new WindowedPlan(request, first);
		if (made(request, reference, plan::decide)) {
			publishReference(reference);
			plan.publishPlanned();
		}
	}

	/** No reference refresh: a nightly sync spends on TMDB only the changes list and the changed movies. */
	private void planChanges(ImportRequested request) {
		ChangesPlan plan = new ChangesPlan(request);
		if (made(request, List.of(), plan::read)) {
			plan.publishPlanned();
		}
	}

	/**
	 * Makes a plan that publishes as it goes. True when it was made; false when the import was
	 * cancelled meanwhile, or the plan could not be made (its failure is sent then). Kafka refusing
	 * a step is not the import's fault: it propagates, and the command is consumed again.
	 */
	private boolean made(ImportRequested request, List<FleetMessage> reference, Runnable planning) {
		try {
			planning.run();
			return true;
		}
		catch (PublishingFailed ex) {
			throw ex.kafka;
		}
		catch (PlanningStopped ex) {
			log.info("Import " + request.importId() + " was cancelled while it was planned");
			return false;
		}
		catch (RuntimeException ex) {
			fail(request, reference, ex);
			return false;
		}
	}

	/** A plan made as it goes stops at its next step once its import is cancelled. */
	private void stopIfCancelled(ImportRequested request) {
		if (control.isCancelled(request.importId())) {
			throw new PlanningStopped();
		}
	}

	/** One step of a plan made as it goes, in a Kafka transaction of its own. */
	private void publishStep(Runnable sends) {
		try {
			publisher.inOwnTransaction(sends);
		}
		catch (RuntimeException ex) {
			throw new PublishingFailed(ex);
		}
	}

	private void fail(ImportRequested request, List<FleetMessage> reference, RuntimeException ex) {
		if (Thread.currentThread().isInterrupted()) {
			throw ex; // shutting down: the import is planned again where its partition goes
		}
		fail(request, reference, describe(ex));
	}

	private void fail(ImportRequested request, List<FleetMessage> reference, String why) {
		String reason = "planning failed: " + why;
		log.warn("Import " + request.importId() + " cannot start, " + reason);
		publishReference(reference);
		publisher.send(Topics.PROGRESS, new ImportFailed(request.importId(), reason));
	}

	private void publishList(ImportRequested request, TmdbPage first) {
		int pages = plannedPages(first.totalPages(), request.maxPages());
		publisher.send(Topics.PROGRESS, new ImportPlanned(request.importId(), pages, first.totalResults()));
		if (pages == 0) {
			return;
		}
		publisher.fetched(request.importId(), first, Instant.now(), request.details());
		PagePublisher.Dealer pagesOut = publisher.dealer(request.importId());
		for (int page = 2; page <= pages; page++) {
			pagesOut.deal(new FetchPage(request.importId(), request.source(), request.filters(), page, null,
					request.details()));
		}
	}

	/**
	 * Every import refreshes TMDB's reference data, the genre list and the image configuration:
	 * two requests, and the persist workers keep them current without a scheduler. A failure
	 * costs the import nothing.
	 */
	private List<FleetMessage> reference() {
		List<FleetMessage> reference = new ArrayList<>(2);
		try {
			reference.add(new GenresFetched(tmdb.fetchGenres(), Instant.now()));
		}
		catch (RuntimeException ex) {
			log.warn("Genres not refreshed: " + describe(ex));
		}
		try {
			tmdb.fetchImageConfiguration().ifPresent(reference::add);
		}
		catch (RuntimeException ex) {
			log.warn("Image configuration not refreshed: " + describe(ex));
		}
		return reference;
	}

	private void publishReference(List<FleetMessage> reference) {
		reference.forEach(message -> publisher.send(Topics.MOVIES, message));
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
		Numbering numbering = new Numbering(maxPages);
		return windows.stream().map(numbering::next).toList();
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

	/** Numbers windows, in date order, into the import's pages, all of them within {@code maxPages}. */
	static final class Numbering {

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

	/**
	 * A windowed import's plan while it is being made: each window, once decided, is numbered and
	 * published in a transaction of its own.
	 */
	private final class WindowedPlan {

		private final ImportRequested request;

		private final TmdbPage first;

		private final ImportFilters filters;

		private final Numbering numbering;

		private final PagePublisher.Dealer pagesOut;

		private final List<ImportWindow> windows = new ArrayList<>();

		WindowedPlan(ImportRequested request, TmdbPage first) {
			this.request = request;
			this.first = first;
			this.filters = filters(request);
			this.numbering = new Numbering(maxPages(request));
			this.pagesOut = publisher.dealer(request.importId());
			pagesOut.spent(); // the genre list
			pagesOut.spent(); // the image configuration
			pagesOut.spent(); // page 1
		}

		/** Asks TMDB for the windows, publishing each as it is decided. */
		void decide() {
			LocalDate earliest = (filters.releaseDateFrom() == null) ? earliestRelease() : DateRange.EARLIEST;
			ReleaseWindows cutter = new ReleaseWindows(range -> {
				pagesOut.spent();
				return firstPage(filters, range);
			}, earliest, today().plusYears(YEARS_AHEAD), properties.windowPages(), properties.probes());
			cutter.split(DateRange.of(filters), first.totalResults(), maxPages(request), this::publish);
		}

		/**
		 * The oldest release date among the import's movies, from one request sorted by it: an
		 * open lower bound is cut from there, not from TMDB's oldest film, so no request is spent
		 * on decades without one of them (a genre's or a language's films often begin long after
		 * 1874; the simulator's in 1930, which cost 56 empty probes and 3 s before the first page).
		 * Never earlier than {@link DateRange#EARLIEST}; the first window stays open below either way.
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

		private void publish(Window found) {
			stopIfCancelled(request);
			ImportWindow window = numbering.next(found);
			windows.add(window);
			if (window.pages() == 0) {
				return;
			}
			publishStep(() -> {
				publisher.fetched(request.importId(), found.first().renumbered(window.firstPage()), Instant.now(),
						request.details());
				for (int page = window.firstPage() + 1; window.holds(page); page++) {
					pagesOut.deal(window.fetchPage(request.importId(), filters, page, request.details()));
				}
			});
		}

		/** The plan is whole: its page count and windows, in the listener's transaction. */
		void publishPlanned() {
			int pages = windows.stream().mapToInt(ImportWindow::pages).sum();
			log.info("Import " + request.importId() + ": " + first.totalResults() + " movies in " + windows.size()
					+ " release-date windows, " + pages + " pages");
			publisher.send(Topics.PROGRESS,
					new ImportPlanned(request.importId(), pages, first.totalResults(), windows));
		}

	}

	/**
	 * A changes import: TMDB's list of the movies that changed, at most {@value #CHANGES_DAYS}
	 * days a request, read by the planner itself page by page, each page published in a
	 * transaction of its own (its movies' details commands and the page's outcome), so that a
	 * movie that changed within two requests' days is fetched once. The list carries no data:
	 * every movie is fetched by its details, and TMDB's 404 there marks it deleted. Adult titles
	 * are left out, as everywhere. {@link ImportPlanned} comes last, with the offset; a crash
	 * before it reads the list again, and its pages and movies are counted once.
	 */
	private final class ChangesPlan {

		private final ImportRequested request;

		private final List<ImportWindow> chunks = new ArrayList<>();

		private final Set<Long> seen = new HashSet<>();

		private long results;

		ChangesPlan(ImportRequested request) {
			this.request = request;
		}

		void read() {
			ImportFilters filters = filters(request);
			int limit = maxPages(request);
			int next = 1;
			for (DateRange days : changeRequests(filters.changedFrom(), filters.changedTo())) {
				if (next > limit) {
					break;
				}
				ImportFilters asked = ImportFilters.changed(days.from(), days.to());
				TmdbPage first = tmdb.fetchList(ImportSource.CHANGES, asked, 1);
				int pages = Math.min(first.totalPages(), limit - (next - 1));
				chunks.add(new ImportWindow(days.from(), days.to(), next, pages, first.totalResults(),
						first.totalPages() > pages));
				results += first.totalResults();
				for (int page = 1; page <= pages; page++) {
					publish((page == 1) ? first : tmdb.fetchList(ImportSource.CHANGES, asked, page), next + page - 1);
				}
				next += pages;
			}
		}

		/** A page's movies not seen on an earlier page, and not adult, to their details; then the page's outcome. */
		private void publish(TmdbPage listed, int number) {
			stopIfCancelled(request);
			List<JsonNode> wanted = listed.results()
				.stream()
				.filter(change -> change.path("id").isIntegralNumber() && !change.path("adult").asBoolean(false))
				.filter(change -> seen.add(change.path("id").asLong()))
				.toList();
			TmdbPage page = new TmdbPage(number, listed.totalPages(), listed.totalResults(), wanted);
			publishStep(() -> publisher.fetched(request.importId(), page, Instant.now(), true));
		}

		/** The plan is whole: its pages and the days of each request, in the listener's transaction. */
		void publishPlanned() {
			int pages = chunks.stream().mapToInt(ImportWindow::pages).sum();
			log.info("Import " + request.importId() + ": " + seen.size() + " changed movies on " + pages + " pages");
			publisher.send(Topics.PROGRESS, new ImportPlanned(request.importId(), pages, results, chunks));
		}

	}

	/**
	 * The days of a changes import cut into TMDB's requests of at most {@value #CHANGES_DAYS}
	 * days; no dates at all is one request of TMDB's default days (the last 24 hours).
	 */
	static List<DateRange> changeRequests(LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			return List.of(new DateRange(from, to));
		}
		List<DateRange> requests = new ArrayList<>();
		for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(CHANGES_DAYS)) {
			LocalDate end = start.plusDays(CHANGES_DAYS - 1);
			requests.add(new DateRange(start, end.isAfter(to) ? to : end));
		}
		return requests;
	}

	/** The import was cancelled while it was planned. */
	private static final class PlanningStopped extends RuntimeException {

		PlanningStopped() {
			super(null, null, false, false);
		}

	}

	/** Kafka refused a step of a plan: the plan is not at fault, the command is retried. */
	private static final class PublishingFailed extends RuntimeException {

		private final RuntimeException kafka;

		PublishingFailed(RuntimeException kafka) {
			super(kafka.getMessage(), kafka, false, false);
			this.kafka = kafka;
		}

	}

}
