package org.tmdbfleet.e2e;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nightly re-import of a catalog that did not change rewrites no movie row: no dead tuples, no
 * index churn, however often it runs. Every row version PostgreSQL writes gets a new {@code xmin},
 * so the movies' (id, xmin) pairs before and after the second import are compared: an insert, an
 * update (HOT or not) or a delete shows. PostgreSQL's own counters ({@code pg_stat_user_tables})
 * were used before, but they also count rows of transactions that rolled back (a persist batch
 * retried after a rebalance inserts its movies twice) and are published lazily per session, so
 * a retry in the first import could show up after it.
 */
@EmbeddedKafka
class ReimportEndToEndTests {

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp();

	private final Fleet fleet;

	ReimportEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void reimportingAnUnchangedListRewritesNoMovie() {
		JsonNode first = fleet.awaitEnd(fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":10}"),
				Duration.ofMinutes(2));
		assertThat(first.path("status").asString()).isEqualTo("COMPLETED");
		Map<Long, String> versions = rowVersions();
		assertThat(versions).hasSizeGreaterThanOrEqualTo(200);

		UUID again = fleet.startImport("{\"source\":\"top_rated\",\"maxPages\":10}");
		JsonNode second = fleet.awaitEnd(again, Duration.ofMinutes(2));

		assertThat(second.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(second.path("moviesPersisted").asLong()).isEqualTo(200);
		assertThat(rowVersions()).as("movie row versions (id -> xmin)").isEqualTo(versions);
	}

	private Map<Long, String> rowVersions() {
		Map<Long, String> versions = new TreeMap<>();
		fleet.database()
			.query("select tmdb_id, xmin::text from movies",
					(ResultSet row) -> {
						versions.put(row.getLong(1), row.getString(2));
					});
		return versions;
	}

}
