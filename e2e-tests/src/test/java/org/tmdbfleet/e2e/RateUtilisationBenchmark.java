package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How much of the fleet's TMDB budget a large import really uses while TMDB (the simulator)
 * answers in 150 ± 50 ms and refuses anything above the budget, with one fetch worker and with
 * two: the steady rate is measured from the simulator's request count between 10 % and 90 % of
 * the requests, so start-up and the last pages do not count, and printed beside the budget and
 * the pace the fetch workers' limiters allowed. Settings of the fetch workers can be tried with
 * {@code -DargLine="-XX:+UseZGC -Dfleet.rate-limit.jitter-allowance=20ms"} (it replaces the module's
 * {@code argLine}, so keep the collector in it). Not part of {@code verify}; run it
 * with {@code ./mvnw -pl e2e-tests -am test -Dtest=RateUtilisationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (the numbers land in
 * {@code e2e-tests/target/surefire-reports/org.tmdbfleet.e2e.RateUtilisationBenchmark-output.txt}).
 */
@EmbeddedKafka
class RateUtilisationBenchmark {

	/** The fleet's budget (the fetch workers' default), and where the simulator starts to answer 429. */
	private static final int BUDGET = 35;

	/** Two lists of 500 pages at once: about 30 s at the budget, 24 s of them steady. */
	private static final List<String> IMPORTS = List.of("{\"source\":\"popular\",\"maxPages\":500}",
			"{\"source\":\"top_rated\",\"maxPages\":500}");

	private static final String WARM_UP = "{\"source\":\"discover\",\"maxPages\":500}";

	private static final String SLOW_TMDB = "{\"latencyMs\":150,\"latencyJitterMs\":50,\"rateLimit\":" + BUDGET + "}";

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator(Fleet.PROMPT_TMDB)
		.fetchWorkers("--fleet.rate-limit.requests-per-second=" + BUDGET);

	private final Fleet fleet;

	RateUtilisationBenchmark(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void budgetUsedByOneAndByTwoFetchWorkers() {
		List<Result> results = new ArrayList<>();
		// a first import compiles the hot paths, so that the first case measures the fleet, not the JIT;
		// TMDB refuses nothing yet: a 429 here would slow the first case down
		fleet.awaitEnd(fleet.startImport(WARM_UP), Duration.ofMinutes(2));
		fleet.tmdb().put("/admin/faults", SLOW_TMDB);
		results.add(measure(List.of(fleet.fetchWorkerUrl())));

		List<String> both = List.of(fleet.fetchWorkerUrl(), Fleet.url(fleet.addFetchWorker()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> both.stream().allMatch(url -> Fleet.rateShareOf(url) > 0)
					&& both.stream().mapToDouble(Fleet::rateShareOf).sum() > 0.99);
		System.out.printf("two fetch workers' shares of the page partitions: %s%n",
				both.stream().map(url -> String.format("%.2f", Fleet.rateShareOf(url))).toList());
		results.add(measure(both));

		System.out.printf("%nTMDB budget utilisation: %d imports x 500 pages, TMDB latency 150 +- 50 ms, "
				+ "TMDB refuses above %d requests/s%n", IMPORTS.size(), BUDGET);
		System.out.printf("  %-14s %9s %13s %11s %12s %15s %6s %9s %14s%n", "fetch workers", "requests",
				"steady rate", "budget", "utilisation", "busiest second", "429s", "duration", "limiter pace");
		results.forEach(Result::print);
		System.out.println();
	}

	private Result measure(List<String> fetchWorkers) {
		Http tmdb = fleet.tmdb();
		tmdb.delete("/admin/stats");
		List<Sample> samples = new CopyOnWriteArrayList<>();
		Thread sampler = Thread.ofVirtual().start(() -> sample(tmdb, samples));
		long started = System.nanoTime();
		List<UUID> ids = IMPORTS.stream().map(fleet::startImport).toList();
		for (UUID id : ids) {
			JsonNode end = fleet.awaitEnd(id, Duration.ofMinutes(5));
			assertThat(end.path("status").asString()).as("import %s", id).isEqualTo("COMPLETED");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		sampler.interrupt();
		join(sampler);
		JsonNode stats = tmdb.getJson("/admin/stats");
		long requests = stats.path("requests").asLong();
		double steadyNanos = crossing(samples, 0.9 * requests) - crossing(samples, 0.1 * requests);
		double pace = fetchWorkers.stream().mapToDouble(url -> Fleet.metric(url, "fleet_rate_limit")).sum();
		return new Result(fetchWorkers.size(), requests, 0.8 * requests / (steadyNanos / 1e9),
				stats.path("maxRequestsPerSecond").asLong(), stats.path("rateLimited").asLong(), seconds, pace);
	}

	/** The simulator's request count every 100 ms, until interrupted. */
	private static void sample(Http tmdb, List<Sample> samples) {
		while (!Thread.currentThread().isInterrupted()) {
			long requests = tmdb.getJson("/admin/stats").path("requests").asLong();
			samples.add(new Sample(System.nanoTime(), requests));
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** When the count passed {@code requests}, interpolated between the two samples around it. */
	private static double crossing(List<Sample> samples, double requests) {
		for (int i = 1; i < samples.size(); i++) {
			Sample before = samples.get(i - 1);
			Sample after = samples.get(i);
			if (after.requests() >= requests && after.requests() > before.requests()) {
				double fraction = (requests - before.requests()) / (after.requests() - before.requests());
				return before.nanos() + Math.max(0, fraction) * (after.nanos() - before.nanos());
			}
		}
		throw new IllegalStateException("The request count never reached " + requests);
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Sample(long nanos, long requests) {
	}

	/** One case; {@code pace} is what the limiters allowed at the end, after any 429 backoff. */
	private record Result(int fetchWorkers, long requests, double steadyRate, long busiestSecond, long rateLimited,
			double seconds, double pace) {

		void print() {
			System.out.printf("  %-14d %9d %11.1f/s %9d/s %10.1f %% %15d %6d %7.1f s %12.1f/s%n", fetchWorkers,
					requests, steadyRate, BUDGET, 100 * steadyRate / BUDGET, busiestSecond, rateLimited, seconds, pace);
		}

	}

}
