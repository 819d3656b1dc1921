package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards of {@code monitoring/grafana/dashboards} travel: they ask for a
 * Prometheus datasource on import instead of naming one, filter on a namespace (absent outside
 * Kubernetes) and an instance, colour a bad value red, and count restarts. Compose's Grafana
 * provisions the same files; {@code fleet-tests}' ObservabilityIT runs every query against a live
 * fleet.
 */
class GrafanaDashboardsTests {

	private static final Path DASHBOARDS = ExternalTools.REPOSITORY.resolve("monitoring/grafana/dashboards");

	private static final String DATASOURCE = "${datasource}";

	private static final String NAMESPACE = "namespace=~\"$namespace\"";

	@Test
	void everyPanelQueriesTheDatasourceTheDashboardAsksForOnImport() throws IOException {
		Set<String> uids = new HashSet<>();
		for (Path file : dashboards()) {
			JsonNode dashboard = read(file);
			assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid " + file).isTrue();
			assertThat(dashboard.path("__inputs")).as(file + " asks for a datasource on import")
				.anySatisfy(input -> {
					assertThat(input.path("name").asString()).isEqualTo("DS_PROMETHEUS");
					assertThat(input.path("type").asString()).isEqualTo("datasource");
					assertThat(input.path("pluginId").asString()).isEqualTo("prometheus");
				});
			JsonNode datasource = variable(dashboard, "datasource");
			assertThat(datasource.path("type").asString()).isEqualTo("datasource");
			assertThat(datasource.path("query").asString()).isEqualTo("prometheus");
			assertThat(datasource.path("current").path("value").asString()).isEqualTo("${DS_PROMETHEUS}");
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if (variable.path("type").asString().equals("query")) {
					assertThat(variable.path("datasource").path("uid").asString()).as(file + " $" + variable.path("name"))
						.isEqualTo(DATASOURCE);
				}
			}

			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : dashboard.path("panels")) {
				String title = file.getFileName() + ": " + panel.path("title").asString();
				assertThat(ids.add(panel.path("id").asInt())).as("unique id " + title).isTrue();
				if (panel.path("type").asString().equals("row")) {
					continue;
				}
				assertThat(panel.path("description").asString()).as(title).isNotBlank();
				assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo(DATASOURCE);
				assertThat(panel.path("targets").isEmpty()).as(title + " has queries").isFalse();
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo(DATASOURCE);
					assertThat(target.path("datasource").path("type").asString()).as(title).isEqualTo("prometheus");
					assertThat(target.path("expr").asString()).as(title).isNotBlank();
				}
			}
			assertThat(Files.readString(file)).as(file + " names no datasource uid").doesNotContain("\"uid\": \"prometheus\"");
		}
		assertThat(uids).contains("fleet-overview", "fleet-workers", "fleet-catalog");
	}

	/**
	 * On Kubernetes the operator labels every series with its namespace; compose and {@code ./fleet}
	 * do not. The variable's All is {@code .*}, which also matches a missing label.
	 */
	@Test
	void everySelectorFollowsTheNamespaceVariableWhichAlsoMatchesSeriesWithoutOne() throws IOException {
		int selectors = 0;
		for (Path file : dashboards()) {
			JsonNode dashboard = read(file);
			for (String name : List.of("namespace", "instance")) {
				JsonNode variable = variable(dashboard, name);
				assertThat(variable.path("includeAll").asBoolean()).as(file + " $" + name).isTrue();
				assertThat(variable.path("allValue").asString()).as(file + " $" + name).isEqualTo(".*");
				assertThat(variable.path("current").path("value").asString()).as(file + " $" + name).isEqualTo("$__all");
			}
			for (String query : queries(dashboard)) {
				for (String selector : selectors(query)) {
					selectors++;
					assertThat(selector).as(file.getFileName() + ": " + query).contains(NAMESPACE);
				}
			}
			assertThat(queries(dashboard)).as(file + " filters on $instance").anyMatch(query -> query.contains("instance=~\"$instance\""));
		}
		assertThat(selectors).isGreaterThan(50);
		assertThat(selectors("max by (topic) (increase(fleet_dead_letters_total[5m])) or vector(0)"))
			.containsExactly("fleet_dead_letters_total");
	}

	@Test
	void everyStatPanelHasThresholdsAndADeadLetterOrAnInstanceDownShowsRed() throws IOException {
		int stats = 0;
		for (Path file : dashboards()) {
			for (JsonNode panel : read(file).path("panels")) {
				if (!panel.path("type").asString().equals("stat")) {
					continue;
				}
				stats++;
				String title = file.getFileName() + ": " + panel.path("title").asString();
				JsonNode thresholds = panel.path("fieldConfig").path("defaults").path("thresholds");
				assertThat(thresholds.path("mode").asString()).as(title).isEqualTo("absolute");
				assertThat(thresholds.path("steps").isEmpty()).as(title + " has thresholds").isFalse();
				assertThat(thresholds.path("steps").get(0).path("value").isNull()).as(title + " starts with a base colour").isTrue();
				assertThat(panel.path("options").path("colorMode").asString()).as(title).isIn("value", "background");
			}
		}
		assertThat(stats).isGreaterThanOrEqualTo(9);

		JsonNode overview = read(DASHBOARDS.resolve("fleet-overview.json"));
		assertThat(colour(panel(overview, "Dead letters"), "tmdb.pages.DLT", 1)).isEqualTo("red");
		assertThat(colour(panel(overview, "Dead letters"), "tmdb.pages.DLT", 0)).isEqualTo("green");
		assertThat(colour(panel(overview, "Instances down"), "fetch-worker", 1)).isEqualTo("red");
		assertThat(colour(panel(overview, "Instances down"), "fetch-worker", 0)).isEqualTo("green");
		assertThat(colour(panel(overview, "Instances up"), "api-gateway", 0)).isEqualTo("red");
		assertThat(colour(panel(overview, "Instances up"), "api-gateway", 2)).isEqualTo("green");
		assertThat(colour(panel(overview, "Imports by status"), "STALLED", 1)).isEqualTo("red");
		assertThat(colour(panel(overview, "Imports by status"), "RUNNING", 1)).isNotEqualTo("red");
		assertThat(colour(panel(overview, "Restarts"), "persist-worker", 3)).isEqualTo("red");
		JsonNode catalog = read(DASHBOARDS.resolve("fleet-catalog.json"));
		assertThat(colour(panel(catalog, "Catalog APIs up"), "up", 0)).isEqualTo("red");
		assertThat(colour(panel(catalog, "Catalog APIs up"), "down", 1)).isEqualTo("red");
		assertThat(colour(panel(catalog, "Catalog APIs up"), "down", 0)).isEqualTo("green");
		assertThat(colour(panel(catalog, "Answered with an error"), "errors", 0.2)).isEqualTo("red");
	}

	/** A restart keeps the instance and changes the process's start time; a replaced pod is a new instance. */
	@Test
	void theOverviewAndTheWorkersCountRestarts() throws IOException {
		for (String file : List.of("fleet-overview.json", "fleet-workers.json")) {
			JsonNode restarts = panel(read(DASHBOARDS.resolve(file)), "Restarts");
			assertThat(restarts.path("targets").get(0).path("expr").asString()).as(file)
				.contains("changes(process_start_time_seconds{", "[$__range]");
		}
	}

	/**
	 * Each panel's query as a recording rule, so that {@code promtool} parses it as Prometheus
	 * would: Grafana's variables replaced as {@code fleet-tests}' ObservabilityIT does, which then
	 * runs every one against a live fleet.
	 */
	@Test
	void everyDashboardQueryIsPromqlPrometheusAccepts(@TempDir Path directory) throws Exception {
		ExternalTools.require("promtool");
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
		int queries = 0;
		for (Path file : dashboards()) {
			for (String query : queries(read(file))) {
				rules.append("      - record: dashboard:query_").append(++queries).append("\n        expr: ")
					.append(JsonMapper.shared().writeValueAsString(forPrometheus(query))).append('\n');
			}
		}
		Path file = directory.resolve("dashboards.rules.yml");
		Files.writeString(file, rules);

		assertThat(ExternalTools.run(ExternalTools.REPOSITORY, Map.of(), List.of("promtool", "check", "rules", file.toString())))
			.contains("SUCCESS: " + queries + " rules found");
		assertThat(queries).isGreaterThan(40);
	}

	/** A panel's query as Grafana sends it with every variable at All (ObservabilityIT does the same). */
	static String forPrometheus(String query) {
		return query.replace("$__rate_interval", "2m").replace("$__range", "1h").replaceAll("\\$\\{?[a-z_]+\\}?", ".*");
	}

	/**
	 * The vector selectors of a query (metric name and matchers), found by skipping strings, ranges,
	 * grouping clauses, functions and keywords.
	 */
	static List<String> selectors(String query) {
		Pattern identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
		Set<String> grouping = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
		Set<String> keywords = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk",
				"quantile", "count_values", "group", "bool", "and", "or", "unless", "offset", "inf", "nan");
		List<String> selectors = new ArrayList<>();
		int i = 0;
		while (i < query.length()) {
			char c = query.charAt(i);
			if (c == '"' || c == '\'' || c == '`') {
				i = query.indexOf(c, i + 1) + 1;
				continue;
			}
			if (c == '[') {
				i = query.indexOf(']', i) + 1;
				continue;
			}
			if (Character.isDigit(c)) {
				while (i < query.length() && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '.')) {
					i++;
				}
				continue;
			}
			Matcher word = identifier.matcher(query).region(i, query.length());
			if (word.lookingAt()) {
				int next = word.end();
				while (next < query.length() && query.charAt(next) == ' ') {
					next++;
				}
				boolean call = next < query.length() && query.charAt(next) == '(';
				if (grouping.contains(word.group())) {
					i = call ? query.indexOf(')', next) + 1 : word.end();
				}
				else if (keywords.contains(word.group()) || call) {
					i = word.end();
				}
				else if (next < query.length() && query.charAt(next) == '{') {
					int end = query.indexOf('}', next) + 1;
					selectors.add(query.substring(i, end));
					i = end;
				}
				else {
					selectors.add(word.group());
					i = word.end();
				}
				continue;
			}
			if (c == '{') {
				int end = query.indexOf('}', i) + 1;
				selectors.add(query.substring(i, end));
				i = end;
				continue;
			}
			i++;
		}
		return selectors;
	}

	/** The colour Grafana gives a value of the named series: its override's thresholds, else the panel's. */
	private static String colour(JsonNode panel, String series, double value) {
		JsonNode thresholds = panel.path("fieldConfig").path("defaults").path("thresholds");
		for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
			if (override.path("matcher").path("id").asString().equals("byName")
					&& override.path("matcher").path("options").asString().equals(series)) {
				for (JsonNode property : override.path("properties")) {
					if (property.path("id").asString().equals("thresholds")) {
						thresholds = property.path("value");
					}
				}
			}
		}
		String colour = null;
		for (JsonNode step : thresholds.path("steps")) {
			if (step.path("value").isNull() || value >= step.path("value").asDouble()) {
				colour = step.path("color").asString();
			}
		}
		return colour;
	}

	private static JsonNode panel(JsonNode dashboard, String title) {
		for (JsonNode panel : dashboard.path("panels")) {
			if (panel.path("title").asString().equals(title)) {
				return panel;
			}
		}
		throw new AssertionError("no panel " + title + " in " + dashboard.path("uid").asString());
	}

	private static JsonNode variable(JsonNode dashboard, String name) {
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (variable.path("name").asString().equals(name)) {
				return variable;
			}
		}
		throw new AssertionError("no variable $" + name + " in " + dashboard.path("uid").asString());
	}

	private static List<String> queries(JsonNode dashboard) {
		List<String> queries = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(target.path("expr").asString());
			}
		}
		return queries;
	}

	private static JsonNode read(Path file) {
		return JsonMapper.shared().readTree(file.toFile());
	}

	static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

}
