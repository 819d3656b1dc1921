package org.tmdbfleet.catalog.movies;

import java.util.Set;

import org.tmdbfleet.catalog.web.TmdbApiException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/find/{external_id}}: the movies whose details import stored that external id.
 * People and TV are not mirrored, so their lists are always empty.
 */
@RestController
class FindController {

	/**
	 * {@code @>} on the stored {@code external_ids} object, which one GIN index serves for every
	 * source (migration V14). TVDB ids are numbers in TMDB's JSON, the others strings.
	 */
	private static final String FIND = """
			select json_build_object('movie_results', coalesce(json_agg(%s order by m.tmdb_id), '[]'),
			    'person_results', '[]'::json, 'tv_results', '[]'::json, 'tv_episode_results', '[]'::json,
			    'tv_season_results', '[]'::json)::text
			from movies m
			where m.details -> 'external_ids' @> jsonb_build_object(cast(? as text), cast(? as %%s))
			  and m.deleted_at is null""".formatted(ListItems.JSON);

	private static final String BY_TEXT = FIND.formatted("text");

	private static final String BY_NUMBER = FIND.formatted("bigint");

	private static final Set<String> TEXT_SOURCES = Set.of("imdb_id", "wikidata_id");

	private static final String NUMBER_SOURCE = "tvdb_id";

	private final JdbcTemplate jdbc;

	FindController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/3/find/{externalId}")
	ResponseEntity<String> find(@PathVariable String externalId,
			@RequestParam(name = "external_source", required = false) String source) {
		boolean numeric = NUMBER_SOURCE.equals(source);
		if (!numeric && (source == null || !TEXT_SOURCES.contains(source))) {
			throw TmdbApiException.invalidParameters();
		}
		String id = externalId.strip();
		// a TVDB id that is no number names no movie (-1); casting it would fail the query instead
		Object value = !numeric ? id : id.matches("\\d{1,18}") ? Long.parseLong(id) : -1L;
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.body(this.jdbc.queryForObject(numeric ? BY_NUMBER : BY_TEXT, String.class, source, value));
	}

}
