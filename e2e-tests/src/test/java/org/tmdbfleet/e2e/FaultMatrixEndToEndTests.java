package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.testing.TopicReader;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way TMDB fails, injected by the simulator: a transient fault is ridden out (the import
 * ends with every movie); a permanent one ends the import with exactly the failed pages and why,
 * each on {@code tmdb.pages.DLT}, and once the fault is gone {@code retry} heals the import.
 */
@EmbeddedKafka
class FaultMatrixEndToEndTests {

	/**
	 * Transient faults hit this share of all requests; 10 attempts make a lost page 0.3^10, about
	 * 1 in 170,000 (8 attempts, as here before, are 1 in 15,000: with some 160 pages a run, one
	 * CI run in a hundred lost a page to chance).
	 */
	private static final double TRANSIENT_RATE = 0.3;

	private static final List<Integer> BROKEN_PAGES = List.of(3, 7);

	private static final List<String> outcomes = new ArrayList<>();

	/** Short waits, so that ten attempts and a response slower than the read timeout stay quick. */
	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.fetchWorkers("--tmdb.max-attempts=10", "--tmdb.retry-initial-interval=50ms", "--tmdb.retry-max-interval=1s",
				"--tmdb.read-timeout=1s")
		.tmdbAsUsualAfterEach();

	private final Fleet fleet;

	FaultMatrixEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@AfterAll
	static void printOutcomes() {
		System.out.println("fault matrix:");
		outcomes.forEach(outcome -> System.out.println("  " + outcome));
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void aTransientFaultIsRiddenOut(Fault fault) {
		fleet.tmdb().delete("/admin/stats");
		fleet.tmdb().put("/admin/faults", fault.transientJson());

		JsonNode end = fleet.awaitEnd(fleet.startImport("{\"source\":\"popular\",\"maxPages\":20}"),
				Duration.ofMinutes(3));

		JsonNode stats = fleet.tmdb().getJson("/admin/stats");
		long injected = fault == Fault.RATE_LIMITED ? stats.path("rateLimited").asLong()
				: stats.path("injected").path(fault.statsKey).asLong();
		outcomes.add("%-24s transient %s: %s, %d/%d movies, %d faults in %d requests".formatted(fault,
				fault.transientJson(), end.path("status").asString(), end.path("moviesPersisted").asLong(),
				end.path("moviesExpected").asLong(), injected, stats.path("requests").asLong()));
		assertThat(injected).as("faults injected").isPositive();
		assertThat(end.path("status").asString()).as(end.toString()).isEqualTo("COMPLETED");
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(400);
		assertThat(end.path("moviesExpected").asLong()).isEqualTo(400);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "RATE_LIMITED")
	void aPermanentFaultEndsWithTheExactFailedPagesAndRetryHealsIt(Fault fault) {
		fleet.tmdb().put("/admin/faults", fault.permanentJson());
		UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":10}");

		JsonNode broken = fleet.awaitEnd(id, Duration.ofMinutes(3));

		assertThat(broken.path("status").asString()).as(broken.toString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(broken.path("failedPages").valueStream().map(page -> page.path("page").asInt()).toList())
			.isEqualTo(BROKEN_PAGES);
		assertThat(broken.path("failedPages").valueStream().map(page -> page.path("reason").asString()))
			.allSatisfy(reason -> assertThat(reason).contains(fault.reason));
		assertThat(broken.path("moviesPersisted").asLong()).isEqualTo(160);
		try (TopicReader dead = fleet.reader(Topics.deadLetter(Topics.PAGES))) {
			List<FetchPage> pages = dead.await(FetchPage.class, page -> page.importId().equals(id), 2,
					Duration.ofSeconds(10));
			assertThat(pages).extracting(FetchPage::page).containsExactlyInAnyOrderElementsOf(BROKEN_PAGES);
			assertThat(pages).allSatisfy(page -> assertThat(dead.header(page, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
				.contains(fault.reason));
		}

		fleet.tmdb().delete("/admin/faults");
		ResponseEntity<String> retry = fleet.gateway().post("/api/imports/" + id + "/retry", "");
		assertThat(retry.getStatusCode().value()).isEqualTo(202);
		JsonNode healed = fleet.awaitEnd(id, Duration.ofMinutes(1));

		outcomes.add("%-24s permanent (pages %s): %s, reason \"%s\"; after retry %s, %d/%d movies".formatted(fault,
				BROKEN_PAGES, broken.path("status").asString(),
				broken.path("failedPages").get(0).path("reason").asString(), healed.path("status").asString(),
				healed.path("moviesPersisted").asLong(), healed.path("moviesExpected").asLong()));
		assertThat(healed.path("status").asString()).as(healed.toString()).isEqualTo("COMPLETED");
		assertThat(healed.path("failedPages")).isEmpty();
		assertThat(healed.path("pagesFetched").asInt()).isEqualTo(10);
		assertThat(healed.path("moviesPersisted").asLong()).isEqualTo(200);
		assertThat(fleet.database().queryForObject("select count(*) from import_items where import_id = ?",
				Long.class, id)).isEqualTo(200);
	}

	/** The faults the simulator injects, as {@code PUT /admin/faults} sets them. */
	enum Fault {

		HTTP_500("\"errorRates\":{\"500\":%s}", "500", "HTTP 500"),
		HTTP_502("\"errorRates\":{\"502\":%s}", "502", "HTTP 502"),
		HTTP_503("\"errorRates\":{\"503\":%s}", "503", "HTTP 503"),
		HTTP_504("\"errorRates\":{\"504\":%s}", "504", "HTTP 504"),
		SLOWER_THAN_READ_TIMEOUT("\"slowRate\":%s,\"slowMs\":2500", "slow", "unreachable"),
		MALFORMED_BODY("\"malformedRate\":%s", "malformed", "malformed body"),
		CONNECTION_RESET("\"resetRate\":%s", "reset", "unreachable"),
		/** TMDB allows a third of the fleet's budget, and says nothing of when to come back. */
		RATE_LIMITED("\"rateLimit\":%s,\"retryAfter\":false", "", "HTTP 429");

		private final String json;

		private final String statsKey;

		private final String reason;

		Fault(String json, String statsKey, String reason) {
			this.json = json;
			this.statsKey = statsKey;
			this.reason = reason;
		}

		String transientJson() {
			return "{" + json.formatted(this == RATE_LIMITED ? "12" : Double.toString(TRANSIENT_RATE)) + "}";
		}

		String permanentJson() {
			return "{" + json.formatted("1.0") + ",\"faultPages\":" + BROKEN_PAGES + "}";
		}

	}

}
