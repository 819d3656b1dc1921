package org.tmdbfleet.gateway.progress;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.DetailsRequested;
import org.tmdbfleet.common.messages.ExportListed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's half of a catalog import: the export's ids no page listed go to their details
 * once every page has an outcome, and only then can the import complete; a movie absent from the
 * last two exports (and listed by neither import) is marked deleted, an adult title only when
 * both imports took the adult export.
 */
class CatalogSweepIntegrationTests extends GatewayIntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Test
	void theIdsNoPageListedGoToTheirDetailsAfterTheLastPageAndTheImportWaitsForThem() {
		UUID id = startCatalogImport("{\"source\":\"catalog\"}");
		progress(new ExportListed(id, TODAY, List.of(801L, 802L, 803L, 804L, 805L)));
		progress(new ImportPlanned(id, 2, 5));
		progress(new PageFetched(id, 1, List.of(801L, 802L)));
		persisted(id, 801, 802);
		await().until(() -> importView(id).path("moviesPersisted").asInt() == 2);
		assertThat(importView(id).at("/catalog/byDetails").isNull()).as("not before every page has an outcome").isTrue();

		progress(new PageFetched(id, 2, List.of(803L)));
		await().until(() -> !importView(id).at("/catalog/byDetails").isNull());
		JsonNode view = importView(id);
		assertThat(view.path("catalog").path("exportDate").asString()).isEqualTo(TODAY.toString());
		assertThat(view.path("catalog").path("exportIds").asInt()).isEqualTo(5);
		assertThat(view.path("catalog").path("fromLists").asInt()).isEqualTo(3);
		assertThat(view.path("catalog").path("byDetails").asInt()).isEqualTo(2);
		assertThat(view.path("moviesExpected").asInt()).isEqualTo(5);
		try (TopicReader commands = new TopicReader(broker.getBrokersAsString(), Topics.IMPORTS)) {
			List<DetailsRequested> sent = commands.await(DetailsRequested.class, command -> command.importId().equals(id),
					1, Duration.ofSeconds(20));
			assertThat(sent).singleElement().satisfies(command -> assertThat(command.movieIds()).containsExactly(804L, 805L));
		}
		persisted(id, 803, 804);
		progress(new MoviesPersisted(id, 2)); // as a persist worker says it wrote some
		await().until(() -> importView(id).path("moviesPersisted").asInt() == 4);
		assertThat(importView(id).path("status").asString()).isEqualTo("RUNNING");

		persisted(id, 805);
		progress(new MoviesPersisted(id, 1));
		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
	}

	@Test
	void aMovieAbsentFromTheLastTwoExportsIsMarkedDeletedAndOneAbsentOnceIsNot() {
		insertMovie(901, false);
		insertMovie(902, false);
		insertMovie(903, false);
		insertMovie(904, false);
		insertMovie(905, true);
		UUID earlier = startCatalogImport("{\"source\":\"catalog\"}");
		progress(new ExportListed(earlier, TODAY.minusDays(7), List.of(901L, 902L, 903L)));
		progress(new ImportPlanned(earlier, 0, 3));
		await().until(() -> !importView(earlier).at("/catalog/byDetails").isNull());
		assertThat(importView(earlier).at("/catalog/markedDeleted").asInt()).as("one export is not enough").isZero();
		assertThat(deleted()).isEmpty();

		UUID later = startCatalogImport("{\"source\":\"catalog\"}");
		progress(new ExportListed(later, TODAY, List.of(901L)));
		progress(new ImportPlanned(later, 1, 2));
		progress(new PageFetched(later, 1, List.of(902L)));

		await().until(() -> !importView(later).at("/catalog/byDetails").isNull());
		assertThat(deleted()).as("absent from both exports, listed by neither import; the adult title is not judged")
			.containsExactly(904L);
		assertThat(importView(later).at("/catalog/markedDeleted").asInt()).isEqualTo(1);
		assertThat(jdbc.queryForList("select tmdb_id from movie_changes where tmdb_id between 901 and 905 "
				+ "and changed_on = ?", Long.class, TODAY))
			.as("in the mirror's change list of today")
			.containsExactly(904L);
	}

	@Test
	void aCatalogImportTakesNoFiltersNorPagesAndOnlyItTakesIncludeAdult() {
		assertProblem(api().postJson("/api/imports", "{\"source\":\"catalog\",\"maxPages\":3}"), 400, "maxPages");
		assertProblem(api().postJson("/api/imports", "{\"source\":\"catalog\",\"filters\":{\"genres\":[28]}}"), 400,
				"filters");
		assertProblem(api().postJson("/api/imports", "{\"source\":\"popular\",\"includeAdult\":true}"), 400,
				"includeAdult");
		UUID id = startCatalogImport("{\"source\":\"catalog\",\"includeAdult\":true}");
		assertThat(jdbc.queryForObject("select params -> 'filters' ->> 'includeAdult' from import_jobs where id = ?",
				String.class, id)).isEqualTo("true");
	}

	@Test
	void aChangesImportWithoutDaysGoesOnFromTheLastSyncOrBecomesACatalogSyncBeyondTmdbsReach() {
		UUID longAgo = finishedSync(TODAY.minusDays(20), "1 hour");
		try {
			JsonNode behind = api().postJson("/api/imports", "{\"source\":\"changes\"}").json();
			assertThat(behind.path("source").asString()).isEqualTo("catalog");
			assertThat(behind.path("note").asString()).isEqualTo("a catalog sync instead of changes: the last sync "
					+ "(changes) ended on " + TODAY.minusDays(20) + ", and TMDB's changes reach 14 days back (to "
					+ TODAY.minusDays(14) + ")");

			UUID recent = finishedSync(TODAY.minusDays(3), "2 hours");
			try {
				JsonNode goesOn = api().postJson("/api/imports", "{\"source\":\"changes\"}").json();
				assertThat(goesOn.path("source").asString()).isEqualTo("changes");
				assertThat(goesOn.path("note").asString())
					.isEqualTo("changes from " + TODAY.minusDays(3) + ", where the last sync (changes) ended");
				assertThat(goesOn.path("windows").isEmpty()).isTrue();
				assertThat(jdbc.queryForObject("select params -> 'filters' ->> 'changedFrom' from import_jobs where id = ?",
						String.class, UUID.fromString(goesOn.path("id").asString())))
					.isEqualTo(TODAY.minusDays(3).toString());
			}
			finally {
				jdbc.update("delete from import_jobs where id = ?", recent);
			}
		}
		finally {
			jdbc.update("delete from import_jobs where id = ?", longAgo);
		}
	}

	/** A changes import that ended {@code after} from now (so it is the latest), its last day {@code to}. */
	private UUID finishedSync(LocalDate to, String after) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into import_jobs (id, source, params, status, created_at, finished_at)
				values (?, 'changes', cast(? as jsonb), 'COMPLETED', now(), now() + cast(? as interval))
				""", id, "{\"filters\":{\"changedTo\":\"" + to + "\"}}", after);
		return id;
	}

	private UUID startCatalogImport(String body) {
		Response response = api().postJson("/api/imports", body);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return UUID.fromString(response.json().path("id").asString());
	}

	private void insertMovie(long id, boolean adult) {
		jdbc.update("""
				insert into movies (tmdb_id, title, adult, payload, fetched_at, created_at)
				values (?, 'Movie ' || ?, ?, '{}', now(), now() - interval '30 days')
				on conflict do nothing
				""", id, id, adult);
	}

	private List<Long> deleted() {
		return jdbc.queryForList(
				"select tmdb_id from movies where tmdb_id between 901 and 905 and deleted_at is not null order by 1",
				Long.class);
	}

}
