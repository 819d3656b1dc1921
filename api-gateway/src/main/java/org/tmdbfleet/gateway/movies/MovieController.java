package org.tmdbfleet.gateway.movies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.tmdbfleet.gateway.web.InvalidInput;
import org.tmdbfleet.gateway.web.PageView;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The imported catalog: search it, read one movie. */
@Tag(name = "movies")
@RestController
@RequestMapping("/api/movies")
class MovieController {

	/** Shorter text has no trigram to look up: it would read every title. */
	private static final int MIN_QUERY_LENGTH = 3;

	private final MovieRepository movies;

	MovieController(MovieRepository movies) {
		this.movies = movies;
	}

	@Operation(operationId = "searchMovies", summary = "Search the catalog",
			description = "Every filter is optional; most popular first.")
	@GetMapping
	PageView<MovieSummary> search(
			@Parameter(description = "Text in the title or original title, case-insensitive; at least 3 characters")
			@RequestParam(required = false) @Size(max = 200) @Pattern(regexp = "\\P{Cntrl}*",
					message = "must not contain control characters") String query,
			@Parameter(description = "Release year") @RequestParam(required = false) @Min(1800) @Max(2200) Integer year,
			@Parameter(description = "TMDB genre id") @RequestParam(required = false) @Positive Integer genre,
			@RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
			@RequestParam(defaultValue = PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size,
			@Parameter(description = "popularity, vote_average, release_date or title, optionally .asc or .desc")
			@RequestParam(defaultValue = "popularity.desc") @Pattern(regexp = MovieSort.FORMAT,
					message = "must be popularity, vote_average, release_date or title, optionally followed by "
							+ ".asc or .desc") String sort,
			@Parameter(description = "Also the movies TMDB deleted (they carry deletedAt)")
			@RequestParam(defaultValue = "false") boolean includeDeleted) {
		Specification<Movie> filter = MovieRepository.present(includeDeleted)
			.and(MovieRepository.titleContains(searchText(query)))
			.and(MovieRepository.releasedIn(year))
			.and(MovieRepository.inGenre(genre));
		return PageView.of(movies.findAll(filter, PageRequest.of(page, size, MovieSort.parse(sort))),
				MovieSummary::of);
	}

	@Operation(operationId = "getMovie", summary = "One movie, with TMDB's payload as received",
			description = "Also a movie TMDB deleted, with deletedAt")
	@GetMapping("/{tmdbId}")
	MovieDetail get(@PathVariable @Positive long tmdbId) {
		return movies.findById(tmdbId)
			.map(movie -> MovieDetail.of(movie, movies.findPayload(tmdbId).orElse(null)))
			.orElseThrow(() -> new MovieNotFound(tmdbId));
	}

	/** Blank is no filter; anything else needs a trigram to be found by the index. */
	private static String searchText(String query) {
		String text = (query != null) ? query.strip() : "";
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() < MIN_QUERY_LENGTH) {
			throw new InvalidInput("query", "must have at least " + MIN_QUERY_LENGTH + " characters");
		}
		return text;
	}

}
