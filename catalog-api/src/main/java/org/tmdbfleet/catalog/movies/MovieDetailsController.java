package org.tmdbfleet.catalog.movies;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.tmdbfleet.catalog.movies.MovieDetailsRepository.StoredDetails;
import org.tmdbfleet.catalog.web.TmdbApiException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * TMDB's {@code /3/movie/{movie_id}}: the details answer the details import stored, with the
 * parts {@code append_to_response} names. A name the details import did not fetch is ignored, as
 * TMDB ignores a name it does not know.
 */
@RestController
class MovieDetailsController {

	/** What the fetch workers append to every details request, so what a stored answer can hold. */
	static final Set<String> APPENDED_PARTS = Set.of("credits", "external_ids", "keywords", "release_dates");

	private static final Pattern ID = Pattern.compile("\\d{1,18}");

	private final MovieDetailsRepository movies;

	MovieDetailsController(MovieDetailsRepository movies) {
		this.movies = movies;
	}

	/** An id that is no number names no movie: TMDB's 34, as for an unknown one. */
	@GetMapping("/3/movie/{movieId}")
	ResponseEntity<String> details(@PathVariable String movieId,
			@RequestParam(name = "append_to_response", required = false) String append, WebRequest request) {
		long id = ID.matcher(movieId).matches() ? Long.parseLong(movieId) : -1;
		List<String> asked = (append == null) ? List.of()
				: Arrays.stream(append.split(",")).map(String::strip).filter(APPENDED_PARTS::contains).toList();
		List<String> leftOut = APPENDED_PARTS.stream().filter((part) -> !asked.contains(part)).sorted().toList();
		StoredDetails stored = this.movies.find(id, leftOut).orElseThrow(TmdbApiException::notFound);
		String etag = "W/\"%d-%d-%s\"".formatted(id, stored.updatedAt().toEpochMilli() * 1000
				+ stored.updatedAt().getNano() / 1000 % 1000, String.join(".", leftOut).hashCode());
		if (request.checkNotModified(etag, stored.updatedAt().toEpochMilli())) {
			return null;
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored.json());
	}

}
