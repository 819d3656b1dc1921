package org.tmdbfleet.simulator.api;

import java.time.LocalDate;

import org.tmdbfleet.simulator.catalog.DiscoverQuery;
import org.tmdbfleet.simulator.catalog.SortBy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/discover/movie}, for the filters an importer partitions by. Every movie has a
 * single release date, so {@code release_date.*} and {@code primary_release_date.*} mean the same;
 * an invalid date answers 400 with TMDB's status 23, an unknown {@code sort_by} 422 with status 5.
 * Like the lists, it ignores {@code language} and {@code region}, and lists no adult title
 * ({@code include_adult} is taken as TMDB's default, false).
 */
@RestController
class DiscoverController {

	private final MoviePages pages;

	DiscoverController(MoviePages pages) {
		this.pages = pages;
	}

	@GetMapping("/3/discover/movie")
	ResultsPage<ListMovieJson> discover(@RequestParam(required = false) String page,
			@RequestParam(name = "sort_by", required = false) String sortBy,
			@RequestParam(name = "primary_release_date.gte", required = false) String primaryFrom,
			@RequestParam(name = "primary_release_date.lte", required = false) String primaryTo,
			@RequestParam(name = "release_date.gte", required = false) String releaseFrom,
			@RequestParam(name = "release_date.lte", required = false) String releaseTo,
			@RequestParam(name = "with_genres", required = false) String withGenres,
			@RequestParam(name = "with_original_language", required = false) String language,
			@RequestParam(name = "vote_count.gte", required = false) String minVotes) {
		LocalDate from = Paging.date((primaryFrom != null) ? primaryFrom : releaseFrom);
		LocalDate to = Paging.date((primaryTo != null) ? primaryTo : releaseTo);
		DiscoverQuery query = DiscoverQuery.all(sort(sortBy)).releasedBetween(from, to);
		if (withGenres != null && !withGenres.isBlank()) {
			query = query.withGenres(DiscoverQuery.genreGroups(withGenres));
		}
		if (language != null && !language.isBlank()) {
			query = query.withOriginalLanguage(language.strip());
		}
		if (minVotes != null && !minVotes.isBlank()) {
			query = query.withMinVoteCount(minVotes(minVotes));
		}
		return pages.page(query, page, null);
	}

	private static SortBy sort(String sortBy) {
		if (sortBy == null || sortBy.isBlank()) {
			return SortBy.POPULARITY_DESC;
		}
		return SortBy.parse(sortBy.strip()).orElseThrow(TmdbApiException::invalidParameters);
	}

	private static int minVotes(String minVotes) {
		try {
			return Math.max(0, (int) Double.parseDouble(minVotes.strip()));
		}
		catch (NumberFormatException ex) {
			throw TmdbApiException.invalidParameters();
		}
	}

}
