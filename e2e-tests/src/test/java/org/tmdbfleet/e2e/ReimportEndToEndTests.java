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
import static org.awaitility.Awaitility.await;

/**
 * A nightly re-import of a catalog that did not change rewrites no movie row: no dead tuples, no
 * index churn, however often it runs. Counted by PostgreSQL itself ({@code pg_stat_user_tables}).
 */
@EmbeddedKafka
class ReimportEndToEndTests {

	private static Fleet fleet;

	@BeforeAll
	static void startFleet(EmbeddedKafkaBroker broker) {
		fleet = new Fleet(broker.getBrokersAsString()).warmedUp();
	}

	@AfterAll
	static void stopFleet() {
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	void reimportingAnUnchangedListRewritesNoMovie() {
		JsonNode first = fleet.awaitEnd(fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":10}"),
				Duration.ofMinutes(2));
		assertThat(first.path("status").asString()).isEqualTo("COMPLETED");
		awaitStatisticsOfEveryItemWrite();
		long moviesUpdated = stat("movies", "n_tup_upd");
		long moviesInserted = stat("movies", "n_tup_ins");

		UUID again = fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":10}");
		JsonNode second = fleet.awaitEnd(again, Duration.ofMinutes(2));
		awaitStatisticsOfEveryItemWrite();

		assertThat(second.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(second.path("moviesPersisted").asLong()).isEqualTo(200);
		assertThat(stat("movies", "n_tup_upd")).as("movie rows rewritten").isEqualTo(moviesUpdated);
		assertThat(stat("movies", "n_tup_ins")).as("movie rows inserted").isEqualTo(moviesInserted);
	}

	/**
	 * PostgreSQL publishes a session's counts lazily (up to some seconds after its transactions).
	 * Every import item is written twice, once by the gateway and once by a persist worker in the
	 * same transaction as the movies: once the statistics show all those writes, they show the
	 * movies' too.
	 */
	private void awaitStatisticsOfEveryItemWrite() {
		await().atMost(Duration.ofSeconds(30)).until(() -> stat("import_items", "n_tup_ins")
				+ stat("import_items", "n_tup_upd") >= 2 * fleet.database()
					.queryForObject("select count(*) from import_items", Long.class));
	}

	private long stat(String table, String column) {
		return fleet.database()
			.queryForObject("select " + column + " from pg_stat_user_tables where relname = ?", Long.class, table);
	}

}
