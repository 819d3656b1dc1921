package org.tmdbfleet.gateway.movies;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's reference data as the fleet last read it (with each import's planning): the genres
 * behind {@code genreIds}, and where TMDB serves a movie's images.
 */
@Tag(name = "movies")
@RestController
class ReferenceDataController {

	private final GenreRepository genres;

	private final ImageConfigurationRepository images;

	ReferenceDataController(GenreRepository genres, ImageConfigurationRepository images) {
		this.genres = genres;
		this.images = images;
	}

	@Operation(operationId = "listGenres", summary = "TMDB's movie genres, by name",
			description = "The names behind a movie's genreIds, and the ids discover's genres filter takes; as TMDB "
					+ "listed them when an import was last planned; empty before the first import.")
	@GetMapping("/api/genres")
	List<GenreView> genres() {
		return genres.findAllByOrderByNameAscIdAsc().stream().map(GenreView::of).toList();
	}

	@Operation(operationId = "getImageConfiguration", summary = "TMDB's image configuration",
			description = "A poster's URL is secureBaseUrl + one of posterSizes + posterPath, e.g. "
					+ "https://image.tmdb.org/t/p/w342/qJ2tW6WMUDux911r6m7haRef0WH.jpg. Read from TMDB's "
					+ "/3/configuration whenever an import is planned.")
	@ApiResponse(responseCode = "404", description = "Not read yet: no import has been planned")
	@GetMapping("/api/images")
	ImageConfigurationView images() {
		return images.findById(true)
			.map(ImageConfigurationView::of)
			.orElseThrow(ImageConfigurationNotRead::new);
	}

	/** A genre: its TMDB id and its English name. */
	record GenreView(int id, String name) {

		static GenreView of(Genre genre) {
			return new GenreView(genre.getId(), genre.getName());
		}

	}

	/**
	 * @param secureBaseUrl the https base of every image URL, ending in {@code /}
	 * @param posterSizes the sizes a poster is served in, smallest first, {@code original} last
	 * @param fetchedAt when TMDB gave it
	 */
	record ImageConfigurationView(String baseUrl, String secureBaseUrl, List<String> posterSizes,
			List<String> backdropSizes, List<String> profileSizes, Instant fetchedAt) {

		static ImageConfigurationView of(ImageConfiguration configuration) {
			return new ImageConfigurationView(configuration.getBaseUrl(), configuration.getSecureBaseUrl(),
					List.of(configuration.getPosterSizes()), List.of(configuration.getBackdropSizes()),
					List.of(configuration.getProfileSizes()), configuration.getFetchedAt());
		}

	}

}
