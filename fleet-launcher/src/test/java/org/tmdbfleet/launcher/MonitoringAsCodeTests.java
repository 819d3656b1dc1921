package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring that lives in the repository — Prometheus rules and their unit tests,
 * docker-compose and the Prometheus configuration {@code ./fleet} writes — checked by the tools
 * that will read it: {@code promtool} and {@code docker-compose} (Debian packages
 * {@code prometheus} and {@code docker-compose}; see {@link ExternalTools}). The dashboards:
 * {@code GrafanaDashboardsTests}; the Kubernetes component: {@code MonitoringComponentTests}; the
 * rules on Prometheus 2 and 3: {@code PrometheusVersionsTests}.
 */
class MonitoringAsCodeTests {

	private static final Path REPOSITORY = ExternalTools.REPOSITORY;

	private static final Path RULES = REPOSITORY.resolve("monitoring/prometheus/rules");

	private static final Path DASHBOARDS = REPOSITORY.resolve("monitoring/grafana/dashboards");

	@Test
	void theAlertRulesPassTheirPromtoolUnitTests() throws Exception {
		ExternalTools.require("promtool");
		List<String> tests;
		try (Stream<Path> files = Files.list(REPOSITORY.resolve("monitoring/prometheus/tests"))) {
			tests = files.map(Path::toString).filter(name -> name.endsWith(".yml")).sorted().toList();
		}
		assertThat(tests).isNotEmpty();

		assertThat(ExternalTools.run(REPOSITORY, Map.of(), concat(List.of("promtool", "check", "rules"), ruleFiles())))
			.contains("SUCCESS");
		assertThat(ExternalTools.run(REPOSITORY, Map.of(), concat(List.of("promtool", "test", "rules"), tests))).contains("SUCCESS");
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
	void dockerComposeIsValidAndEveryFileItMountsExists() throws Exception {
		ExternalTools.require("docker-compose");
		String config = ExternalTools.run(REPOSITORY, Map.of("FLEET_API_TOKENS", "compose-check", "FLEET_CATALOG_KEYS", "catalog-check"),
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
		ExternalTools.require("docker-compose");
		String config = ExternalTools.run(REPOSITORY, Map.of("FLEET_API_TOKENS", "compose-check", "FLEET_CATALOG_KEYS", "catalog-check"),
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
		ExternalTools.require("promtool");
		assertThat(ExternalTools.run(REPOSITORY, Map.of(), List.of("promtool", "check", "config", "docker/prometheus.yml")))
			.contains("SUCCESS");

		FleetSettings settings = FleetSettings.isolated(REPOSITORY, home, PortAllocator.random());
		Prometheus prometheus = new Prometheus(settings);
		prometheus.writeConfig(Map.of("api-gateway", List.of(8080), "fetch-worker", List.of(8082, 8092), "catalog-api",
				List.of(8070, 8071)));
		Path written = home.resolve("prometheus/prometheus.yml");
		String output = ExternalTools.run(REPOSITORY, Map.of(), List.of("promtool", "check", "config", written.toString()));
		assertThat(output).contains("SUCCESS").contains("fleet.rules.yml");
		assertThat(Files.readString(written)).contains("job_name: api-gateway", "job_name: fetch-worker",
				"job_name: catalog-api", "targets: ['localhost:8070', 'localhost:8071']");
	}

	private static List<String> ruleFiles() throws IOException {
		try (Stream<Path> files = Files.list(RULES)) {
			return files.map(Path::toString).filter(name -> name.endsWith(".yml")).sorted().toList();
		}
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
