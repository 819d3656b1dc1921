package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Something in front of TMDB spoils two movies' details, as the simulator's movie faults play it:
 * one comes back as a blank {@code 200 {}}, the other as a proxy's HTML 404 page. Neither is TMDB
 * saying anything about the movie: both end as the import's failed movies with the reason, none is
 * marked deleted, the import ends instead of staying RUNNING, and {@code retry} fetches them again.
 */
@EmbeddedKafka
class UnusableDetailsEndToEndTests {

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp();

	private final Fleet fleet;

	UnusableDetailsEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void aBlankAnswerAndAProxysNotFoundPageFailTheirMoviesAndDeleteNothing() {
		// the movies are stored already, as an earlier list import left them
		JsonNode listed = fleet.awaitEnd(fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":1}"),
				Duration.ofMinutes(1));
		assertThat(listed.path("status").asString()).isEqualTo("COMPLETED");
		List<Long> topRated = fleet.tmdb()
			.getJson("/3/movie/top_rated?page=1&api_key=simulator-key")
			.path("results")
			.valueStream()
			.map(movie -> movie.path("id").asLong())
			.toList();
		Map<Long, String> broken = Map.of(topRated.get(0), "blank", topRated.get(1), "foreign_not_found");
		fleet.tmdb().put("/admin/faults", "{\"movieFaults\":{\"%d\":\"blank\",\"%d\":\"foreign_not_found\"}}"
			.formatted(topRated.get(0), topRated.get(1)));

		UUID id = fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":1,\"details\":true}");
		JsonNode end = fleet.awaitEnd(id, Duration.ofMinutes(1));

		assertThat(end.path("status").asString()).as(end.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(end.path("moviesNotFound").asLong()).isZero();
		assertThat(end.path("moviesFailed").asLong()).isEqualTo(2);
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(18);
		assertThat(end.path("failedMovies").valueStream()
			.map(movie -> broken.get(movie.path("tmdbId").asLong()) + ": " + movie.path("reason").asString()))
			.containsExactlyInAnyOrder("blank: TMDB movie answered 200 without what was asked for, 4 attempts",
					"foreign_not_found: TMDB movie answered HTTP 404, 4 attempts");
		assertThat(fleet.database().queryForObject("select count(*) from movies where deleted_at is not null",
				Long.class)).isZero();

		fleet.tmdbAsUsual();
		ResponseEntity<String> retry = fleet.gateway().post("/api/imports/" + id + "/retry", "");
		assertThat(retry.getStatusCode().value()).isEqualTo(202);
		JsonNode healed = fleet.awaitEnd(id, Duration.ofMinutes(1));

		assertThat(healed.path("status").asString()).as(healed.toString()).isEqualTo("COMPLETED");
		assertThat(healed.path("moviesPersisted").asLong()).isEqualTo(20);
		assertThat(fleet.database().queryForObject(
				"select count(*) from movies where tmdb_id = any(?) and top_cast is not null", Long.class,
				(Object) broken.keySet().toArray(Long[]::new))).isEqualTo(2);
	}

}
