package org.tmdbfleet.simulator.api;

import java.time.LocalDate;

import org.tmdbfleet.simulator.api.ResultsPage.Dates;
import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.DiscoverQuery;
import org.tmdbfleet.simulator.catalog.DiscoverQuery.Range;
import org.tmdbfleet.simulator.catalog.SortBy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's movie lists. {@code language} and {@code region} are accepted and ignored: the catalog
 * has one language and no regional release dates.
 */
@RestController
@RequestMapping("/3/movie")
class MovieListController {

	/** TMDB's top_rated leaves out movies with few votes, whose averages mean little. */
	static final int TOP_RATED_MIN_VOTES = 300;

	static final int NOW_PLAYING_DAYS = 40;

	static final int UPCOMING_DAYS = 30;

	private final Catalog catalog;

	private final MoviePages pages;

	MovieListController(Catalog catalog, MoviePages pages) {
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping("/popular")
	ResultsPage<ListMovieJson> popular(@RequestParam(required = false) String page) {
		return pages.page(DiscoverQuery.all(SortBy.POPULARITY_DESC), page, null);
	}

	@GetMapping("/top_rated")
	ResultsPage<ListMovieJson> topRated(@RequestParam(required = false) String page) {
		DiscoverQuery query = DiscoverQuery.all(SortBy.VOTE_AVERAGE_DESC)
			.withVoteCount(Range.atLeast(TOP_RATED_MIN_VOTES));
		return pages.page(query, page, null);
	}

	@GetMapping("/now_playing")
	ResultsPage<ListMovieJson> nowPlaying(@RequestParam(required = false) String page) {
		LocalDate today = catalog.today();
		return released(today.minusDays(NOW_PLAYING_DAYS), today, page);
	}

	@GetMapping("/upcoming")
	ResultsPage<ListMovieJson> upcoming(@RequestParam(required = false) String page) {
		LocalDate today = catalog.today();
		return released(today.plusDays(1), today.plusDays(UPCOMING_DAYS), page);
	}

	private ResultsPage<ListMovieJson> released(LocalDate from, LocalDate to, String page) {
		DiscoverQuery query = DiscoverQuery.all(SortBy.POPULARITY_DESC).releasedBetween(from, to);
		return pages.page(query, page, new Dates(to.toString(), from.toString()));
	}

}
