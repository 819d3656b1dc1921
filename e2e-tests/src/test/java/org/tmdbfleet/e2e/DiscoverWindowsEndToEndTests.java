package org.tmdbfleet.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.simulator.catalog.Catalog;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full catalog past TMDB's 500-page cap: a discover import whose release dates hold more
 * movies than 500 pages serve is split into release-date windows and gets every one of them.
 */
@EmbeddedKafka
class DiscoverWindowsEndToEndTests {

	private static final LocalDate FROM = LocalDate.of(1990, 1, 1);

	private static final LocalDate TO = LocalDate.of(2025, 12, 31);

	/** About 20,000 movies released 1990–2025: twice what TMDB serves of one list. */
	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator("--simulator.catalog-size=30000")
		.fetchWorkers("--fleet.rate-limit.requests-per-second=200");

	private final Fleet fleet;

	DiscoverWindowsEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void aDiscoverImportOf1990To2025BeyondTenThousandMoviesGetsEveryOne() {
		Set<Long> released = releasedBetween(FROM, TO);
		long started = System.nanoTime();

		UUID id = fleet.startImport("""
				{"source":"discover","filters":{"releaseDateFrom":"1990-01-01","releaseDateTo":"2025-12-31"}}""");
		JsonNode done = fleet.awaitEnd(id, Duration.ofMinutes(5));

		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		List<JsonNode> windows = new ArrayList<>();
		done.path("windows").forEach(windows::add);
		System.out.printf("1990–2025 discover import: %d movies in %d windows, %d pages, %d ms (%.0f movies/s)%n",
				done.path("moviesPersisted").asLong(), windows.size(), done.path("pagesTotal").asInt(), millis,
				done.path("moviesPersisted").asLong() * 1000.0 / millis);
		windows.forEach(window -> System.out.println("  window " + window));
		System.out.println("  timeline (ms after the import was recorded): " + fleet.database().queryForMap("""
				select extract(epoch from (j.started_at - j.created_at)) * 1000 as planned,
				       extract(epoch from (select max(updated_at) from import_pages where import_id = j.id) - j.created_at) * 1000 as last_page,
				       extract(epoch from (select max(persisted_at) from import_items where import_id = j.id) - j.created_at) * 1000 as last_movie,
				       extract(epoch from (j.finished_at - j.created_at)) * 1000 as completed
				from import_jobs j where j.id = ?""", id));
		assertThat(released).as("movies released 1990–2025").hasSizeGreaterThan(10_000);
		assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(done.path("moviesExpected").asLong()).isEqualTo(released.size());
		assertThat(done.path("moviesPersisted").asLong()).isEqualTo(released.size());

		assertThat(windows).hasSizeGreaterThan(1).allSatisfy(window -> {
			assertThat(window.path("pages").asInt()).isBetween(1, 500);
			assertThat(window.path("truncated").asBoolean()).isFalse();
		});
		assertThat(windows.get(0).path("from").asString()).isEqualTo(FROM.toString());
		assertThat(windows.getLast().path("to").asString()).isEqualTo(TO.toString());
		for (int i = 1; i < windows.size(); i++) {
			assertThat(LocalDate.parse(windows.get(i).path("from").asString())).as("no gap, no overlap")
				.isEqualTo(LocalDate.parse(windows.get(i - 1).path("to").asString()).plusDays(1));
		}
		assertThat(windows.stream().mapToLong(window -> window.path("results").asLong()).sum())
			.isEqualTo(released.size());
		assertThat(windows.stream().mapToInt(window -> window.path("pages").asInt()).sum())
			.isEqualTo(done.path("pagesTotal").asInt());

		List<Long> stored = fleet.database()
			.queryForList("select i.tmdb_id from import_items i join movies m using (tmdb_id) where i.import_id = ?",
					Long.class, id);
		assertThat(stored).containsExactlyInAnyOrderElementsOf(released);
	}

	/** The simulated TMDB's movies released {@code from..to} that discover lists (not adult), from its catalog itself. */
	private Set<Long> releasedBetween(LocalDate from, LocalDate to) {
		Catalog catalog = fleet.catalog();
		Set<Long> ids = new HashSet<>();
		for (int index = 0; index < catalog.size(); index++) {
			LocalDate released = catalog.movie(index).releaseDate();
			if (released != null && !released.isBefore(from) && !released.isAfter(to) && !catalog.adult(index)) {
				ids.add((long) catalog.id(index));
			}
		}
		return ids;
	}

}
