package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Makes the Kubernetes monitoring component's {@code PrometheusRule} from the rule file that
 * docker-compose and {@code ./fleet} load and promtool tests: its {@code spec.groups} are the
 * file's {@code groups}, line for line, comments included. After editing the rules, run from the
 * repository's root (any JDK from 17, no build needed):
 * <pre>java fleet-launcher/src/test/java/org/tmdbfleet/launcher/PrometheusRuleManifest.java</pre>
 * {@code MonitoringComponentTests} fails while the committed manifest differs from what this makes.
 */
final class PrometheusRuleManifest {

	static final Path RULES = Path.of("monitoring/prometheus/rules/fleet.rules.yml");

	static final Path MANIFEST = Path.of("deploy/k8s/components/monitoring/prometheusrule.yaml");

	private static final String HEADER = """
			# GENERATED from monitoring/prometheus/rules/fleet.rules.yml: edit that file, then run
			#   java fleet-launcher/src/test/java/org/tmdbfleet/launcher/PrometheusRuleManifest.java
			# (MonitoringComponentTests fails while this file differs from what it makes).
			apiVersion: monitoring.coreos.com/v1
			kind: PrometheusRule
			metadata:
			  name: tmdb-fleet
			  labels:
			    app.kubernetes.io/part-of: tmdb-fleet
			spec:
			""";

	private PrometheusRuleManifest() {
	}

	/** The manifest for a rule file's text: everything from its {@code groups:} line, under {@code spec}. */
	static String from(String rules) {
		int groups = rules.startsWith("groups:") ? 0 : rules.indexOf("\ngroups:") + 1;
		if (groups == 0 && !rules.startsWith("groups:")) {
			throw new IllegalArgumentException("no top-level groups: line in the rule file");
		}
		String indented = rules.substring(groups)
			.lines()
			.map(line -> line.isBlank() ? "" : "  " + line)
			.collect(Collectors.joining("\n", "", "\n"));
		return HEADER + indented;
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : ".");
		Path manifest = root.resolve(MANIFEST);
		Files.writeString(manifest, from(Files.readString(root.resolve(RULES))));
		System.out.println("wrote " + manifest.normalize());
	}

}
