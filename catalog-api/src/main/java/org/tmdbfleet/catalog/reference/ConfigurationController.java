package org.tmdbfleet.catalog.reference;

import org.tmdbfleet.catalog.web.TmdbApiException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/configuration}: the answer the last fetch stored, as TMDB gave it. A row stored
 * before the whole answer was kept has only the image fields; it answers TMDB's shape built from
 * them, with the lists it lacks empty.
 */
@RestController
class ConfigurationController {

	private static final String CONFIGURATION = """
			select coalesce(configuration::text, json_build_object(
			    'images', json_build_object('base_url', base_url, 'secure_base_url', secure_base_url,
			        'backdrop_sizes', backdrop_sizes, 'logo_sizes', json_build_array(), 'poster_sizes', poster_sizes,
			        'profile_sizes', profile_sizes, 'still_sizes', json_build_array()),
			    'change_keys', json_build_array())::text)
			from image_configuration""";

	private final JdbcTemplate jdbc;

	ConfigurationController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/3/configuration")
	ResponseEntity<String> configuration() {
		String configuration = this.jdbc.queryForList(CONFIGURATION, String.class).stream().findFirst()
			.orElseThrow(TmdbApiException::notFound);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(configuration);
	}

}
