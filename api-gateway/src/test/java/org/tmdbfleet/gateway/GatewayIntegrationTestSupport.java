package org.tmdbfleet.gateway;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.testing.TestDatabase;
import org.tmdbfleet.gateway.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway on a random port, with a real Kafka broker and a real PostgreSQL. Every test
 * class extending this without adding configuration shares one context (and one database), so
 * tests must not assume an empty table: they make their own rows and find them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + GatewayApplication.CONFIG_NAME,
				"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka
public abstract class GatewayIntegrationTestSupport {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected KafkaTemplate<Object, Object> kafka;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected EmbeddedKafkaBroker broker;

	protected ApiClient api() {
		return new ApiClient(port);
	}

	/** Starts a 2-page popular import and returns its id. */
	protected UUID startImport() {
		Response response = api().postJson("/api/imports", "{\"source\":\"popular\",\"maxPages\":2}");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return UUID.fromString(response.json().path("id").asString());
	}

	/** Reports progress as a worker would. */
	protected void progress(ImportProgress event) {
		kafka.send(Topics.PROGRESS, event.key(), event).join();
	}

	/** Marks movies persisted for an import, as a persist worker would. */
	protected void persisted(UUID id, long... tmdbIds) {
		for (long tmdbId : tmdbIds) {
			outcome(id, tmdbId, "PERSISTED", null);
		}
	}

	/**
	 * Records a movie's outcome in an import as a persist worker does: the first outcome stands
	 * unless a retry asked for a new one, and it is counted if the movie was listed already. Then,
	 * as the worker does after its commit, it tells the gateway the import moved: without that, an
	 * outcome written after the gateway applied the page's event would wait for the recheck.
	 */
	protected void outcome(UUID id, long tmdbId, String outcome, String reason) {
		jdbc.update("""
				with written as (
				    insert into import_items as i (import_id, tmdb_id, outcome, reason, persisted_at)
				    values (?, ?, ?, ?, now())
				    on conflict (import_id, tmdb_id) do update
				    set outcome = excluded.outcome, reason = excluded.reason, persisted_at = now()
				    where i.outcome is null or i.outcome = 'RETRYING'
				    returning i.listed, i.outcome)
				update import_jobs set
				    movies_persisted = movies_persisted + (select count(*) from written where listed and outcome = 'PERSISTED'),
				    movies_not_found = movies_not_found + (select count(*) from written where listed and outcome = 'NOT_FOUND'),
				    movies_failed = movies_failed + (select count(*) from written where listed and outcome = 'FAILED')
				where id = ?
				""", id, tmdbId, outcome, reason, id);
		progress(new MoviesPersisted(id, 1));
	}

	/** The import as {@code GET /api/imports/{id}} shows it. */
	protected JsonNode importView(UUID id) {
		Response response = api().get("/api/imports/" + id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** A problem with this status, naming these inputs in {@code errors}. */
	protected static JsonNode assertProblem(Response response, int status, String... fields) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		List<String> named = new ArrayList<>();
		problem.path("errors").forEach(error -> named.add(error.path("field").asString()));
		assertThat(named).as(response.body()).contains(fields);
		return problem;
	}

	/** Follows the import's event stream until it closes, each line into {@code lines}; the HTTP status. */
	protected int follow(UUID id, List<String> lines) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/" + id
				+ "/events")).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				reader.lines().forEach(lines::add);
			}
			return response.statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code progress} events' data among the lines of a stream. */
	protected static List<JsonNode> events(List<String> lines) {
		List<JsonNode> events = new ArrayList<>();
		for (int i = 0; i + 1 < lines.size(); i++) {
			if (lines.get(i).equals("event:progress") && lines.get(i + 1).startsWith("data:")) {
				events.add(FleetJson.MAPPER.readTree(lines.get(i + 1).substring("data:".length())));
			}
		}
		return events;
	}

}
