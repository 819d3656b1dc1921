package org.tmdbfleet.catalog.lists;

import java.util.Map;

import org.tmdbfleet.catalog.web.Paging;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.tmdbfleet.catalog.lists.MovieListsController.json;

/**
 * TMDB's {@code /3/search/movie}: titles or original titles that contain the query, accents and
 * case aside, or hold it with a small typo (docs/catalog-api.md, "Search"), most popular first.
 * {@code year} and {@code primary_release_year} are the release date's year; a missing or blank
 * query finds nothing; the query's outer spaces are no part of it.
 */
@RestController
class SearchController {

	private final MoviePages pages;

	SearchController(MoviePages pages) {
		this.pages = pages;
	}

	@GetMapping("/3/search/movie")
	ResponseEntity<String> search(@RequestParam Map<String, String> parameters) {
		MovieQuery query = MovieQuery.all(SortBy.POPULARITY_DESC)
			.includingAdult(ListParameters.includeAdult(parameters.get("include_adult")))
			.releasedIn(ListParameters.year(parameters.get("year")))
			.releasedIn(ListParameters.year(parameters.get("primary_release_year")));
		int page = Paging.page(parameters.get("page"));
		String text = parameters.get("query");
		if (text == null || text.isBlank()) {
			return json(MoviePages.empty(page));
		}
		return json(this.pages.page(query.titled(text.strip()), page));
	}

}
