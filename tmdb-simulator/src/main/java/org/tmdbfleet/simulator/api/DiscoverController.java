package org.tmdbfleet.simulator.api;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/discover/movie} with the filters of docs/catalog-api.md: release dates and
 * year, genres with and without, original language, vote average and count, runtime, adult
 * titles, and the sort orders. Like the lists, it ignores {@code language} and {@code region}.
 */
@RestController
class DiscoverController {

	private final MoviePages pages;

	DiscoverController(MoviePages pages) {
		this.pages = pages;
	}

	@GetMapping("/3/discover/movie")
	ResultsPage<ListMovieJson> discover(@RequestParam Map<String, String> parameters) {
		return pages.page(DiscoverParameters.query(parameters), parameters.get("page"), null);
	}

}
