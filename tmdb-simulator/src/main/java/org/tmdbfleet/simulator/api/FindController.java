package org.tmdbfleet.simulator.api;

import java.util.Arrays;

import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.ExternalIdFinder;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/find/{external_id}} for movies: the movies whose IMDb or Wikidata id is the one
 * given, as list items. No movie has a TVDB id (TMDB keeps those for TV), so {@code tvdb_id} finds
 * none; any other {@code external_source}, or none, answers 422 with status code 5.
 */
@RestController
class FindController {

	private final Catalog catalog;

	private final ExternalIdFinder finder;

	FindController(Catalog catalog, ExternalIdFinder finder) {
		this.catalog = catalog;
		this.finder = finder;
	}

	@GetMapping("/3/find/{externalId}")
	FindJson find(@PathVariable String externalId,
			@RequestParam(name = "external_source", required = false) String externalSource) {
		int[] found = switch ((externalSource != null) ? externalSource : "") {
			case "imdb_id" -> finder.byImdbId(externalId);
			case "wikidata_id" -> finder.byWikidataId(externalId);
			case "tvdb_id" -> new int[0];
			default -> throw TmdbApiException.invalidParameters();
		};
		return FindJson.movies(Arrays.stream(found).mapToObj((index) -> ListMovieJson.of(catalog.movie(index))).toList());
	}

}
