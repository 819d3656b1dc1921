package org.tmdbfleet.fleettests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fleet's monitoring against a real Prometheus (Debian's {@code prometheus} package), started
 * by {@code ./fleet up --prometheus} with the repository's rules: imports run while TMDB refuses
 * part of the traffic (429 above 15 requests/s for a fleet budget of 20) and one page always
 * (503); then both persist workers are stopped and a fetch worker killed while an import runs.
 * The alerts that should fire do, and every query of every dashboard panel returns series.
 */
class ObservabilityIT {

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	private static final Path DASHBOARDS = Path.of(System.getProperty("fleet.repository", ".."))
		.resolve("monitoring/grafana/dashboards");

	private static RunningFleet running;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void up() {
		boolean present = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, "prometheus")));
		if (!present && Boolean.parseBoolean(System.getenv("FLEET_REQUIRE_TOOLS"))) {
			throw new AssertionError("prometheus is not on the PATH (Debian: apt-get install prometheus)");
		}
		assumeTrue(present, "prometheus is not on the PATH: skipped");
		running = new RunningFleet("observability",
				Map.of("FLEET_RATELIMIT_REQUESTSPERSECOND", "20", "SIMULATOR_RATELIMIT", "15",
						"FLEET_MONITORING_KAFKAINTERVAL", "2s"));
		running.fleet().up(2, 2, true);
	}

	@AfterAll
	static void down() {
		if (running != null) {
			running.close();
		}
	}

	@Test
	void alertsFireWhenTheyShouldAndEveryDashboardPanelHasData() throws IOException {
		// Prometheus must have seen the dead letters at 0 to see one added
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
			.until(() -> query("fleet_dead_letters_total{topic=\"tmdb.pages.DLT\"} == 0").size() == 1);

		// a page TMDB always refuses: retried, then dead-lettered, its import COMPLETED_WITH_ERRORS
		running.tmdbFaults("{\"errorRates\":{\"503\":1.0},\"faultPages\":[3]}");
		JsonNode withErrors;
		try {
			withErrors = running.follow(running.startImport("popular", 20), PATIENCE);
		}
		finally {
			running.tmdbFaults(null);
		}
		assertThat(withErrors.path("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(running.follow(running.startImport("top_rated", 10), PATIENCE).path("status").asString())
			.isEqualTo("COMPLETED");

		// no persist worker, one fetch worker crashed, and an import on its way
		running.fleet().stop("persist-1");
		running.fleet().stop("persist-2");
		running.fleet().kill("fetch-2");
		UUID waiting = running.startImport("upcoming", 15);

		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("FleetDeadLetters", "firing");
		expected.put("FleetNoPersistWorker", "firing");
		expected.put("FleetInstanceDown", "firing");
		expected.put("FleetConsumerLagGrowing", "pending"); // fires after its 10 minutes
		expected.put("FleetImportStalled", "pending"); // the import waits for persist workers: after 2 minutes
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
			Map<String, List<String>> states = alertStates();
			expected.forEach((alert, state) -> assertThat(states.getOrDefault(alert, List.of())).as(alert)
				.containsAnyOf(state, "firing"));
		});
		JsonNode alerts = prometheus("/api/v1/alerts").path("data").path("alerts");
		for (JsonNode alert : alerts) {
			System.out.println("alert " + alert.path("labels").path("alertname").asString() + " "
					+ alert.path("state").asString() + " " + alert.path("labels") + " value " + alert.path("value"));
		}
		assertThat(alerts).filteredOn(alert -> alert.path("labels").path("alertname").asString().equals("FleetInstanceDown"))
			.extracting(alert -> alert.path("labels").path("instance").asString())
			.contains("localhost:" + port("fetch-2"));
		assertThat(alerts).filteredOn(alert -> alert.path("labels").path("alertname").asString().equals("FleetDeadLetters"))
			.extracting(alert -> alert.path("labels").path("topic").asString())
			.containsExactly("tmdb.pages.DLT");
		assertThat(alerts).extracting(alert -> alert.path("labels").path("alertname").asString())
			.as("nothing else is wrong").doesNotContain("FleetNoFetchWorker", "FleetOutboxBacklog",
					"FleetTmdbServerErrors", "FleetDatabasePoolSaturated", "FleetSlowPersistBatches");

		String status = running.commandOutput("status");
		System.out.print(status);
		assertThat(status).containsPattern("persist-movies\\s+tmdb.movies\\s+[1-9]\\d*")
			.containsPattern("tmdb.pages.DLT\\s+1\\b");

		List<String> empty = new ArrayList<>();
		int queries = 0;
		for (Path file : dashboards()) {
			for (JsonNode panel : JsonMapper.shared().readTree(file.toFile()).path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					String query = target.path("expr").asString()
						.replace("$__rate_interval", "2m")
						.replace("$application", ".*");
					JsonNode series = query(query);
					queries++;
					String name = file.getFileName() + " / " + panel.path("title").asString() + " / " + query;
					System.out.println("panel " + name + " -> " + series.size() + " series"
							+ (series.isEmpty() ? "" : ", first " + series.get(0).path("value").get(1)));
					if (series.isEmpty()) {
						empty.add(name);
					}
				}
			}
		}
		assertThat(queries).isGreaterThan(30);
		assertThat(empty).as("panel queries without a series").isEmpty();

		running.fleet().start("persist-1");
		running.fleet().start("persist-2");
		running.fleet().start("fetch-2");
		assertThat(running.follow(waiting, PATIENCE).path("status").asString()).isEqualTo("COMPLETED");
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(alertStates()).doesNotContainKeys("FleetNoPersistWorker", "FleetInstanceDown"));
	}

	/** The series an instant query returns; fails on a query Prometheus refuses. */
	private JsonNode query(String promql) {
		JsonNode result = prometheus("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		assertThat(result.path("status").asString()).as(promql + ": " + result).isEqualTo("success");
		return result.path("data").path("result");
	}

	private Map<String, List<String>> alertStates() {
		Map<String, List<String>> states = new LinkedHashMap<>();
		for (JsonNode alert : prometheus("/api/v1/alerts").path("data").path("alerts")) {
			states.computeIfAbsent(alert.path("labels").path("alertname").asString(), name -> new ArrayList<>())
				.add(alert.path("state").asString());
		}
		return states;
	}

	private JsonNode prometheus(String path) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(running.fleet().url("prometheus") + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			return JsonMapper.shared().readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int port(String instance) {
		return URI.create(running.fleet().url(instance)).getPort();
	}

	private static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

}
