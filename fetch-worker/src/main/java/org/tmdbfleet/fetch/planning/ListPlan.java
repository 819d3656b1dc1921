package org.tmdbfleet.fetch.planning;

import java.time.Instant;

import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.fetch.paging.PagePublisher;
import org.tmdbfleet.fetch.tmdb.TmdbClient;
import org.tmdbfleet.fetch.tmdb.TmdbException;
import org.tmdbfleet.fetch.tmdb.TmdbPage;

import org.springframework.stereotype.Component;

/**
 * A list import (popular, top rated, now playing, upcoming, discover): page 1 tells how many
 * pages there are, so its movies are published by the plan itself (no request wasted), with one
 * {@link FetchPage} for each further page and the {@link ImportPlanned}, all in the listener's
 * transaction. A discover list longer than TMDB serves is handed to {@link WindowedPlan}.
 */
@Component
class ListPlan {

	/** TMDB serves no list page beyond this one. */
	static final int TMDB_MAX_PAGE = 500;

	private final TmdbClient tmdb;

	private final PagePublisher publisher;

	private final WindowedPlan windows;

	ListPlan(TmdbClient tmdb, PagePublisher publisher, WindowedPlan windows) {
		this.tmdb = tmdb;
		this.publisher = publisher;
		this.windows = windows;
	}

	PlanOutcome plan(ImportRequested request) {
		TmdbPage first;
		try {
			first = tmdb.fetchList(request.source(), request.filters(), 1);
		}
		catch (TmdbException ex) {
			return PlanOutcome.failed(ex);
		}
		if (windows.needed(request, first)) {
			return windows.plan(request, first);
		}
		// only sends: the listener's transaction opens then and lasts as long as they take
		return new PlanOutcome.Made(() -> publish(request, first));
	}

	private void publish(ImportRequested request, TmdbPage first) {
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

	private static int plannedPages(int totalPages, Integer maxPages) {
		int wanted = (maxPages == null) ? TMDB_MAX_PAGE : maxPages;
		return Math.max(0, Math.min(Math.min(totalPages, wanted), TMDB_MAX_PAGE));
	}

	/** The most pages an import asked for; no limit when it named none. */
	static int maxPages(ImportRequested request) {
		return (request.maxPages() == null) ? Integer.MAX_VALUE : request.maxPages();
	}

	static ImportFilters filters(ImportRequested request) {
		return (request.filters() == null) ? ImportFilters.NONE : request.filters();
	}

}
