package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules mean the same on the Prometheus the tests run (Debian's 2.42) and on the one compose
 * pins and a Kubernetes operator runs (3.x). Of what 3.0 changed in PromQL, the rules and
 * dashboards use none, and the one change they cannot avoid — ranges open on the left, so a
 * sample exactly at a window's start no longer counts — is shown harmless by running the promtool
 * unit tests again with every range shortened by a millisecond, which is what 3.x's ranges select.
 * See docs/notes/monitoring-that-travels.md.
 */
class PrometheusVersionsTests {

	private static final Path REPOSITORY = ExternalTools.REPOSITORY;

	private static final Path RULES = REPOSITORY.resolve("monitoring/prometheus/rules/fleet.rules.yml");

	private static final Path TESTS = REPOSITORY.resolve("monitoring/prometheus/tests/fleet.rules.test.yml");

	private static final Pattern RANGE = Pattern.compile("\\[(\\d+)(ms|s|m|h)\\]");

	@Test
	void theRulesAndDashboardsUseNothingPrometheus3Changed() throws IOException {
		List<String> expressions = new ArrayList<>(Files.readString(RULES).lines().toList());
		for (Path file : GrafanaDashboardsTests.dashboards()) {
			for (JsonNode panel : JsonMapper.shared().readTree(file.toFile()).path("panels")) {
				panel.path("targets").forEach(target -> expressions.add(target.path("expr").asString()));
			}
		}

		assertThat(expressions).as("renamed to double_exponential_smoothing, behind a feature flag")
			.noneMatch(line -> line.contains("holt_winters"));
		assertThat(expressions).as("subqueries: their aligned steps lose a point to left-open ranges")
			.noneMatch(line -> Pattern.compile("\\[[^\\]]*:[^\\]]*\\]").matcher(line).find());
		assertThat(expressions).as("le and quantile values are normalised to floats (\"1\" becomes \"1.0\")")
			.noneMatch(line -> Pattern.compile("\\b(le|quantile)\\s*(=|!=|=~|!~)\\s*\"").matcher(line).find());
	}

	/**
	 * A range of four scrapes holds four samples on 3.x and four or five on 2.x; rate and friends
	 * extrapolate both to the same value for a steady counter. A range of one scrape would hold one
	 * sample on 3.x: no rate at all.
	 */
	@Test
	void everyRangeOfTheRulesSpansAtLeastFourScrapesWhereverTheyRun(@TempDir Path home) throws IOException {
		List<Duration> ranges = new ArrayList<>();
		Matcher range = RANGE.matcher(Files.readString(RULES));
		while (range.find()) {
			ranges.add(duration(range.group(1), range.group(2)));
		}

		FleetSettings settings = FleetSettings.isolated(REPOSITORY, home, PortAllocator.random());
		new Prometheus(settings).writeConfig(Map.of("api-gateway", List.of(8080)));
		List<Duration> scrapes = new ArrayList<>();
		scrapes.addAll(intervals(Files.readString(REPOSITORY.resolve("docker/prometheus.yml")), "scrape_interval"));
		scrapes.addAll(intervals(Files.readString(home.resolve("prometheus/prometheus.yml")), "scrape_interval"));
		List<Duration> podMonitors = intervals(
				Files.readString(REPOSITORY.resolve("deploy/k8s/components/monitoring/podmonitors.yaml")), "interval");
		assertThat(podMonitors).hasSize(Components.SERVICES.size());
		scrapes.addAll(podMonitors);

		Duration shortest = ranges.stream().min(Duration::compareTo).orElseThrow();
		Duration longest = scrapes.stream().max(Duration::compareTo).orElseThrow();
		assertThat(ranges).hasSizeGreaterThan(10);
		assertThat(shortest).as("the shortest range against the longest scrape interval " + longest)
			.isGreaterThanOrEqualTo(longest.multipliedBy(4));
	}

	@Test
	void theRuleUnitTestsHoldWithPrometheus3sLeftOpenRanges(@TempDir Path copy) throws Exception {
		ExternalTools.require("promtool");
		Files.createDirectories(copy.resolve("rules"));
		Files.createDirectories(copy.resolve("tests"));
		String rules = Files.readString(RULES);
		StringBuilder leftOpen = new StringBuilder();
		Matcher range = RANGE.matcher(rules);
		int ranges = 0;
		while (range.find()) {
			// [5m] selects (t-5m, t] on 3.x; on 2.x that is [t-5m+1ms, t], as timestamps are milliseconds
			range.appendReplacement(leftOpen, "[" + (duration(range.group(1), range.group(2)).toMillis() - 1) + "ms]");
			ranges++;
		}
		range.appendTail(leftOpen);
		assertThat(ranges).isGreaterThan(10);
		Files.writeString(copy.resolve("rules/fleet.rules.yml"), leftOpen);
		Files.copy(TESTS, copy.resolve("tests/fleet.rules.test.yml"));

		assertThat(ExternalTools.run(copy.resolve("tests"), Map.of(), List.of("promtool", "test", "rules", "fleet.rules.test.yml")))
			.contains("SUCCESS");
	}

	private static List<Duration> intervals(String yaml, String key) {
		List<Duration> intervals = new ArrayList<>();
		Matcher interval = Pattern.compile("\\b" + key + ":\\s*(\\d+)(ms|s|m|h)\\b").matcher(yaml);
		while (interval.find()) {
			intervals.add(duration(interval.group(1), interval.group(2)));
		}
		assertThat(intervals).as(key + " in " + yaml).isNotEmpty();
		return intervals;
	}

	private static Duration duration(String amount, String unit) {
		long value = Long.parseLong(amount);
		return switch (unit) {
			case "ms" -> Duration.ofMillis(value);
			case "s" -> Duration.ofSeconds(value);
			case "m" -> Duration.ofMinutes(value);
			case "h" -> Duration.ofHours(value);
			default -> throw new IllegalArgumentException(unit);
		};
	}

}
