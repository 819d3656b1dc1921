package org.tmdbfleet.simulator.api;

import org.tmdbfleet.simulator.catalog.DiscoverQuery;
import org.tmdbfleet.simulator.catalog.SortBy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/search/movie} as docs/catalog-api.md has it: titles and original titles
 * matched by substring or pg_trgm's word similarity, most popular first. {@code year} and
 * {@code primary_release_year} both mean the release date's year (given both, a movie must be of
 * both); {@code include_adult} as discover. {@code language} and {@code region} are ignored.
 */
@RestController
class SearchController {

	private final MoviePages pages;

	SearchController(MoviePages pages) {
		this.pages = pages;
	}

	@GetMapping("/3/search/movie")
	ResultsPage<ListMovieJson> search(@RequestParam(required = false) String query,
			@RequestParam(required = false) String page, @RequestParam(required = false) String year,
			@RequestParam(name = "primary_release_year", required = false) String primaryReleaseYear,
			@RequestParam(name = "include_adult", required = false) String includeAdult) {
		DiscoverQuery order = DiscoverQuery.all(SortBy.POPULARITY_DESC)
			.includingAdult(DiscoverParameters.includeAdult(includeAdult));
		for (String releaseYear : new String[] { year, primaryReleaseYear }) {
			Long value = DiscoverParameters.year(releaseYear);
			if (value != null) {
				order = order.releasedIn(value);
			}
		}
		return pages.search(query, order, page);
	}

}
