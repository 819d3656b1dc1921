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

/** TMDB's fixed reference data: the movie genres and the API configuration. */
@RestController
class ReferenceController {

	/** TMDB's configuration as of 2025, served verbatim from {@code configuration.json}. */
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
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(configuration);
	}

	record GenreList(List<Genre> genres) {
	}

}
