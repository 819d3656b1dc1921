package org.tmdbfleet.gateway.imports;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A changes sync never skips what it did not apply: the next sync without days goes on from the
 * last sync that completed whole, not from one that had errors or that {@code maxPages} cut short.
 * Each sync here ended later than every other import in the shared database, in the order made.
 */
class ChangesSyncResumeIntegrationTests extends GatewayIntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private final List<UUID> made = new ArrayList<>();

	private int hoursAhead = 10;

	@AfterEach
	void deleteTheSyncs() {
		made.forEach(id -> jdbc.update("delete from import_jobs where id = ?", id));
	}

	@Test
	void aSyncThatCompletedWithErrorsIsGoneOverAgainByTheNext() {
		wholeSync(TODAY.minusDays(5));
		sync("COMPLETED_WITH_ERRORS", TODAY.minusDays(5), TODAY.minusDays(1), null, 3,
				List.of(window(TODAY.minusDays(5), TODAY.minusDays(1), 1, 3, false)));

		assertTheNextSyncGoesOnFrom(TODAY.minusDays(5));
	}

	@Test
	void aSyncWhoseLastRequestHadMorePagesThanMaxPagesLeftIsGoneOverAgainByTheNext() {
		wholeSync(TODAY.minusDays(6));
		sync("COMPLETED", TODAY.minusDays(6), TODAY.minusDays(1), 2, 2,
				List.of(window(TODAY.minusDays(6), TODAY.minusDays(1), 1, 2, true)));

		assertTheNextSyncGoesOnFrom(TODAY.minusDays(6));
	}

	@Test
	void aSyncWhosePagesRanOutBeforeItsLastDaysIsGoneOverAgainByTheNext() {
		wholeSync(TODAY.minusDays(14));
		// 15 days are two TMDB requests; the first one's pages were all of maxPages, so today went unasked
		sync("COMPLETED", TODAY.minusDays(14), TODAY, 4, 4,
				List.of(window(TODAY.minusDays(14), TODAY.minusDays(1), 1, 4, false)));

		assertTheNextSyncGoesOnFrom(TODAY.minusDays(14));
	}

	@Test
	void aSyncThatTookEveryPageWithinMaxPagesIsWholeAndTheNextGoesOnFromItsLastDay() {
		wholeSync(TODAY.minusDays(6));
		sync("COMPLETED", TODAY.minusDays(6), TODAY.minusDays(2), 5, 3,
				List.of(window(TODAY.minusDays(6), TODAY.minusDays(2), 1, 3, false)));

		assertTheNextSyncGoesOnFrom(TODAY.minusDays(2));
	}

	private void assertTheNextSyncGoesOnFrom(LocalDate from) {
		Response response = api().postJson("/api/imports", "{\"source\":\"changes\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		JsonNode next = response.json();
		made.add(UUID.fromString(next.path("id").asString()));
		assertThat(next.path("note").asString()).isEqualTo("changes from " + from + ", where the last sync (changes) ended");
		assertThat(jdbc.queryForObject("select params -> 'filters' ->> 'changedFrom' from import_jobs where id = ?",
				String.class, made.getLast())).isEqualTo(from.toString());
	}

	private void wholeSync(LocalDate to) {
		sync("COMPLETED", to.minusDays(1), to, null, 1, List.of(window(to.minusDays(1), to, 1, 1, false)));
	}

	/** A changes sync as the gateway records it once it ended, later than every import before it. */
	private void sync(String status, LocalDate from, LocalDate to, Integer maxPages, int pages,
			List<ImportWindow> windows) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into import_jobs (id, source, params, status, requested_pages, total_pages, windows,
				                         created_at, finished_at)
				values (?, 'changes', cast(? as jsonb), ?, ?, ?, cast(? as jsonb), now(), now() + make_interval(hours => ?))
				""", id, "{\"filters\":{\"changedFrom\":\"" + from + "\",\"changedTo\":\"" + to + "\"}}", status,
				maxPages, pages, FleetJson.MAPPER.writeValueAsString(windows), hoursAhead++);
		made.add(id);
	}

	private static ImportWindow window(LocalDate from, LocalDate to, int firstPage, int pages, boolean truncated) {
		return new ImportWindow(from, to, firstPage, pages, pages * 100L, truncated);
	}

}
