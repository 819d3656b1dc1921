package org.tmdbfleet.catalog.reference;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** TMDB's {@code /3/genre/movie/list}: the genres the last genre fetch stored, in TMDB's order (by name). */
@RestController
class GenreController {

	private static final String GENRES = """
			select json_build_object('genres', coalesce(json_agg(json_build_object('id', id, 'name', name)
			    order by name collate "C"), '[]'))::text
			from genres""";

	private final JdbcTemplate jdbc;

	GenreController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/3/genre/movie/list")
	ResponseEntity<String> genres() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(this.jdbc.queryForObject(GENRES, String.class));
	}

}
