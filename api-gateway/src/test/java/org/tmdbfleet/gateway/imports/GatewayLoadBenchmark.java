package org.tmdbfleet.gateway.imports;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import org.tmdbfleet.gateway.imports.OpenLoopLoad.Measured;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The p99 of {@code POST /api/imports} under an open-loop load, beside the p99 of
 * {@code GET /actuator/health} sent to the same gateway in the same window: what recording and
 * publishing an import costs over answering at all. Embedded Kafka and PostgreSQL, real HTTP, load
 * generator on the same machine. It fails only on errors and non-2xx answers in the measured window,
 * never on timing. Not part of {@code verify}; run it with
 * {@code ./mvnw -q -pl api-gateway -am test -Dtest=GatewayLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rate=200 -Dbench.health-rate=20 -Dbench.seconds=20 -Dbench.warmup-seconds=5} are
 * the defaults). The table is printed and written to {@code api-gateway/target/gateway-load-benchmark.txt}.
 */
@TestPropertySource(properties = "fleet.api.tokens=" + GatewayLoadBenchmark.TOKEN)
class GatewayLoadBenchmark extends GatewayIntegrationTestSupport {

	static final String TOKEN = "gateway-load-benchmark-token";

	private static final int RATE = Integer.getInteger("bench.rate", 200);

	private static final int HEALTH_RATE = Integer.getInteger("bench.health-rate", 20);

	private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 5));

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String IMPORT = "{\"source\":\"popular\",\"maxPages\":5}";

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final Path REPORT = Path.of("target", "gateway-load-benchmark.txt");

	@Test
	void importP99BesideHealthP99() throws InterruptedException, IOException {
		OpenLoopLoad load = new OpenLoopLoad();
		List<Measured> warmUp = load.run(WARM_UP, streams()); // JIT, connection pools, Kafka metadata
		double loadBefore = OS.getSystemLoadAverage();
		long cpuBefore = OS.getProcessCpuTime();
		long started = System.nanoTime();
		List<Measured> measured = load.run(WINDOW, streams());
		double busyCores = (double) (OS.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - started);

		String report = report(measured) + warmUp(warmUp) + machine(busyCores, loadBefore);
		System.out.print(report);
		Files.writeString(REPORT, report);
		// the warm-up drains before the window starts, so its failures are reported, not asserted
		for (Measured stream : measured) {
			assertThat(stream.errors()).as(stream.stream().name() + ": " + stream.firstFailure()).isZero();
			assertThat(stream.non2xx()).as(stream.stream().name() + ": " + stream.firstFailure()).isZero();
		}
	}

	private List<OpenLoopLoad.Stream> streams() {
		URI gateway = URI.create("http://localhost:" + port);
		return List.of(new OpenLoopLoad.Stream("POST /api/imports", RATE,
				() -> HttpRequest.newBuilder(gateway.resolve("/api/imports"))
					.timeout(TIMEOUT)
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + TOKEN)
					.POST(BodyPublishers.ofString(IMPORT))
					.build()),
				new OpenLoopLoad.Stream("GET /actuator/health", HEALTH_RATE,
						() -> HttpRequest.newBuilder(gateway.resolve("/actuator/health")).timeout(TIMEOUT).build()));
	}

	private static String report(List<Measured> measured) {
		StringBuilder report = new StringBuilder();
		report.append("%nGateway load benchmark (embedded Kafka + embedded PostgreSQL, open loop, same run)%n"
			.formatted());
		report.append("  %d s after a %d s warm-up; latency from each request's scheduled send time, in ms%n"
			.formatted(WINDOW.toSeconds(), WARM_UP.toSeconds()));
		report.append("  %-22s %8s %7s %10s %8s %8s %8s %8s %8s %7s%n".formatted("endpoint", "target/s", "count",
				"achieved/s", "p50", "p90", "p99", "max", "non-2xx", "errors"));
		for (Measured stream : measured) {
			report.append("  %-22s %8d %7d %10.1f %8.2f %8.2f %8.2f %8.2f %8d %7d%n".formatted(stream.stream().name(),
					stream.stream().perSecond(), stream.latencies().length, stream.answeredPerSecond(),
					millis(stream.percentile(50)), millis(stream.percentile(90)), millis(stream.percentile(99)),
					millis(stream.max()), stream.non2xx(), stream.errors()));
		}
		Measured imports = measured.get(0);
		Measured health = measured.get(1);
		report.append("  p99 %s / p99 %s (baseline): %.1fx%n".formatted(imports.stream().name(),
				health.stream().name(), (double) imports.percentile(99) / health.percentile(99)));
		report.append("  generator's latest send behind schedule: %s %.2f ms, %s %.2f ms%n".formatted(
				imports.stream().name(), millis(imports.latestSend()), health.stream().name(),
				millis(health.latestSend())));
		return report.toString();
	}

	private static String warmUp(List<Measured> warmUp) {
		return "  warm-up (%d s, not in the table): %s%n".formatted(WARM_UP.toSeconds(),
				String.join(", ", warmUp.stream()
					.map(stream -> "%s %d requests, %d non-2xx, %d errors".formatted(stream.stream().name(),
							stream.latencies().length, stream.non2xx(), stream.errors()))
					.toList()));
	}

	/** The generator, the gateway, Kafka and PostgreSQL share these cores with whatever else runs. */
	private static String machine(double busyCores, double loadBefore) {
		return ("  machine: %d cores; this JVM (gateway, Kafka broker, generator) kept %.2f of them busy;"
				+ " load average %.1f before, %.1f after%n%n")
			.formatted(Runtime.getRuntime().availableProcessors(), busyCores, loadBefore, OS.getSystemLoadAverage());
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

}
