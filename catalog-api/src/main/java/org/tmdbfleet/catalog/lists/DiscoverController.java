package org.tmdbfleet.catalog.lists;

import java.time.LocalDate;
import java.util.Map;

import org.tmdbfleet.catalog.web.Paging;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.tmdbfleet.catalog.lists.MovieListsController.json;

/**
 * TMDB's {@code /3/discover/movie} with every filter of docs/catalog-api.md, combined with AND.
 * One release date per movie, so {@code release_date.*} means {@code primary_release_date.*}
 * (which wins when both are given). Errors answer in the order the simulator checks them: dates
 * (400, 23), then {@code sort_by}, years and numbers (422, 5), then the page (400, 22).
 */
@RestController
class DiscoverController {

	private final MoviePages pages;

	DiscoverController(MoviePages pages) {
		this.pages = pages;
	}

	@GetMapping("/3/discover/movie")
	ResponseEntity<String> discover(@RequestParam Map<String, String> parameters) {
		LocalDate from = ListParameters.date(either(parameters, "primary_release_date.gte", "release_date.gte"));
		LocalDate to = ListParameters.date(either(parameters, "primary_release_date.lte", "release_date.lte"));
		MovieQuery query = MovieQuery.all(SortBy.parse(parameters.get("sort_by")))
			.includingAdult(ListParameters.includeAdult(parameters.get("include_adult")))
			.releasedIn(new Range<>(from, to))
			.releasedIn(ListParameters.year(parameters.get("primary_release_year")))
			.withVotes(ListParameters.decimals(parameters.get("vote_average.gte"), parameters.get("vote_average.lte")),
					ListParameters.wholeNumbers(parameters.get("vote_count.gte"), parameters.get("vote_count.lte")))
			.withRuntime(ListParameters.wholeNumbers(parameters.get("with_runtime.gte"),
					parameters.get("with_runtime.lte")))
			.withGenres(ListParameters.genreGroups(parameters.get("with_genres")),
					ListParameters.genreIds(parameters.get("without_genres")))
			.withOriginalLanguage(ListParameters.language(parameters.get("with_original_language")));
		return json(this.pages.page(query, Paging.page(parameters.get("page"))));
	}

	/** The {@code primary_} parameter when given, else its plain twin. */
	private static String either(Map<String, String> parameters, String primary, String plain) {
		String value = parameters.get(primary);
		return (value != null && !value.isBlank()) ? value : parameters.get(plain);
	}

}
