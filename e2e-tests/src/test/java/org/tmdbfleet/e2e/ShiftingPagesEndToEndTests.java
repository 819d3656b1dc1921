package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Popularity shifts while an import pages through, so some movies show up on two pages: the
 * expected count is still exact and the import still completes.
 */
@EmbeddedKafka
class ShiftingPagesEndToEndTests {

	/** Every 3 list requests the ranking moves down by one place. */
	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp().simulator("--simulator.shift-every=3");

	private final Fleet fleet;

	ShiftingPagesEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void moviesOnTwoPagesAreExpectedOnceAndTheImportCompletes() {
		UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":30}");

		JsonNode view = fleet.awaitEnd(id, Duration.ofMinutes(2));

		List<Long> listed;
		try (TopicReader progress = fleet.reader(Topics.PROGRESS)) {
			listed = progress.await(PageFetched.class, page -> page.importId().equals(id), 30, Duration.ofSeconds(30))
				.stream()
				.flatMap(page -> page.movieIds().stream())
				.toList();
		}
		long distinct = listed.stream().distinct().count();
		assertThat(listed).hasSize(30 * 20);
		assertThat(distinct).as("some movies were seen on two pages").isLessThan(listed.size());
		assertThat(view.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(view.path("moviesExpected").asLong()).isEqualTo(distinct);
		assertThat(view.path("moviesPersisted").asLong()).isEqualTo(distinct);
		assertThat(count("select count(*) from import_items where import_id = ?", id)).isEqualTo(distinct);
		assertThat(fleet.database()
			.queryForObject("select count(*) from movies where tmdb_id = any(?)", Long.class,
					(Object) listed.stream().distinct().toArray(Long[]::new)))
			.isEqualTo(distinct);
	}

	private long count(String sql, UUID id) {
		return fleet.database().queryForObject(sql, Long.class, id);
	}

}
