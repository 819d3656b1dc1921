package org.tmdbfleet.simulator.api;

import org.tmdbfleet.simulator.api.ResultsPage.Dates;
import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.DiscoverQuery;
import org.tmdbfleet.simulator.catalog.Rankings;
import org.tmdbfleet.simulator.catalog.TitleSearch;
import org.tmdbfleet.simulator.fault.PageShift;

import org.springframework.stereotype.Component;

/** Serves one page of a movie list: the shared path of the four lists, discover and search. */
@Component
class MoviePages {

	private static final int[] NONE = {};

	private final Catalog catalog;

	private final Rankings rankings;

	private final TitleSearch titleSearch;

	private final PageShift pageShift;

	MoviePages(Catalog catalog, Rankings rankings, TitleSearch titleSearch, PageShift pageShift) {
		this.catalog = catalog;
		this.rankings = rankings;
		this.titleSearch = titleSearch;
		this.pageShift = pageShift;
	}

	ResultsPage<ListMovieJson> page(DiscoverQuery query, String page, Dates dates) {
		int number = Paging.page(page);
		return slice(rankings.ranked(query), number, dates);
	}

	/** A page of the movies matching a search, in {@code order}'s order; none for a missing or blank query. */
	ResultsPage<ListMovieJson> search(String query, DiscoverQuery order, String page) {
		int number = Paging.page(page);
		return slice((query == null || query.isBlank()) ? NONE : titleSearch.search(query, order), number, null);
	}

	private ResultsPage<ListMovieJson> slice(int[] ranked, int number, Dates dates) {
		return Paging.slice(ranked, number, Paging.LIST_PAGE_SIZE, pageShift.nextDrift(), dates,
				(index) -> ListMovieJson.of(catalog.movie(index)));
	}

}
