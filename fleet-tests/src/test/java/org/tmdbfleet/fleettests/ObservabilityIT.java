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
import org.tmdbfleet.launcher.Executables;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fleet's monitoring against a real Prometheus (Debian's {@code prometheus} package), started
 * by {@code ./fleet up --prometheus} with the repository's rules: imports run while TMDB refuses
 * part of the traffic (429 above 15 requests/s for a fleet budget of 20) and one page always
 * (503), and the catalog API answers a client; then both persist workers are stopped and a fetch
 * worker killed while an import runs. The alerts that should fire do, and every query of every
 * dashboard panel returns series.
 */
class ObservabilityIT {

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	private static final Path DASHBOARDS = Path.of(System.getProperty("fleet.repository", ".."))
		.resolve("monitoring/grafana/dashboards");

	private static RunningFleet running;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void up() {
		boolean present = Executables.onPath("prometheus").isPresent();
		if (!present && Boolean.parseBoolean(System.getenv("FLEET_REQUIRE_TOOLS"))) {
			throw new AssertionError("prometheus is not on the PATH (Debian: apt-get install prometheus)");
		}
		assumeTrue(present, "prometheus is not on the PATH: skipped");
		running = new RunningFleet("observability",
				Map.of("FLEET_RATELIMIT_REQUESTSPERSECOND", "20", "SIMULATOR_RATELIMIT", "15",
						"FLEET_MONITORING_KAFKAINTERVAL", "2s"));
		running.fleet().up(2, 2, 1, true);
		shortenTheSlowAlertsWaits();
	}

	/**
	 * The lag alert waits 10 minutes before it fires, the no-worker alerts 5 (their promtool tests
	 * cover that); here the same rules are loaded with those waits cut to 20 s, so their expressions
	 * are seen firing.
	 */
	private static void shortenTheSlowAlertsWaits() {
		try {
			Path home = running.fleet().settings().home().resolve("prometheus");
			Path rules = running.fleet().settings().repository()
				.resolve("monitoring/prometheus/rules/fleet.rules.yml");
			String text = Files.readString(rules);
			text = shorten(text, "FleetConsumerLagGrowing", "for: 10m");
			text = shorten(text, "FleetNoPersistWorker", "for: 5m");
			text = shorten(text, "FleetNoFetchWorker", "for: 5m");
			Files.writeString(home.resolve("fleet.rules.yml"), text);
			Path config = home.resolve("prometheus.yml");
			String written = Files.readString(config);
			assertThat(written).contains(rules.getParent() + "/*.yml");
			Files.writeString(config, written.replace(rules.getParent() + "/*.yml", home.resolve("fleet.rules.yml").toString()));
			HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(running.fleet().url("prometheus") + "/-/reload"))
				.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String shorten(String rules, String alert, String wait) {
		int start = rules.indexOf("- alert: " + alert);
		int at = rules.indexOf(wait, start);
		assertThat(start).as(alert).isPositive();
		assertThat(at).as(alert + " " + wait).isPositive();
		return rules.substring(0, at) + "for: 20s" + rules.substring(at + wait.length());
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

		// the fleet used as TMDB: the genres the imports stored, and TMDB's 404 for a movie it does not hold
		assertThat(running.status("catalog-1", "/3/genre/movie/list")).isEqualTo(200);
		assertThat(running.status("catalog-1", "/3/movie/999999999")).isEqualTo(404);

		// no persist worker, one fetch worker crashed, and an import on its way
		running.fleet().stop("persist-1");
		running.fleet().stop("persist-2");
		running.fleet().kill("fetch-2");
		UUID waiting = running.startImport("upcoming", 15);

		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("FleetDeadLetters", "firing");
		expected.put("FleetNoPersistWorker", "firing"); // work waits on tmdb.movies; its 5 minutes cut to 20 s here
		expected.put("FleetInstanceDown", "firing");
		expected.put("FleetConsumerLagGrowing", "firing"); // its 10 minutes cut to 20 s here
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
		assertThat(alerts).filteredOn(alert -> alert.path("labels").path("alertname").asString().equals("FleetNoPersistWorker"))
			.extracting(alert -> alert.path("labels").path("group").asString())
			.containsExactly("persist-movies");
		assertThat(alerts).filteredOn(alert -> alert.path("labels").path("alertname").asString().equals("FleetConsumerLagGrowing"))
			.filteredOn(alert -> alert.path("state").asString().equals("firing"))
			.extracting(alert -> alert.path("labels").path("group").asString())
			.contains("persist-movies");
		assertThat(alerts).extracting(alert -> alert.path("labels").path("alertname").asString())
			.as("nothing else is wrong (the refused page's 503s may make FleetTmdbServerErrors pending)")
			.doesNotContain("FleetNoFetchWorker", "FleetNoCatalogApi", "FleetOutboxBacklog",
					"FleetDatabasePoolSaturated", "FleetSlowPersistBatches");

		String status = running.commandOutput("status");
		System.out.print(status);
		assertThat(status).containsPattern("persist-movies\\s+tmdb.movies\\s+[1-9]\\d*")
			.containsPattern("tmdb.pages.DLT\\s+1\\b");

		List<String> empty = new ArrayList<>();
		Map<String, Map<String, Double>> shown = new LinkedHashMap<>();
		int queries = 0;
		for (Path file : dashboards()) {
			for (JsonNode panel : JsonMapper.shared().readTree(file.toFile()).path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					// every variable at All, as GrafanaDashboardsTests' promtool check replaces them; no
					// series here has a namespace label, as on compose
					String query = target.path("expr").asString()
						.replace("$__rate_interval", "2m")
						.replace("$__range", "1h")
						.replaceAll("\\$\\{?[a-z_]+\\}?", ".*");
					JsonNode series = query(query);
					queries++;
					String name = file.getFileName() + " / " + panel.path("title").asString() + " / " + query;
					System.out.println("panel " + name + " -> " + series.size() + " series"
							+ (series.isEmpty() ? "" : ", first " + series.get(0).path("value").get(1)));
					if (series.isEmpty()) {
						empty.add(name);
					}
					for (JsonNode one : series) {
						shown.computeIfAbsent(panel.path("title").asString() + "/" + target.path("refId").asString(),
								title -> new LinkedHashMap<>())
							.merge(one.path("metric").toString(), Double.parseDouble(one.path("value").get(1).asString()),
									Double::sum);
					}
				}
			}
		}
		assertThat(queries).isGreaterThan(30);
		assertThat(empty).as("panel queries without a series").isEmpty();
		// what the red stats show: the stopped and the killed instances, the refused page's dead letter
		assertThat(shown.get("Instances down/A")).containsEntry("{\"job\":\"persist-worker\"}", 2.0)
			.containsEntry("{\"job\":\"fetch-worker\"}", 1.0)
			.containsEntry("{\"job\":\"api-gateway\"}", 0.0);
		assertThat(shown.get("Dead letters/A").get("{\"topic\":\"tmdb.pages.DLT\"}")).isGreaterThanOrEqualTo(1.0);

		// every rule Prometheus loaded evaluates, and every alert's expression is valid PromQL
		int alertRules = 0;
		for (JsonNode group : prometheus("/api/v1/rules").path("data").path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				assertThat(rule.path("health").asString()).as(rule.path("name").asString() + ": " + rule.path("lastError"))
					.isEqualTo("ok");
				if (rule.path("type").asString().equals("alerting")) {
					alertRules++;
					JsonNode series = query(rule.path("query").asString());
					System.out.println("rule " + rule.path("name").asString() + " " + rule.path("state").asString()
							+ ", its expression returns " + series.size() + " series");
				}
			}
		}
		assertThat(alertRules).isEqualTo(12);

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
