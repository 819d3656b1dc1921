package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline on the production images of Kafka and PostgreSQL, where a Docker engine is
 * available; skipped elsewhere (the embedded broker and database cover the same ground).
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersEndToEndTests {

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18-alpine");

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");

	@Test
	void anImportCompletesOnContainerizedKafkaAndPostgres() {
		Fleet.Database database = new Fleet.Database(postgres.getJdbcUrl(), postgres.getUsername(),
				postgres.getPassword());
		try (Fleet fleet = new Fleet(database, kafka.getBootstrapServers()).warmedUp()) {
			UUID id = fleet.startImport("{\"source\":\"popular\",\"maxPages\":10}");

			JsonNode view = fleet.awaitEnd(id, Duration.ofMinutes(2));

			assertThat(view.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(view.path("moviesPersisted").asLong()).isEqualTo(200);
			assertThat(fleet.database()
				.queryForObject("select count(*) from movies where tmdb_id in "
						+ "(select tmdb_id from import_items where import_id = ?)", Long.class, id))
				.isEqualTo(200);
		}
	}

}
