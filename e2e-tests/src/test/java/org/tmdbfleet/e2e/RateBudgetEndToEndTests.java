package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet's TMDB budget (35 requests/s by default) holds for the fleet, not per instance: with
 * TMDB (the simulator) refusing anything above 35 requests in any second, a 200-page import sees
 * no 429, with one fetch worker and with two. The simulator, the Kafka broker and every service
 * share this JVM and two cores here, so a request may reach the simulator's counter tens of
 * milliseconds after its neighbours, which TMDB across a network would not see: the workers allow
 * for 50 ms of that ({@code fleet.rate-limit.jitter-allowance}, 10 ms by default). With the
 * default, one run in two counted 36 requests in one of its seconds.
 */
@EmbeddedKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateBudgetEndToEndTests {

	private static final int BUDGET = 35;

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator("--simulator.rate-limit=" + BUDGET, Fleet.PROMPT_TMDB)
		.fetchWorkers("--fleet.rate-limit.jitter-allowance=50ms");

	private final Fleet fleet;

	RateBudgetEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	@Order(1)
	void oneFetchWorkerStaysWithinTheBudget() {
		assertImportStaysWithinBudget("one instance");
	}

	@Test
	@Order(2)
	void twoFetchWorkersShareTheBudgetInsteadOfDoublingIt() {
		ConfigurableApplicationContext second = fleet.addFetchWorker();
		String secondUrl = Fleet.url(second);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> Fleet.rateShareOf(secondUrl) > 0 && Fleet.rateShareOf(fleet.fetchWorkerUrl()) > 0
					&& Fleet.rateShareOf(secondUrl) + Fleet.rateShareOf(fleet.fetchWorkerUrl()) > 0.99);

		assertImportStaysWithinBudget("two instances");
		assertThat(Fleet.rateShareOf(secondUrl) + Fleet.rateShareOf(fleet.fetchWorkerUrl())).isLessThanOrEqualTo(1.0);
	}

	private void assertImportStaysWithinBudget(String label) {
		fleet.tmdb().delete("/admin/stats");
		long started = System.nanoTime();
		UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":200}");

		JsonNode end = fleet.awaitEnd(id, Duration.ofMinutes(3));

		double seconds = (System.nanoTime() - started) / 1e9;
		JsonNode stats = fleet.tmdb().getJson("/admin/stats");
		System.out.printf("rate budget, %s: %d TMDB requests, busiest second %d (budget %d), %d x 429, %.1f s%n",
				label, stats.path("requests").asLong(), stats.path("maxRequestsPerSecond").asLong(), BUDGET,
				stats.path("rateLimited").asLong(), seconds);
		assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(4000);
		assertThat(stats.path("rateLimited").asLong()).as("429s").isZero();
		assertThat(stats.path("maxRequestsPerSecond").asLong()).isLessThanOrEqualTo(BUDGET);
	}

}
