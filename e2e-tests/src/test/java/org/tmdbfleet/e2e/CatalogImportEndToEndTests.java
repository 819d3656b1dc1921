package org.tmdbfleet.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.simulator.catalog.Catalog;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code {"source": "catalog"}} imports every movie of TMDB's daily export: the discover windows
 * list the dated ones with their data, and the ids no window listed (the undated movies here) are
 * fetched by their details. The planner is given small windows (25 pages), so the whole discover
 * list of the 4,000 simulated movies is cut into windows as TMDB's 1.2M are. The simulator's
 * today is the real one: the fetch worker asks for the export of its own today.
 */
@EmbeddedKafka
class CatalogImportEndToEndTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator("--simulator.catalog-size=4000", "--simulator.today=" + TODAY)
		.fetchWorkers("--fleet.planning.window-pages=25")
		.tmdbAsUsualAfterEach();

	private final Fleet fleet;

	CatalogImportEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void aCatalogImportHoldsEveryMovieOfTheExportUndatedOnesIncludedAndSaysWhichPathEachTook() {
		fleet.tmdb().delete("/admin/stats");
		JsonNode done = fleet.awaitEnd(fleet.startImport("{\"source\":\"catalog\"}"), Duration.ofMinutes(3));
		long requests = fleet.tmdb().getJson("/admin/stats").path("requests").asLong();

		Catalog catalog = fleet.catalog();
		Set<Long> exported = fleet.exportedIds();
		long undated = IntStream.range(0, catalog.rows())
			.filter(index -> catalog.live(index) && !catalog.adult(index)
					&& catalog.movie(index).releaseDate() == null)
			.count();
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.path("windows").size()).as("release-date windows").isGreaterThan(1);
		JsonNode paths = done.path("catalog");
		assertThat(paths.path("exportDate").asString()).isEqualTo(TODAY.toString());
		assertThat(paths.path("exportIds").asLong()).isEqualTo(exported.size());
		assertThat(paths.path("byDetails").asLong()).as("ids no window listed: the undated movies").isEqualTo(undated);
		assertThat(paths.path("fromLists").asLong() + paths.path("byDetails").asLong()).isEqualTo(exported.size());
		assertThat(done.path("moviesPersisted").asLong()).isEqualTo(exported.size());
		assertThat(moviesInDatabase()).as("the movies' ids").isEqualTo(exported);
		assertThat(fleet.database()
			.queryForObject("select count(*) from movies where release_date is null", Long.class))
			.isEqualTo(undated);
		assertThat(requests).as("TMDB requests: the genres, the discover pages and probes, one per undated movie")
			.isLessThan(exported.size() / 20 + 200 + undated);
	}

	@Test
	void beforeTodaysExportIsPublishedYesterdaysIsReadAndBlankLinesAndUnknownFieldsPassUnnoticed() {
		fleet.tmdb().put("/admin/clock", "{\"time\":\"07:00\"}");
		fleet.tmdb().put("/admin/exports", "{\"blankLine\":true,\"unknownField\":true}");

		JsonNode done = fleet.awaitEnd(fleet.startImport("{\"source\":\"catalog\"}"), Duration.ofMinutes(3));

		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.path("catalog").path("exportDate").asString()).isEqualTo(TODAY.minusDays(1).toString());
		assertThat(done.path("catalog").path("exportIds").asLong()).isEqualTo(fleet.exportedIds().size());
		assertThat(moviesInDatabase()).as("the movies' ids").isEqualTo(fleet.exportedIds());
	}

	@Test
	void aTruncatedExportFailsTheImportWithItsReasonAndMarksNothingDeleted() {
		fleet.tmdb().put("/admin/exports", "{\"truncated\":true}");

		UUID id = fleet.startImport("{\"source\":\"catalog\"}");
		JsonNode failed = fleet.awaitEnd(id, Duration.ofMinutes(2));

		assertThat(failed.path("status").asString()).as(failed.toString()).isEqualTo("FAILED");
		assertThat(failed.path("error").asString()).contains("movie_ids_").contains("could not be read whole");
		assertThat(failed.path("catalog").path("exportIds").asLong()).as("no id of a partial export").isZero();
		assertThat(fleet.database()
			.queryForObject("select count(*) from movies where deleted_at is not null", Long.class)).isZero();
	}

	private Set<Long> moviesInDatabase() {
		return new HashSet<>(fleet.database().queryForList("select tmdb_id from movies", Long.class));
	}

}
