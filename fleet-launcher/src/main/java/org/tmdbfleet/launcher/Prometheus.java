package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prometheus from the PATH (Debian package {@code prometheus}), scraping every instance. */
final class Prometheus {

	private final FleetSettings settings;

	private final Path directory;

	Prometheus(FleetSettings settings) {
		this.settings = settings;
		this.directory = settings.home().resolve("prometheus");
	}

	/** The rule files docker-compose's Prometheus loads too. */
	Path rules() {
		return settings.repository().resolve("monitoring").resolve("prometheus").resolve("rules").resolve("*.yml");
	}

	static Optional<Path> binary() {
		return Executables.onPath("prometheus");
	}

	Instance instance() {
		Path binary = binary().orElseThrow(() -> new FleetException(
				"No prometheus binary on the PATH. Install it (Debian/Ubuntu: sudo apt-get install prometheus) and run again."));
		String url = "http://localhost:" + settings.prometheusPort();
		return new Instance("prometheus", settings.prometheusPort(), "FLEET_PROMETHEUS_PORT",
				List.of(binary.toString(), "--config.file=" + directory.resolve("prometheus.yml"),
						"--storage.tsdb.path=" + directory.resolve("data"),
						"--web.listen-address=localhost:" + settings.prometheusPort(), "--web.enable-lifecycle"),
				Map.of(), HealthChecks.http(url + "/-/ready"), url);
	}

	/**
	 * One scrape job per service, listing the instances this fleet started (a crashed one stays, as
	 * a target that is down); the fleet's alert and recording rules from the checkout. Reloaded on
	 * every change.
	 */
	void writeConfig(Map<String, List<Integer>> portsByJob) {
		StringBuilder config = new StringBuilder("""
				# written by ./fleet; rewritten when the fleet scales
				global:
				  scrape_interval: 5s
				  evaluation_interval: 5s
				rule_files:
				  - '%s'
				scrape_configs:
				""".formatted(rules()));
		portsByJob.forEach((job, ports) -> config.append("""
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: [%s]
				""".formatted(job, ports.stream().map(port -> "'localhost:" + port + "'").collect(Collectors.joining(", ")))));
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve("prometheus.yml"), config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
