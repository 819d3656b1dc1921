package org.tmdbfleet.simulator.api;

import org.tmdbfleet.simulator.api.ResultsPage.Dates;
import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.DiscoverQuery;
import org.tmdbfleet.simulator.catalog.Rankings;
import org.tmdbfleet.simulator.fault.PageShift;

import org.springframework.stereotype.Component;

/** Serves one page of a movie list: the shared path of the four lists and discover. */
@Component
class MoviePages {

	private final Catalog catalog;

	private final Rankings rankings;

	private final PageShift pageShift;

	MoviePages(Catalog catalog, Rankings rankings, PageShift pageShift) {
		this.catalog = catalog;
		this.rankings = rankings;
		this.pageShift = pageShift;
	}

	ResultsPage<ListMovieJson> page(DiscoverQuery query, String page, Dates dates) {
		int number = Paging.page(page);
		int[] ranked = rankings.ranked(query);
		return Paging.slice(ranked, number, Paging.LIST_PAGE_SIZE, pageShift.nextDrift(), dates,
				(index) -> ListMovieJson.of(catalog.movie(index)));
	}

}
