package org.tmdbfleet.simulator.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.tmdbfleet.simulator.catalog.Genre;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * TMDB's fixed reference data: the movie genres and the API configuration. The configuration's
 * image URLs point at this simulator, which serves the images as TMDB's image host would
 * ({@code /t/p/{size}/{path}}): the real host is out of reach where the simulator stands in.
 */
@RestController
class ReferenceController {

	private static final String TMDB_IMAGES = "://image.tmdb.org/t/p/";

	/** TMDB's configuration as of 2025, from {@code configuration.json}, its image host replaced. */
	private final String configuration;

	ReferenceController() {
		try (InputStream json = ReferenceController.class.getResourceAsStream("configuration.json")) {
			this.configuration = new String(json.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/3/genre/movie/list")
	GenreList genres() {
		return new GenreList(Genre.ALL);
	}

	@GetMapping("/3/configuration")
	ResponseEntity<String> configuration() {
		String images = ServletUriComponentsBuilder.fromCurrentContextPath().path("/t/p/").toUriString();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(configuration.replace("https" + TMDB_IMAGES, images).replace("http" + TMDB_IMAGES, images));
	}

	record GenreList(List<Genre> genres) {
	}

}
