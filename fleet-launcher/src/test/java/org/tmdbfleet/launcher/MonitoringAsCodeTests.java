package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The monitoring that lives in the repository — Prometheus rules and their unit tests, Grafana
 * dashboards, docker-compose and the Prometheus configuration {@code ./fleet} writes — checked by
 * the tools that will read it: {@code promtool} and {@code docker-compose} (Debian packages
 * {@code prometheus} and {@code docker-compose}). Without them these tests are skipped, unless
 * {@code FLEET_REQUIRE_TOOLS=true} (as {@code .ci/run} sets it, after installing them).
 */
class MonitoringAsCodeTests {

	private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

	private static final Path RULES = REPOSITORY.resolve("monitoring/prometheus/rules");

	private static final Path DASHBOARDS = REPOSITORY.resolve("monitoring/grafana/dashboards");

	@Test
	void theAlertRulesPassTheirPromtoolUnitTests() throws Exception {
		requireTool("promtool");
		List<String> tests;
		try (Stream<Path> files = Files.list(REPOSITORY.resolve("monitoring/prometheus/tests"))) {
			tests = files.map(Path::toString).filter(name -> name.endsWith(".yml")).sorted().toList();
		}
		assertThat(tests).isNotEmpty();

		assertThat(run(REPOSITORY, Map.of(), concat(List.of("promtool", "check", "rules"), ruleFiles())))
			.contains("SUCCESS");
		assertThat(run(REPOSITORY, Map.of(), concat(List.of("promtool", "test", "rules"), tests))).contains("SUCCESS");
	}

	@Test
	void everyAlertTellsWhatHappenedAndWhatToDoAndIsUnitTested() throws IOException {
		String tests = Files.readString(REPOSITORY.resolve("monitoring/prometheus/tests/fleet.rules.test.yml"));
		List<String> alerts = new ArrayList<>();
		for (String file : ruleFiles()) {
			String[] blocks = Files.readString(Path.of(file)).split("\n\\s*- alert: ");
			for (String block : List.of(blocks).subList(1, blocks.length)) {
				String name = block.lines().findFirst().orElseThrow().trim();
				alerts.add(name);
				assertThat(block).as(name).contains("summary:", "runbook:", "severity:");
				assertThat(tests).as(name + " has a unit test").contains("alertname: " + name);
			}
		}
		assertThat(alerts).contains("FleetInstanceDown", "FleetNoFetchWorker", "FleetNoPersistWorker",
				"FleetConsumerLagGrowing", "FleetDeadLetters", "FleetImportStalled", "FleetTmdbRateLimited",
				"FleetTmdbServerErrors", "FleetDatabasePoolSaturated", "FleetSlowPersistBatches", "FleetNoCatalogApi");
	}

	@Test
	void dashboardsUseTheProvisionedDatasourceByUidAndEveryPanelHasAQuery() throws IOException {
		String datasources = Files.readString(REPOSITORY.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
		Set<String> uids = new HashSet<>();
		List<Path> dashboards = dashboards();
		assertThat(dashboards).extracting(file -> file.getFileName().toString())
			.contains("fleet-overview.json", "fleet-workers.json", "fleet-catalog.json");
		for (Path file : dashboards) {
			JsonNode dashboard = JsonMapper.shared().readTree(file.toFile());
			assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid " + file).isTrue();
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : dashboard.path("panels")) {
				String title = file.getFileName() + ": " + panel.path("title").asString();
				assertThat(ids.add(panel.path("id").asInt())).as("unique id " + title).isTrue();
				if (panel.path("type").asString().equals("row")) {
					continue;
				}
				assertThat(panel.path("description").asString()).as(title).isNotBlank();
				assertThat(panel.path("targets").isEmpty()).as(title + " has queries").isFalse();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo("prometheus");
					assertThat(target.path("expr").asString()).as(title).isNotBlank();
				}
			}
		}
		assertThat(datasources).contains("uid: prometheus");
	}

	/**
	 * Each panel's query as a recording rule, so that {@code promtool} parses it as Prometheus
	 * would: Grafana's variables replaced as {@code fleet-tests}' ObservabilityIT does, which then
	 * runs every one against a live fleet.
	 */
	@Test
	void everyDashboardQueryIsPromqlPrometheusAccepts(@TempDir Path directory) throws Exception {
		requireTool("promtool");
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
		int queries = 0;
		for (Path file : dashboards()) {
			for (JsonNode panel : JsonMapper.shared().readTree(file.toFile()).path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					String query = target.path("expr").asString()
						.replace("$__rate_interval", "2m")
						.replace("$application", ".*");
					rules.append("      - record: dashboard:query_").append(++queries).append("\n        expr: ")
						.append(JsonMapper.shared().writeValueAsString(query)).append('\n');
				}
			}
		}
		Path file = directory.resolve("dashboards.rules.yml");
		Files.writeString(file, rules);

		assertThat(run(REPOSITORY, Map.of(), List.of("promtool", "check", "rules", file.toString())))
			.contains("SUCCESS: " + queries + " rules found");
		assertThat(queries).isGreaterThan(40);
	}

	@Test
	void dockerComposeIsValidAndEveryFileItMountsExists() throws Exception {
		requireTool("docker-compose");
		String config = run(REPOSITORY, Map.of("FLEET_API_TOKENS", "compose-check", "FLEET_CATALOG_KEYS", "catalog-check"),
				List.of("docker-compose", "-f", "docker-compose.yml", "--profile", "simulator", "config"));
		assertThat(config).contains("api-gateway:", "fetch-worker:", "persist-worker:", "tmdb-simulator:", "kafka:",
				"postgres:", "prometheus:", "grafana:", "catalog-api:");
		assertThat(config).contains("KAFKA_LOG_DIRS: /var/lib/kafka/data", "SPRING_PROFILES_ACTIVE: prod",
				"FLEET_API_TOKENS: compose-check", "FLEET_CATALOG_KEYS: catalog-check");

		String compose = Files.readString(REPOSITORY.resolve("docker-compose.yml"));
		Matcher mount = Pattern.compile("- \\./([^:]+):").matcher(compose);
		int mounts = 0;
		while (mount.find()) {
			mounts++;
			assertThat(REPOSITORY.resolve(mount.group(1))).as(mount.group(1)).exists();
		}
		assertThat(mounts).isGreaterThanOrEqualTo(4);
		assertThat(compose).contains("/var/lib/grafana/dashboards/fleet-overview.json");
		assertThat(DASHBOARDS.resolve("fleet-overview.json")).exists();

		// without a token the gateway, without a key the catalog API would be open on a published port: compose refuses
		assertThat(exitCode(REPOSITORY, Map.of("FLEET_CATALOG_KEYS", "catalog-check"),
				List.of("docker-compose", "-f", "docker-compose.yml", "config"))).isNotZero();
		assertThat(exitCode(REPOSITORY, Map.of("FLEET_API_TOKENS", "compose-check"),
				List.of("docker-compose", "-f", "docker-compose.yml", "config"))).isNotZero();
	}

	@Test
	void theCatalogApiStartsOnComposeOnceTheGatewayHasMigratedTheSchemaAndNeverWaitsForKafka() throws Exception {
		requireTool("docker-compose");
		String config = run(REPOSITORY, Map.of("FLEET_API_TOKENS", "compose-check", "FLEET_CATALOG_KEYS", "catalog-check"),
				List.of("docker-compose", "-f", "docker-compose.yml", "config"));
		Matcher service = Pattern.compile("\n  catalog-api:\n(    .*\n|\\s*- .*\n)+").matcher(config);
		assertThat(service.find()).as(config).isTrue();

		assertThat(service.group()).contains("api-gateway:\n        condition: service_healthy",
				"postgres:\n        condition: service_healthy", "SPRING_DATASOURCE_URL:", "8070/actuator/health")
			.doesNotContain("kafka", "KAFKA");
	}

	@Test
	void everyServiceTheLauncherRunsIsScrapedUnderTheSameJobOnCompose() throws IOException {
		String scrapes = Files.readString(REPOSITORY.resolve("docker/prometheus.yml"));

		assertThat(Components.SERVICES.values()).allSatisfy(job -> assertThat(scrapes).contains("job_name: " + job + "\n"))
			.contains("catalog-api");
	}

	@Test
	void thePrometheusConfigurationsOfComposeAndOfTheLauncherAreValidAndLoadTheRules(@TempDir Path home)
			throws Exception {
		requireTool("promtool");
		assertThat(run(REPOSITORY, Map.of(), List.of("promtool", "check", "config", "docker/prometheus.yml")))
			.contains("SUCCESS");

		FleetSettings settings = FleetSettings.isolated(REPOSITORY, home, PortAllocator.random());
		Prometheus prometheus = new Prometheus(settings);
		prometheus.writeConfig(Map.of("api-gateway", List.of(8080), "fetch-worker", List.of(8082, 8092), "catalog-api",
				List.of(8070, 8071)));
		Path written = home.resolve("prometheus/prometheus.yml");
		String output = run(REPOSITORY, Map.of(), List.of("promtool", "check", "config", written.toString()));
		assertThat(output).contains("SUCCESS").contains("fleet.rules.yml");
		assertThat(Files.readString(written)).contains("job_name: api-gateway", "job_name: fetch-worker",
				"job_name: catalog-api", "targets: ['localhost:8070', 'localhost:8071']");
	}

	private static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	private static List<String> ruleFiles() throws IOException {
		try (Stream<Path> files = Files.list(RULES)) {
			return files.map(Path::toString).filter(name -> name.endsWith(".yml")).sorted().toList();
		}
	}

	static void requireTool(String tool) {
		boolean present = Executables.onPath(tool).isPresent();
		if (!present && Boolean.parseBoolean(System.getenv("FLEET_REQUIRE_TOOLS"))) {
			throw new AssertionError(tool + " is not on the PATH (Debian: apt-get install prometheus docker-compose)");
		}
		assumeTrue(present, tool + " is not on the PATH: skipped");
	}

	static String run(Path directory, Map<String, String> environment, List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		System.out.println(String.join(" ", command) + "\n" + output);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	/** The command's exit code, run with only the given ones of compose's required secrets. */
	private static int exitCode(Path directory, Map<String, String> environment, List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().remove("FLEET_API_TOKENS");
		builder.environment().remove("FLEET_CATALOG_KEYS");
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
