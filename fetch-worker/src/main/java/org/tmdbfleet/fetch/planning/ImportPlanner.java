package org.tmdbfleet.fetch.planning;

import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.fetch.control.CancelledImports;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbPage;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Plans an import: page 1 tells how many pages there are, so the planner publishes page 1's
 * movies itself (no request wasted) and one {@link FetchPage} for each further page. All of it
 * in one Kafka transaction with the consumed offset: a crash re-plans from scratch, never half.
 */
@Component
class ImportPlanner {

	/** TMDB serves no list page beyond this one. */
	static final int TMDB_MAX_PAGE = 500;

	private static final Log log = LogFactory.getLog(ImportPlanner.class);

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final CancelledImports cancellations;

	ImportPlanner(TmdbClient tmdb, PagePublisher publisher, CancelledImports cancellations) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.cancellations = cancellations;
	}

	@KafkaListener(id = "fetch-planner", topics = Topics.IMPORTS, concurrency = "${fleet.fetch.planner-concurrency:2}")
	void onImportRequested(ImportRequested request) {
		if (cancellations.isCancelled(request.importId())) {
			log.info("Import " + request.importId() + " was cancelled before it was planned");
			return;
		}
		syncGenres();
		TmdbPage first;
		try {
			first = tmdb.fetchList(request.source(), request.filters(), 1);
		}
		catch (TmdbException ex) {
			log.warn("Import " + request.importId() + " cannot start: " + ex.getMessage());
			publisher.send(Topics.PROGRESS, new ImportFailed(request.importId(), ex.getMessage()));
			return;
		}
		int pages = plannedPages(first.totalPages(), request.maxPages());
		publisher.send(Topics.PROGRESS, new ImportPlanned(request.importId(), pages, first.totalResults()));
		if (pages == 0) {
			return;
		}
		publisher.fetched(request.importId(), first, Instant.now(), request.details());
		for (int page = 2; page <= pages; page++) {
			publisher.send(Topics.PAGES,
					new FetchPage(request.importId(), request.source(), request.filters(), page, request.details()));
		}
	}

	/**
	 * Every import refreshes the genre list: one request, and the persist workers keep
	 * {@code genres} current without a scheduler. A failure costs the import nothing.
	 */
	private void syncGenres() {
		try {
			publisher.send(Topics.MOVIES, new GenresFetched(tmdb.fetchGenres(), Instant.now()));
		}
		catch (TmdbException ex) {
			log.warn("Genres not refreshed: " + ex.getMessage());
		}
	}

	static int plannedPages(int totalPages, Integer maxPages) {
		int wanted = maxPages == null ? TMDB_MAX_PAGE : maxPages;
		return Math.max(0, Math.min(Math.min(totalPages, wanted), TMDB_MAX_PAGE));
	}

}
