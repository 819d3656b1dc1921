package org.tmdbfleet.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.simulator.catalog.Catalog;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recommended setup, over three simulated days: a catalog import, then a nightly changes
 * schedule with no days of its own. Each time the simulated TMDB's clock moves a day on, the
 * fleet's clock does too, the schedule falls due and its changes import goes on from where the
 * last sync ended. Afterwards the database holds exactly TMDB's catalog (the same ids, the deleted
 * ones marked, the changed fields as TMDB has them), and each day cost TMDB no more requests than
 * the changes pages and the changed movies.
 */
@EmbeddedKafka
class ScheduledSyncEndToEndTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator("--simulator.catalog-size=4000", "--simulator.today=" + TODAY)
		.gateway("--fleet.schedules.tick-interval=300ms");

	private final Fleet fleet;

	ScheduledSyncEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void aNightlyChangesScheduleKeepsTheDatabaseEqualToTmdbsCatalogDayAfterDay() {
		fleet.tmdb().delete("/admin/stats");
		JsonNode catalogSync = fleet.awaitEnd(fleet.startImport("{\"source\":\"catalog\"}"), Duration.ofMinutes(3));
		long catalogRequests = fleet.tmdb().getJson("/admin/stats").path("requests").asLong();
		assertThat(catalogSync.path("status").asString()).as(catalogSync.toString()).isEqualTo("COMPLETED");
		Http gateway = fleet.gateway();
		ResponseEntity<String> created = gateway.post("/api/schedules",
				"{\"name\":\"nightly changes\",\"cron\":\"0 1 * * *\",\"import\":{\"source\":\"changes\"}}");
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		JsonNode schedule = FleetJson.MAPPER.readTree(created.getBody());
		String scheduleId = schedule.path("id").asString();
		Catalog catalog = fleet.catalog();
		Set<Long> changedIds = new HashSet<>();

		for (int day = 1; day <= 3; day++) {
			LocalDate passing = catalog.today();
			fleet.tmdb().delete("/admin/stats");
			fleet.tmdb().put("/admin/clock", "{\"advanceDays\":1}");
			int runs = day;
			await().atMost(Duration.ofSeconds(20))
				.until(() -> gateway.getJson("/api/schedules/" + scheduleId).path("recentRuns").size() == runs);
			JsonNode run = gateway.getJson("/api/schedules/" + scheduleId).path("lastRun");
			assertThat(run.path("outcome").asString()).as(run.toString()).isEqualTo("STARTED");
			JsonNode sync = fleet.awaitEnd(UUID.fromString(run.path("importId").asString()), Duration.ofMinutes(2));
			long requests = fleet.tmdb().getJson("/admin/stats").path("requests").asLong();

			List<Integer> changed = fleet.changedOn(passing);
			assertThat(sync.path("status").asString()).as(sync.toString()).isEqualTo("COMPLETED");
			assertThat(sync.path("source").asString()).isEqualTo("changes");
			assertThat(sync.path("note").asString()).as("day %d", day)
				.isEqualTo("changes from " + passing + ", where the last sync (" + (day == 1 ? "catalog" : "changes")
						+ ") ended");
			assertThat(sync.path("moviesExpected").asLong()).as("the movies TMDB changed on %s", passing)
				.isEqualTo(changed.size());
			assertThat(requests).as("TMDB requests of day %d: the changes pages and the changed movies", day)
				.isLessThanOrEqualTo(sync.path("pagesTotal").asLong() + changed.size());
			changed.forEach(index -> changedIds.add((long) catalog.id(index)));
			// what a re-import to the same freshness would cost: the catalog import, every day
			System.out.printf("day %d: nightly changes sync %d TMDB requests (%d pages, %d changed movies) "
					+ "beside a full catalog re-import %d (%.1f%%)%n", day, requests, sync.path("pagesTotal").asLong(),
					changed.size(), catalogRequests, 100.0 * requests / catalogRequests);
		}

		assertThat(new HashSet<>(fleet.database()
			.queryForList("select tmdb_id from movies where deleted_at is null", Long.class)))
			.as("the movies in the database, not marked deleted: TMDB's catalog now")
			.isEqualTo(fleet.exportedIds());
		long deletedSeen = fleet.assertStoredAsTmdbHasThem(changedIds);
		assertThat(deletedSeen).as("movies TMDB deleted over the three days").isPositive();
	}

}
