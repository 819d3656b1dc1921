package org.tmdbfleet.fetch.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbPage;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * A changes import: TMDB's list of the movies that changed, at most {@value #CHANGES_DAYS} days
 * a request, read by the plan itself page by page, each page published in a transaction of its
 * own (its movies' details commands and the page's outcome), so that a movie that changed within
 * two requests' days is fetched once. The list carries no data: every movie is fetched by its
 * details, and TMDB's 404 there marks it deleted. Adult titles are left out, as everywhere.
 * {@link ImportPlanned} comes last, in the listener's transaction; a crash before it reads the
 * list again, and its pages and movies are counted once. No reference refresh: a nightly sync
 * spends on TMDB only the changes list and the changed movies.
 */
@Component
class ChangesPlan {

	/** TMDB's changes list serves at most this many days a request. */
	static final int CHANGES_DAYS = 14;

	private static final Logger log = LoggerFactory.getLogger(ChangesPlan.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final ImportControl control;

	ChangesPlan(TmdbClient tmdb, PagePublisher publisher, ImportControl control) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.control = control;
	}

	PlanOutcome plan(ImportRequested request) {
		Reading reading = new Reading(request);
		try {
			if (!reading.read()) {
				return PlanOutcome.CANCELLED;
			}
		}
		catch (TmdbException ex) {
			return PlanOutcome.failed(ex);
		}
		return new PlanOutcome.Made(reading::publishPlanned);
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

	/** One import's changes list while it is being read. */
	private final class Reading {

		private final ImportRequested request;

		private final List<ImportWindow> chunks = new ArrayList<>();

		private final Set<Long> seen = new HashSet<>();

		private long results;

		Reading(ImportRequested request) {
			this.request = request;
		}

		/** Reads and publishes the list page by page; false when the import was cancelled meanwhile. */
		boolean read() {
			ImportFilters filters = ListPlan.filters(request);
			int limit = ListPlan.maxPages(request);
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
					if (control.isCancelled(request.importId())) {
						return false;
					}
					publish((page == 1) ? first : tmdb.fetchList(ImportSource.CHANGES, asked, page), next + page - 1);
				}
				next += pages;
			}
			return true;
		}

		/** A page's movies not seen on an earlier page, and not adult, to their details; then the page's outcome. */
		private void publish(TmdbPage listed, int number) {
			List<JsonNode> wanted = listed.results()
				.stream()
				.filter(change -> change.path("id").isIntegralNumber() && !change.path("adult").asBoolean(false))
				.filter(change -> seen.add(change.path("id").asLong()))
				.toList();
			TmdbPage page = new TmdbPage(number, listed.totalPages(), listed.totalResults(), wanted);
			publisher.inOwnTransaction(() -> publisher.fetched(request.importId(), page, Instant.now(), true));
		}

		/** The plan is whole: its pages and the days of each request. */
		void publishPlanned() {
			int pages = chunks.stream().mapToInt(ImportWindow::pages).sum();
			log.info("Import {}: {} changed movies on {} pages", request.importId(), seen.size(), pages);
			publisher.send(Topics.PROGRESS, new ImportPlanned(request.importId(), pages, results, chunks));
		}

	}

}
