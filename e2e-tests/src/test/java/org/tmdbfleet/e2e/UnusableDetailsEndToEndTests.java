package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.e2e.TmdbProxy.Fault;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxy between the fleet and TMDB spoils two movies' details: one comes back as a blank
 * {@code 200 {}}, the other as the proxy's own HTML 404 page. Neither is TMDB saying anything about
 * the movie: both end as the import's failed movies with the reason, none is marked deleted, the
 * import ends instead of staying RUNNING, and {@code retry} fetches them again.
 */
@EmbeddedKafka
class UnusableDetailsEndToEndTests {

	/** Closed after the fleet has stopped: JUnit closes {@code @AutoClose} fields last, after FleetExtension's afterAll. */
	@AutoClose
	private static final TmdbProxy proxy = TmdbProxy.start();

	/** Warmed up once the proxy knows where TMDB is. */
	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.started().fetchWorkers("--tmdb.base-url=" + proxy.url());

	private final Fleet fleet;

	UnusableDetailsEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@BeforeAll
	static void forwardToTmdbAndWarmUp(Fleet fleet) {
		proxy.forwardTo(fleet.simulatorUrl());
		fleet.warmedUp();
	}

	@Test
	void aBlankAnswerAndAProxysNotFoundPageFailTheirMoviesAndDeleteNothing() {
		// the movies are stored already, as an earlier list import left them
		JsonNode listed = fleet.awaitEnd(fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":1}"),
				Duration.ofMinutes(1));
		assertThat(listed.path("status").asString()).isEqualTo("COMPLETED");
		proxy.breakNextMovies(Fault.BLANK, Fault.HTML_NOT_FOUND);

		UUID id = fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":1,\"details\":true}");
		JsonNode end = fleet.awaitEnd(id, Duration.ofMinutes(1));

		Map<Long, Fault> broken = proxy.broken();
		assertThat(end.path("status").asString()).as(end.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(end.path("moviesNotFound").asLong()).isZero();
		assertThat(end.path("moviesFailed").asLong()).isEqualTo(2);
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(18);
		assertThat(end.path("failedMovies").valueStream()
			.map(movie -> broken.get(movie.path("tmdbId").asLong()) + ": " + movie.path("reason").asString()))
			.containsExactlyInAnyOrder("BLANK: TMDB movie answered 200 without what was asked for, 4 attempts",
					"HTML_NOT_FOUND: TMDB movie answered HTTP 404, 4 attempts");
		assertThat(fleet.database().queryForObject("select count(*) from movies where deleted_at is not null",
				Long.class)).isZero();

		proxy.heal();
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
