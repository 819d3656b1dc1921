package org.tmdbfleet.fleettests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tmdbfleet.launcher.ImportWatch;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet as separate processes — a real Kafka broker JVM, PostgreSQL, the simulator, the
 * gateway, two fetch and two persist workers — proving that more instances share the work and
 * that crashes, a database outage and a broker restart lose nothing, and that the command line
 * cancels an import and retries the failed pages of another. The fleet's TMDB budget is
 * cut to 4 requests per second so the failures land in the middle of the imports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessIT {

	private static final Duration PATIENCE = Duration.ofMinutes(6);

	private static RunningFleet running;

	private final Random random = new Random();

	@BeforeAll
	static void up() {
		running = new RunningFleet("multi-process",
				Map.of("FLEET_RATELIMIT_REQUESTSPERSECOND", "4", "FLEET_PLANNING_WINDOWPAGES", "3"));
		running.fleet().up(2, 2, 0, false);
	}

	@AfterAll
	static void down() {
		if (running != null) {
			running.close();
		}
	}

	@Test
	@Order(1)
	void twoFetchAndTwoPersistInstancesShareTheWorkAndTheResultIsExact() {
		UUID id = running.startImport("popular", 60);

		JsonNode end = running.follow(id, PATIENCE);

		running.assertExact(end, id, 60);
		for (String fetch : List.of("fetch-1", "fetch-2")) {
			assertThat(running.metric(fetch, "fleet_pages_fetched_total")).as(fetch + " fetched pages").isPositive();
		}
		for (String persist : List.of("persist-1", "persist-2")) {
			assertThat(running.metric(persist, "fleet_persist_batch_size_count")).as(persist + " persisted batches")
				.isPositive();
		}
	}

	@Test
	@Order(2)
	void killingWorkersTwiceEachDuringTenThousandMoviesLosesNothing() {
		UUID id = running.startImport("top_rated", 500);
		List<String> victims = List.of("fetch-1", "persist-1", "fetch-2", "persist-2");

		for (String victim : victims) {
			pause(Duration.ofSeconds(3 + random.nextInt(6)));
			running.report("before killing " + victim, id);
			running.fleet().kill(victim);
			pause(Duration.ofSeconds(1 + random.nextInt(3)));
			running.fleet().start(victim);
		}
		JsonNode end = running.follow(id, PATIENCE);

		System.out.println("chaos: 4 kill -9 (2 fetch, 2 persist) during the import; it ended " + end.path("status")
				+ " with " + end.path("moviesPersisted") + " of " + end.path("moviesExpected") + " movies");
		running.assertExact(end, id, 500);
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(10_000);
	}

	@Test
	@Order(3)
	void aTwentySecondDatabaseOutageMidImportLosesNothingAndNoWorkerRestarts() {
		Map<String, Long> pidsBefore = pids();
		// top_rated holds every movie; now_playing only some 40 days' releases, fewer pages on some dates
		UUID id = running.startImport("top_rated", 26);
		running.awaitPersistedAtLeast(id, 40);

		running.report("before stopping the database", id);
		running.fleet().stop("postgres");
		try {
			pause(Duration.ofSeconds(20));
		}
		finally {
			running.fleet().start("postgres");
		}
		JsonNode end = running.follow(id, PATIENCE);

		running.assertExact(end, id, 26);
		assertThat(pids()).as("no worker restarted").isEqualTo(pidsBefore);
	}

	@Test
	@Order(4)
	void aBrokerKilledAndRestartedMidImportLosesNothing() {
		UUID id = running.startImport("popular", 120);
		running.awaitPersistedAtLeast(id, 100);

		running.report("before killing the broker", id);
		running.fleet().kill("kafka");
		try {
			pause(Duration.ofSeconds(5));
		}
		finally {
			running.fleet().start("kafka");
		}
		JsonNode end = running.follow(id, PATIENCE);

		running.assertExact(end, id, 120);
	}

	@Test
	@Order(5)
	void theCommandLineCancelsAnImportAndRetriesTheFailedPagesOfAnother() {
		UUID big = running.startImport("upcoming", 200);
		running.awaitPersistedAtLeast(big, 20);
		assertThat(running.command("cancel", big.toString())).isZero();
		assertThat(running.view(big).path("status").asString()).isEqualTo("CANCELLED");

		running.tmdbFaults("{\"errorRates\":{\"503\":1.0},\"faultPages\":[2]}");
		UUID broken;
		try {
			broken = running.startImport("now_playing", 4);
			assertThat(running.command("follow", broken.toString())).as("follow: not COMPLETED").isEqualTo(1);
		}
		finally {
			running.tmdbFaults(null);
		}
		JsonNode failed = running.view(broken);
		assertThat(failed.path("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(failed.path("failedPages").get(0).path("page").asInt()).isEqualTo(2);

		assertThat(running.command("retry", broken.toString())).as("retry: COMPLETED").isZero();
		running.assertExact(running.view(broken), broken, 4);
	}

	@Test
	@Order(6)
	void importsPostedWhileKafkaIsDownAreAcceptedAtOnceAndPublishedOnceItReturns() {
		double fetchedBefore = pagesFetched();
		running.fleet().stop("kafka");
		UUID id;
		try {
			long started = System.nanoTime();
			id = running.startImport("popular", 10);
			Duration answered = Duration.ofNanos(System.nanoTime() - started);
			System.out.println("POST /api/imports with Kafka stopped answered 202 in " + answered.toMillis() + " ms");
			assertThat(answered).as("answered without waiting for Kafka").isLessThan(Duration.ofSeconds(3));
			assertThat(running.view(id).path("status").asString()).isEqualTo("QUEUED");
			pause(Duration.ofSeconds(20));
			assertThat(running.view(id).path("status").asString()).isIn("QUEUED", "STALLED");
		}
		finally {
			running.fleet().start("kafka");
		}
		JsonNode end = running.follow(id, PATIENCE);

		running.assertExact(end, id, 10);
		assertThat(pagesFetched() - fetchedBefore).as("planned once: each page fetched once").isEqualTo(10);
		assertThat(running.metric("gateway", "fleet_outbox_pending")).isZero();
	}

	@Test
	@Order(7)
	void aPlanLongerThanTheKafkaTransactionTimeoutCompletesExactly() {
		// TMDB at 300 ms; windows of 3 pages, so 130 pages of discover need some 45 window probes:
		// over 20 s of planning at this fleet's budget, twice the 10 s a transaction may last
		running.tmdbFaults("{\"latencyMs\":300}");
		JsonNode end;
		UUID id;
		try {
			id = running.startImport(ImportWatch.request("discover", 130, false, "2000-01-01", "2019-12-31"));
			end = running.follow(id, PATIENCE);
		}
		finally {
			running.tmdbFaults(null);
		}

		System.out.println("slow planning: " + end.path("windows").size() + " windows, planned in "
				+ Duration.between(Instant.parse(end.path("createdAt").asString()),
						Instant.parse(end.path("startedAt").asString())).toMillis() + " ms");
		assertThat(end.path("windows").size()).isGreaterThanOrEqualTo(40);
		running.assertExact(end, id, 130);
	}

	@Test
	@Order(8)
	void theSimulatedTmdbLivesOnTheFleetsDateAndTheCommandLineListsSchedules() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		DateTimeFormatter name = DateTimeFormatter.ofPattern("'/p/exports/movie_ids_'MM_dd_yyyy'.json.gz'");
		assertThat(running.status("simulator", name.format(today.minusDays(1)))).as("yesterday's export").isEqualTo(200);
		assertThat(running.status("simulator", name.format(today.plusDays(1)))).as("tomorrow's export").isEqualTo(404);

		running.post("/api/schedules",
				"{\"name\":\"nightly changes\",\"cron\":\"0 3 * * *\",\"import\":{\"source\":\"changes\"}}");
		String listed = running.commandOutput("schedules");

		System.out.print(listed);
		assertThat(listed).contains("NAME", "NEXT RUN").contains("nightly changes", "0 3 * * *", "never");
	}

	private double pagesFetched() {
		return running.metric("fetch-1", "fleet_pages_fetched_total") + running.metric("fetch-2", "fleet_pages_fetched_total");
	}

	private Map<String, Long> pids() {
		return running.fleet()
			.status()
			.stream()
			.filter(status -> List.of("gateway", "fetch-1", "fetch-2", "persist-1", "persist-2").contains(status.name()))
			.collect(java.util.stream.Collectors.toMap(s -> s.name(), s -> s.pid()));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
