package org.tmdbfleet.simulator.api;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.tmdbfleet.simulator.catalog.Catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's movie details with {@code append_to_response} for credits, external_ids, keywords and
 * release_dates (other names are ignored, as TMDB ignores unknown ones). An unknown or non-numeric
 * id answers 404 with status code 34.
 */
@RestController
class MovieDetailsController {

	private final Catalog catalog;

	MovieDetailsController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/3/movie/{id}")
	MovieDetailsJson details(@PathVariable String id,
			@RequestParam(name = "append_to_response", required = false) String append) {
		int index = id.matches("\\d{1,9}") ? catalog.indexOf(Integer.parseInt(id)) : -1;
		if (index < 0) {
			throw TmdbApiException.notFound();
		}
		return MovieDetailsJson.of(catalog.details(index), appended(append));
	}

	private static Set<String> appended(String append) {
		if (append == null) {
			return Set.of();
		}
		return Arrays.stream(append.split(",")).map(String::strip).collect(Collectors.toSet());
	}

}
