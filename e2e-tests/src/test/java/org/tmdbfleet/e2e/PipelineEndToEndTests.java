package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import travels API → Kafka → fetch → Kafka → persist → PostgreSQL, exactly. The slow-TMDB
 * test runs last: the imports it leaves behind wait on TMDB and would delay the others.
 */
@EmbeddedKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTests {

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp();

	private final Fleet fleet;

	PipelineEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	@Order(1)
	void twentyFivePagesOfPopularLandExactlyInTheDatabase() {
		long started = System.nanoTime();
		UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":25}");

		JsonNode done = fleet.awaitEnd(id, Duration.ofMinutes(2));
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();

		Map<Long, JsonNode> expected = tmdbMovies("/3/movie/popular", 25);
		System.out.printf("25-page popular import: %d movies in %d ms (%.0f movies/s)%n", expected.size(), millis,
				expected.size() * 1000.0 / millis);
		System.out.println("  timeline (ms after the import was recorded): " + fleet.database().queryForMap("""
				select extract(epoch from (j.started_at - j.created_at)) * 1000 as planned,
				       extract(epoch from (select max(updated_at) from import_pages where import_id = j.id) - j.created_at) * 1000 as last_page,
				       extract(epoch from (select max(persisted_at) from import_items where import_id = j.id) - j.created_at) * 1000 as last_movie,
				       extract(epoch from (j.finished_at - j.created_at)) * 1000 as completed
				from import_jobs j where j.id = ?""", id));
		assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(done.path("pagesTotal").asInt()).isEqualTo(25);
		assertThat(done.path("pagesFetched").asInt()).isEqualTo(25);
		assertThat(done.path("moviesExpected").asLong()).isEqualTo(expected.size());
		assertThat(done.path("moviesPersisted").asLong()).isEqualTo(expected.size());

		List<Long> stored = fleet.database()
			.queryForList("select i.tmdb_id from import_items i where i.import_id = ?", Long.class, id);
		assertThat(stored).containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(count("select count(*) from movies where tmdb_id in (select tmdb_id from import_items where import_id = ?)",
				id))
			.isEqualTo(expected.size());
		expected.values().forEach(this::assertStoredAsTmdbSentIt);
		assertThat(expected.values()).as("the catalog's quirks are part of this import")
			.anySatisfy(movie -> assertThat(movie.path("release_date").asString()).isEmpty())
			.anySatisfy(movie -> assertThat(movie.path("title").asString()).matches(".*[^\\x00-\\x7F].*"));
	}

	@Test
	@Order(3)
	void acceptingAnImportNeverWaitsForTmdb() {
		for (int i = 0; i < 20; i++) { // warm the request path: JIT, connection pools, Kafka metadata
			fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":1}");
		}
		fleet.tmdb().put("/admin/faults", "{\"latencyMs\":5000}");
		try {
			long[] millis = new long[20];
			for (int i = 0; i < millis.length; i++) {
				long started = System.nanoTime();
				ResponseEntity<String> response = fleet.gateway().post("/api/imports",
						"{\"source\":\"now_playing\",\"maxPages\":1}");
				millis[i] = Duration.ofNanos(System.nanoTime() - started).toMillis();
				assertThat(response.getStatusCode().value()).isEqualTo(202);
			}
			java.util.Arrays.sort(millis);
			System.out.printf("POST /api/imports with TMDB answering after 5 s: median %d ms, slowest %d ms of %d%n",
					millis[millis.length / 2], millis[millis.length - 1], millis.length);
			assertThat(millis[millis.length / 2]).isLessThan(100);
			assertThat(millis[millis.length - 1]).as("no request waited for TMDB").isLessThan(1000);
		}
		finally {
			fleet.tmdb().put("/admin/faults", "{\"latencyMs\":0}");
		}
	}

	@Test
	@Order(2)
	void everyServiceReportsHealthAndItsMetrics() {
		UUID id = fleet.startImport("{\"source\":\"upcoming\",\"maxPages\":2}");
		fleet.awaitEnd(id, Duration.ofMinutes(1));

		for (String url : List.of(fleet.gatewayUrl(), fleet.fetchWorkerUrl(), fleet.persistWorkerUrl())) {
			JsonNode health = new Http(url).getJson("/actuator/health");
			assertThat(health.path("status").asString()).isEqualTo("UP");
			assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
		}
		assertThat(fleet.gateway().getJson("/actuator/health").path("components").has("db")).isTrue();
		assertThat(fleet.gateway().getJson("/actuator/info").path("build").path("version").asString())
			.isEqualTo("0.1.0-SNAPSHOT");
		assertThat(metrics(fleet.gatewayUrl())).contains("fleet_imports_requested_total{");
		assertThat(metrics(fleet.fetchWorkerUrl())).contains("fleet_pages_fetched_total{")
			.contains("fleet_pages_failed_total{")
			.containsPattern("fleet_tmdb_requests_seconds_count\\{.*endpoint=\"upcoming\".*status=\"200\"");
		assertThat(metrics(fleet.persistWorkerUrl())).contains("fleet_movies_upserted_total{")
			.contains("fleet_persist_batch_size_count{")
			.contains("fleet_persist_batch_duration_seconds_count{");
	}

	@Test
	@Order(4)
	void aCancelledImportStartsNoMorePages() {
		// the fetch counters below are the fleet's: let earlier tests' imports finish first
		Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> List.of("QUEUED", "RUNNING", "STALLED").stream()
			.allMatch(status -> fleet.gateway().getJson("/api/imports?status=" + status).path("page").path("totalElements")
				.asInt() == 0));
		double fetchedBefore = Fleet.metric(fleet.fetchWorkerUrl(), "fleet_pages_fetched_total");
		double skippedBefore = Fleet.metric(fleet.fetchWorkerUrl(), "fleet_pages_skipped_total");
		UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":200}");
		Awaitility.await().atMost(Duration.ofMinutes(1))
			.until(() -> fleet.gateway().getJson("/api/imports/" + id).path("pagesFetched").asInt() >= 10);

		ResponseEntity<String> cancel = fleet.gateway().post("/api/imports/" + id + "/cancel", "");
		assertThat(cancel.getStatusCode().value()).isEqualTo(200);

		// every page command of the import was either fetched before the cancellation or skipped:
		// the workers have seen the cancellation and the pages in flight have finished
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			double fetched = Fleet.metric(fleet.fetchWorkerUrl(), "fleet_pages_fetched_total") - fetchedBefore;
			double skipped = Fleet.metric(fleet.fetchWorkerUrl(), "fleet_pages_skipped_total") - skippedBefore;
			assertThat(fetched + skipped).isEqualTo(200);
		});
		assertThat(Fleet.metric(fleet.fetchWorkerUrl(), "fleet_pages_skipped_total") - skippedBefore)
			.as("pages skipped because the import was cancelled")
			.isPositive();
		// and from then on TMDB hears nothing more of the fleet
		long requestsThen = fleet.tmdb().getJson("/admin/stats").path("requests").asLong();
		Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(
				() -> assertThat(fleet.tmdb().getJson("/admin/stats").path("requests").asLong())
					.as("TMDB requests after the cancellation")
					.isEqualTo(requestsThen));
		JsonNode cancelled = fleet.gateway().getJson("/api/imports/" + id);
		double fetched = Fleet.metric(fleet.fetchWorkerUrl(), "fleet_pages_fetched_total") - fetchedBefore;
		System.out.printf("cancelled a 200-page import after %d pages: %.0f fetched in all, %.0f skipped%n",
				cancel.getBody() == null ? -1 : FleetJson.MAPPER.readTree(cancel.getBody()).path("pagesFetched").asInt(),
				fetched, 200 - fetched);
		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("pagesFetched").asDouble()).isEqualTo(fetched);
		assertThat(cancelled.path("pagesFetched").asInt()).isLessThan(200);
	}

	@Test
	@Order(5)
	void aDetailsImportPersistsRuntimeCastDirectorsAndGenres() {
		UUID id = fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":2,\"details\":true}");

		JsonNode done = fleet.awaitEnd(id, Duration.ofMinutes(2));

		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.path("moviesPersisted").asLong()).isEqualTo(40);
		String ofThisImport = " from movies where tmdb_id in (select tmdb_id from import_items where import_id = ?)";
		assertThat(count("select count(*)" + ofThisImport + " and details->'credits' is not null"
				+ " and details->'external_ids' is not null and details->'keywords' is not null"
				+ " and details->'release_dates' is not null", id))
			.as("the full details answer is kept")
			.isEqualTo(40);
		assertThat(count("select count(runtime)" + ofThisImport, id)).as("runtime").isPositive();
		assertThat(count("select count(*)" + ofThisImport + " and jsonb_array_length(top_cast) between 1 and 5", id))
			.as("top cast")
			.isEqualTo(40);
		assertThat(count("select count(*)" + ofThisImport + " and directors @> '[{}]'", id)).as("directors")
			.isEqualTo(40);
		assertThat(count("select count(*) from movie_genres where movie_id in (select tmdb_id from import_items "
				+ "where import_id = ?)", id))
			.as("movie_genres")
			.isPositive();
		JsonNode tmdbMovie = fleet.tmdb().getJson("/3/movie/" + fleet.database().queryForObject(
				"select tmdb_id from import_items where import_id = ? order by tmdb_id limit 1", Long.class, id)
				+ "?api_key=simulator-key");
		assertThat(fleet.database().queryForObject("select imdb_id from movies where tmdb_id = ?", String.class,
				tmdbMovie.path("id").asLong()))
			.isEqualTo(tmdbMovie.path("imdb_id").asString(null));
		assertThat(count("select count(*) from genres where name = ?", "Action")).as("genres synced").isEqualTo(1);
	}

	private void assertStoredAsTmdbSentIt(JsonNode movie) {
		long id = movie.path("id").asLong();
		Map<String, Object> row = fleet.database().queryForMap("select * from movies where tmdb_id = ?", id);
		assertThat(row.get("title")).isEqualTo(movie.path("title").asString());
		assertThat(row.get("original_title")).isEqualTo(movie.path("original_title").asString());
		if (movie.path("release_date").asString().isEmpty()) {
			assertThat(row.get("release_date")).isNull();
		}
		else {
			assertThat(row.get("release_date")).hasToString(movie.path("release_date").asString());
		}
		assertThat(row.get("poster_path")).isEqualTo(movie.path("poster_path").isNull() ? null
				: movie.path("poster_path").asString());
		JsonNode payload = FleetJson.MAPPER.readTree(fleet.database()
			.queryForObject("select payload::text from movies where tmdb_id = ?", String.class, id));
		assertThat(payload.propertyNames()).containsExactlyInAnyOrderElementsOf(movie.propertyNames());
		assertThat(payload.path("overview").asString()).isEqualTo(movie.path("overview").asString());
	}

	private Map<Long, JsonNode> tmdbMovies(String list, int pages) {
		Map<Long, JsonNode> movies = new HashMap<>();
		for (int page = 1; page <= pages; page++) {
			fleet.tmdb().getJson(list + "?page=" + page + "&api_key=simulator-key")
				.path("results")
				.forEach(movie -> movies.put(movie.path("id").asLong(), movie));
		}
		return movies;
	}

	private long count(String sql, Object... args) {
		return fleet.database().queryForObject(sql, Long.class, args);
	}

	private static String metrics(String url) {
		return new Http(url).get("/actuator/prometheus").getBody();
	}

}
