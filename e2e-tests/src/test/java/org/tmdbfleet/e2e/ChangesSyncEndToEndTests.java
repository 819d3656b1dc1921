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

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changes import a day keeps the database up with TMDB: over three simulated days (the
 * simulator's clock advanced a day at a time), each day's changes import fetches exactly the
 * movies TMDB's changes list names for that day, by their details, and no more: afterwards every
 * one of them holds TMDB's data of now, the deleted ones are marked deleted, the added ones are
 * in. The simulator's today is the real one, as the gateway checks the days against it.
 */
@EmbeddedKafka
class ChangesSyncEndToEndTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator("--simulator.catalog-size=4000", "--simulator.today=" + TODAY);

	private final Fleet fleet;

	ChangesSyncEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void aChangesImportADayKeepsTheChangedMoviesAsTmdbHasThemAndFetchesNothingElse() {
		JsonNode first = fleet.awaitEnd(fleet.startImport("{\"source\":\"discover\"}"), Duration.ofMinutes(3));
		assertThat(first.path("status").asString()).isEqualTo("COMPLETED");
		Catalog catalog = fleet.catalog();
		Set<Long> touched = new HashSet<>();

		for (int day = 0; day < 3; day++) {
			LocalDate passed = catalog.today();
			fleet.tmdb().put("/admin/clock", "{\"advanceDays\":1}");
			fleet.tmdb().delete("/admin/stats");
			JsonNode sync = fleet.awaitEnd(
					fleet.startImport("{\"source\":\"changes\",\"from\":\"" + passed + "\",\"to\":\"" + passed + "\"}"),
					Duration.ofMinutes(2));
			long requests = fleet.tmdb().getJson("/admin/stats").path("requests").asLong();

			List<Integer> changed = fleet.changedOn(passed);
			long pages = (catalog.touchedOn(passed).length + 99) / 100;
			assertThat(sync.path("status").asString()).as(sync.toString()).isEqualTo("COMPLETED");
			assertThat(sync.path("pagesTotal").asLong()).isEqualTo(pages);
			assertThat(sync.path("moviesExpected").asLong()).isEqualTo(changed.size());
			assertThat(sync.path("moviesPersisted").asLong() + sync.path("moviesNotFound").asLong())
				.isEqualTo(changed.size());
			assertThat(requests).as("TMDB requests of day %d: the changes pages and the changed movies", day + 1)
				.isEqualTo(pages + changed.size());
			changed.forEach(index -> touched.add((long) catalog.id(index)));
		}

		long deleted = fleet.assertStoredAsTmdbHasThem(touched);
		assertThat(deleted).as("deleted movies among the changed ones").isPositive();
		assertThat(fleet.database()
			.queryForObject("select count(*) from movies where deleted_at is not null", Long.class))
			.isPositive();
	}

	@Test
	void changesDaysTmdbNoLongerHoldsOrInTheWrongOrderAreRefusedNamingTheField() {
		Http gateway = fleet.gateway();
		assertProblem(gateway.post("/api/imports", "{\"source\":\"changes\",\"from\":\"" + TODAY.minusDays(20)
				+ "\",\"to\":\"" + TODAY + "\"}").getBody(), "from");
		assertProblem(gateway.post("/api/imports", "{\"source\":\"changes\",\"from\":\"" + TODAY + "\",\"to\":\""
				+ TODAY.minusDays(1) + "\"}").getBody(), "from");
		assertProblem(gateway.post("/api/imports", "{\"source\":\"popular\",\"from\":\"" + TODAY + "\"}").getBody(),
				"from");
		UUID id = fleet.startImport("{\"source\":\"changes\"}");
		assertThat(fleet.awaitEnd(id, Duration.ofMinutes(2)).path("status").asString()).isEqualTo("COMPLETED");
	}

	private static void assertProblem(String body, String field) {
		JsonNode problem = FleetJson.MAPPER.readTree(body);
		assertThat(problem.path("status").asInt()).as(body).isEqualTo(400);
		assertThat(problem.path("errors").valueStream().map(error -> error.path("field").asString())).as(body)
			.contains(field);
	}

}
