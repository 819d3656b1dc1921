package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Popularity shifts while an import pages through, so some movies show up on two pages: the
 * expected count is still exact and the import still completes.
 */
@EmbeddedKafka
class ShiftingPagesEndToEndTests {

	private static Fleet fleet;

	@BeforeAll
	static void startFleet(EmbeddedKafkaBroker broker) {
		// every 3 list requests the ranking moves down by one place
		fleet = new Fleet(broker.getBrokersAsString(), "--simulator.shift-every=3").warmedUp();
	}

	@AfterAll
	static void stopFleet() {
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	void moviesOnTwoPagesAreExpectedOnceAndTheImportCompletes() {
		UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":30}");

		JsonNode view = fleet.awaitEnd(id, Duration.ofMinutes(2));

		long listed = count("select count(*) from import_pages p, unnest(p.movie_ids) where p.import_id = ?", id);
		long distinct = count("select count(distinct m) from import_pages p, unnest(p.movie_ids) m where p.import_id = ?",
				id);
		assertThat(listed).isEqualTo(30 * 20);
		assertThat(distinct).as("some movies were seen on two pages").isLessThan(listed);
		assertThat(view.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(view.path("moviesExpected").asLong()).isEqualTo(distinct);
		assertThat(view.path("moviesPersisted").asLong()).isEqualTo(distinct);
		assertThat(count("select count(*) from import_items where import_id = ?", id)).isEqualTo(distinct);
		assertThat(count("""
				select count(distinct m) from import_pages p, unnest(p.movie_ids) m
				where p.import_id = ? and m in (select tmdb_id from movies)""", id)).isEqualTo(distinct);
	}

	private long count(String sql, UUID id) {
		return fleet.database().queryForObject(sql, Long.class, id);
	}

}
