package org.tmdbfleet.catalog.lists;

import java.time.Clock;
import java.time.LocalDate;

import org.tmdbfleet.catalog.web.Paging;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's four movie lists (docs/catalog-api.md, "The four lists"): never adult titles, 20 a page,
 * pages past 500 served. {@code region} and {@code language} are accepted and ignored: a movie has
 * one release date and its titles as imported.
 */
@RestController
class MovieListsController {

	/** top_rated lists movies with at least this many votes. */
	static final long TOP_RATED_VOTES = 300;

	private final MoviePages pages;

	private final Clock clock;

	MovieListsController(MoviePages pages, Clock clock) {
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping("/3/movie/popular")
	ResponseEntity<String> popular(@RequestParam(required = false) String page) {
		return json(this.pages.page(MovieQuery.all(SortBy.POPULARITY_DESC), Paging.page(page)));
	}

	@GetMapping("/3/movie/top_rated")
	ResponseEntity<String> topRated(@RequestParam(required = false) String page) {
		MovieQuery query = MovieQuery.all(SortBy.VOTE_AVERAGE_DESC)
			.withVotes(Range.any(), new Range<>(TOP_RATED_VOTES, null));
		return json(this.pages.page(query, Paging.page(page)));
	}

	/** Released from 40 days before today through today (UTC). */
	@GetMapping("/3/movie/now_playing")
	ResponseEntity<String> nowPlaying(@RequestParam(required = false) String page) {
		LocalDate today = LocalDate.now(this.clock);
		return released(new Range<>(today.minusDays(40), today), page);
	}

	/** Released from tomorrow through 30 days after today (UTC). */
	@GetMapping("/3/movie/upcoming")
	ResponseEntity<String> upcoming(@RequestParam(required = false) String page) {
		LocalDate today = LocalDate.now(this.clock);
		return released(new Range<>(today.plusDays(1), today.plusDays(30)), page);
	}

	private ResponseEntity<String> released(Range<LocalDate> dates, String page) {
		MovieQuery query = MovieQuery.all(SortBy.POPULARITY_DESC).releasedIn(dates);
		return json(this.pages.page(query, Paging.page(page), dates));
	}

	static ResponseEntity<String> json(String body) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
