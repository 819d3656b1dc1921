package org.tmdbfleet.gateway.schedules;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayApplication;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Schedules: the API and its validation, a due time firing once across two gateways, one
 * catch-up run after downtime, a run skipped while the previous one still goes, and schedules
 * that cannot fire skipped without holding back one due with them. The cron
 * fires every two seconds and the gateways look every 200 ms, so seconds stand for days.
 */
@TestPropertySource(properties = "fleet.schedules.tick-interval=200ms")
class ScheduleIntegrationTests extends GatewayIntegrationTestSupport {

	private static final String EVERY_TWO_SECONDS = "*/2 * * * * *";

	@Autowired
	private Environment environment;

	@Autowired
	private ScheduleTicker ticker;

	@Test
	void aScheduleIsCreatedListedPausedResumedAndDeleted() {
		Response created = api().postJson("/api/schedules",
				"{\"name\":\"nightly changes\",\"cron\":\"0 3 * * *\",\"zone\":\"Europe/Berlin\","
						+ "\"import\":{\"source\":\"changes\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).isEqualTo("/api/schedules/" + id);
		JsonNode schedule = created.json();
		assertThat(schedule.path("import").path("source").asString()).isEqualTo("changes");
		Instant next = Instant.parse(schedule.path("nextRunAt").asString());
		assertThat(next.atZone(java.time.ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(3);
		assertThat(schedule.path("lastRun").isNull()).isTrue();

		assertThat(api().get("/api/schedules").json().valueStream().map(s -> s.path("name").asString()))
			.contains("nightly changes");
		assertThat(api().postJson("/api/schedules/" + id + "/pause", "").json().path("paused").asBoolean()).isTrue();
		assertThat(api().postJson("/api/schedules/" + id + "/resume", "").json().path("paused").asBoolean())
			.isFalse();
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"nightly changes\",\"cron\":\"0 4 * * *\","
				+ "\"import\":{\"source\":\"changes\"}}"), 409, "name");
		assertThat(api().send("DELETE", "/api/schedules/" + id, java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
		assertProblem(api().get("/api/schedules/" + id), 404);
	}

	@Test
	void aBadCronZoneOrImportIsRefusedNamingTheField() {
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"a\",\"cron\":\"every night\","
				+ "\"import\":{\"source\":\"changes\"}}"), 400, "cron");
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"b\",\"cron\":\"0 3 * * *\",\"zone\":\"Mars/Base\","
				+ "\"import\":{\"source\":\"changes\"}}"), 400, "zone");
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"c\",\"cron\":\"0 3 * * *\","
				+ "\"import\":{\"source\":\"popular\",\"maxPages\":0}}"), 400, "import.maxPages");
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"d\",\"cron\":\"0 3 * * *\","
				+ "\"import\":{\"source\":\"catalog\",\"maxPages\":3}}"), 400, "import.maxPages");
		assertProblem(api().postJson("/api/schedules", "{\"name\":\"e\",\"cron\":\"0 3 * * *\"}"), 400, "import");
	}

	@Test
	void twoGatewaysFireEachDueTimeOnceAndARunIsSkippedWhileThePreviousImportGoes() {
		try (ConfigurableApplicationContext second = secondGateway()) {
			UUID id = create("twice", EVERY_TWO_SECONDS);
			await().atMost(Duration.ofSeconds(20)).until(() -> runs(id).size() >= 4);
			second.close();
			List<Map<String, Object>> runs = runs(id);

			List<Instant> due = runs.stream().map(run -> ((java.sql.Timestamp) run.get("due_at")).toInstant()).toList();
			for (int i = 1; i < due.size(); i++) {
				assertThat(Duration.between(due.get(i - 1), due.get(i))).as("consecutive due times, none twice")
					.isEqualTo(Duration.ofSeconds(2));
			}
			long started = runs.stream().filter(run -> "STARTED".equals(run.get("outcome"))).count();
			assertThat(started).as("the first run; the import stays QUEUED (no workers), so later runs skip")
				.isEqualTo(1);
			assertThat(runs.get(1).get("reason").toString()).contains("is still QUEUED");
			assertThat(jdbc.queryForObject("select count(*) from import_jobs where id in (select import_id from "
					+ "schedule_runs where schedule_id = ?)", Long.class, id)).isEqualTo(1);
		}
	}

	@Test
	void afterDowntimeOverThreeDueTimesAScheduleRunsOnce() {
		UUID id = create("catch up", EVERY_TWO_SECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> !runs(id).isEmpty());
		ticker.stop(); // the only gateway is down
		try {
			jdbc.update("update import_jobs set status = 'COMPLETED' where id in "
					+ "(select import_id from schedule_runs where schedule_id = ?)", id);
			int before = runs(id).size();
			// down over more than three due times: nothing fires meanwhile
			await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9)).until(() -> runs(id).size() == before);
		}
		finally {
			ticker.start();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> runs(id).stream().anyMatch(run -> (int) run.get("missed") > 0));

		List<Map<String, Object>> catchUp = runs(id).stream().filter(run -> (int) run.get("missed") > 0).toList();
		assertThat(catchUp).singleElement().satisfies(run -> {
			assertThat((int) run.get("missed")).as("due times passed while down, besides the one run").isGreaterThanOrEqualTo(2);
			assertThat(run.get("outcome")).isEqualTo("STARTED");
		});
		JsonNode view = api().get("/api/schedules/" + id).json();
		assertThat(view.path("lastRun").path("missed").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(view.path("lastRun").path("importStatus").asString()).isEqualTo("QUEUED");
		assertThat(Instant.parse(view.path("nextRunAt").asString())).isAfter(Instant.now().minusSeconds(1));
		api().send("DELETE", "/api/schedules/" + id, java.net.http.HttpRequest.BodyPublishers.noBody());
	}

	@Test
	void schedulesThatCannotFireAreSkippedWithTheReasonWhileAGoodOneDueWithThemFires() {
		UUID unreadable = create("unreadable body", "0 3 1 1 *");
		UUID invalid = create("invalid body", "0 3 1 1 *");
		UUID duplicate = create("run recorded already", "0 3 1 1 *");
		UUID good = create("good", "0 3 1 1 *");
		// bodies stored by an earlier version, which this one no longer takes
		jdbc.update("update schedules set import = '{\"source\":\"everything\"}' where id = ?", unreadable);
		jdbc.update("update schedules set import = '{\"source\":\"popular\",\"maxPages\":0}' where id = ?", invalid);
		Instant due = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
		jdbc.update("insert into schedule_runs (schedule_id, due_at, outcome, reason) values (?, ?, 'SKIPPED', 'before')",
				duplicate, Timestamp.from(due));

		// all due at once, the broken ones first
		jdbc.update("""
				update schedules set next_run_at = case when id = ? then cast(? as timestamptz) - interval '3 seconds'
				                                        when id = ? then cast(? as timestamptz) - interval '2 seconds'
				                                        when id = ? then cast(? as timestamptz)
				                                        else cast(? as timestamptz) + interval '1 second' end
				where id in (?, ?, ?, ?)
				""", unreadable, Timestamp.from(due), invalid, Timestamp.from(due), duplicate, Timestamp.from(due),
				Timestamp.from(due), unreadable, invalid, duplicate, good);

		await().atMost(Duration.ofSeconds(10)).until(() -> !runs(good).isEmpty());
		assertThat(runs(good)).singleElement().satisfies(run -> assertThat(run.get("outcome")).isEqualTo("STARTED"));
		await().atMost(Duration.ofSeconds(5)).until(() -> !runs(unreadable).isEmpty() && !runs(invalid).isEmpty());
		assertThat(runs(unreadable)).singleElement().satisfies(run -> {
			assertThat(run.get("outcome")).isEqualTo("SKIPPED");
			assertThat(run.get("reason").toString()).contains("no longer reads").contains("everything");
		});
		assertThat(runs(invalid)).singleElement().satisfies(run -> {
			assertThat(run.get("outcome")).isEqualTo("SKIPPED");
			assertThat(run.get("reason").toString()).contains("import.maxPages");
		});
		await().atMost(Duration.ofSeconds(5))
			.until(() -> api().get("/api/schedules/" + duplicate).json().path("nextRunAt").asString(),
					next -> Instant.parse(next).isAfter(Instant.now()));
		assertThat(runs(duplicate)).as("the run recorded before stands; no import was started twice")
			.singleElement()
			.satisfies(run -> assertThat(run.get("reason")).isEqualTo("before"));
	}

	@Test
	void nowIsTheDatabasesClockMovedOnAsFarAsTheConfiguredClockIs() {
		ScheduleClock production = new ScheduleClock(JdbcClient.create(jdbc), Clock.systemUTC());
		ScheduleClock threeDaysOn = new ScheduleClock(JdbcClient.create(jdbc),
				Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));

		Instant database = jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();

		assertThat(production.now()).isCloseTo(database, within(1, ChronoUnit.SECONDS));
		assertThat(threeDaysOn.now()).as("as the end-to-end tests' simulated days move on")
			.isCloseTo(database.plus(Duration.ofDays(3)), within(1, ChronoUnit.SECONDS));
	}

	private UUID create(String name, String cron) {
		Response created = api().postJson("/api/schedules", "{\"name\":\"" + name + "\",\"cron\":\"" + cron
				+ "\",\"import\":{\"source\":\"popular\",\"maxPages\":1}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().path("id").asString());
	}

	private List<Map<String, Object>> runs(UUID id) {
		return new ArrayList<>(jdbc.queryForList(
				"select due_at, outcome, reason, missed from schedule_runs where schedule_id = ? order by due_at", id));
	}

	/** Another gateway on the same database and Kafka, as a second instance would run. */
	private ConfigurableApplicationContext secondGateway() {
		return GatewayApplication.application()
			.run("--server.port=0", "--spring.config.name=" + GatewayApplication.CONFIG_NAME,
					"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--fleet.schedules.tick-interval=200ms");
	}

}
