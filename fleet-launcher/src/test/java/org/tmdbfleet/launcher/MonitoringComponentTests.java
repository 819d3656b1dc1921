package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes component {@code deploy/k8s/components/monitoring}: its PrometheusRule is the
 * rule file compose and {@code ./fleet} load (so one edit cannot drift), and its PodMonitors scrape
 * every workload under the job the rules and dashboards expect.
 */
class MonitoringComponentTests {

	private static final Path REPOSITORY = ExternalTools.REPOSITORY;

	private static final Path COMPONENT = REPOSITORY.resolve("deploy/k8s/components/monitoring");

	@Test
	void theCommittedPrometheusRuleIsWhatTheGeneratorMakesFromTheRuleFile() throws IOException {
		String rules = Files.readString(REPOSITORY.resolve(PrometheusRuleManifest.RULES));

		assertThat(Files.readString(REPOSITORY.resolve(PrometheusRuleManifest.MANIFEST)))
			.as("regenerate it: java fleet-launcher/src/test/java/org/tmdbfleet/launcher/PrometheusRuleManifest.java")
			.isEqualTo(PrometheusRuleManifest.from(rules));
	}

	@Test
	void itsGroupsAreTheRuleFilesGroups() throws IOException {
		Map<String, Object> rules = new Yaml().load(Files.readString(REPOSITORY.resolve(PrometheusRuleManifest.RULES)));
		Map<String, Object> manifest = new Yaml()
			.load(Files.readString(REPOSITORY.resolve(PrometheusRuleManifest.MANIFEST)));

		assertThat(manifest).containsEntry("apiVersion", "monitoring.coreos.com/v1").containsEntry("kind", "PrometheusRule");
		assertThat(map(manifest, "spec")).containsOnlyKeys("groups");
		assertThat(map(manifest, "spec").get("groups")).isEqualTo(rules.get("groups"));
		assertThat(rules.get("groups").toString()).contains("alert=FleetNoFetchWorker", "alert=FleetNoPersistWorker");
	}

	/** A change of the rule file shows in what the generator makes: the test above can fail. */
	@Test
	void theGeneratorCarriesAnEditOfTheRules() {
		String rules = "# a comment\ngroups:\n  - name: fleet\n    rules:\n      - alert: A\n        expr: up == 0\n";

		String manifest = PrometheusRuleManifest.from(rules);

		assertThat(manifest).endsWith("spec:\n  groups:\n    - name: fleet\n      rules:\n        - alert: A\n          expr: up == 0\n")
			.doesNotContain("a comment");
		assertThat(PrometheusRuleManifest.from(rules.replace("up == 0", "up < 1"))).isNotEqualTo(manifest);
	}

	@Test
	void itRendersAPodMonitorPerServiceScrapingPortHttpUnderTheJobComposeAndTheLauncherUse(@TempDir Path overlay)
			throws Exception {
		ExternalTools.require("kubectl");
		Files.writeString(overlay.resolve("kustomization.yaml"), """
				apiVersion: kustomize.config.k8s.io/v1beta1
				kind: Kustomization
				namespace: tmdb-fleet
				components:
				  - %s
				""".formatted(overlay.relativize(COMPONENT)));
		assertThat(Files.readString(COMPONENT.resolve("kustomization.yaml"))).contains("kind: Component");

		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml()
			.loadAll(ExternalTools.run(overlay, Map.of(), List.of("kubectl", "kustomize", overlay.toString())))) {
			if (document instanceof Map<?, ?> object && object.containsKey("kind")) {
				objects.add(cast(object));
			}
		}

		List<String> monitored = new ArrayList<>();
		for (Map<String, Object> object : objects) {
			assertThat(map(object, "metadata")).containsEntry("namespace", "tmdb-fleet");
			if (!object.get("kind").equals("PodMonitor")) {
				continue;
			}
			String name = (String) map(object, "metadata").get("name");
			monitored.add(name);
			Map<String, Object> spec = map(object, "spec");
			assertThat(spec).as(name).containsEntry("jobLabel", "app.kubernetes.io/name");
			assertThat(map(map(spec, "selector"), "matchLabels")).as(name)
				.isEqualTo(Map.of("app.kubernetes.io/name", name, "app.kubernetes.io/part-of", "tmdb-fleet"));
			assertThat((List<?>) spec.get("podMetricsEndpoints")).as(name)
				.singleElement()
				.satisfies(endpoint -> assertThat(cast(endpoint)).containsEntry("port", "http")
					.containsEntry("path", "/actuator/prometheus"));
		}
		assertThat(monitored).containsExactlyInAnyOrderElementsOf(Components.SERVICES.values());
		assertThat(objects).extracting(object -> object.get("kind")).containsOnly("PodMonitor", "PrometheusRule")
			.contains("PrometheusRule");
	}

	private static Map<String, Object> map(Map<String, Object> object, String key) {
		return cast(object.get(key));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object object) {
		return (Map<String, Object>) object;
	}

}
