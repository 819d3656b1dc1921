package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
			Http gateway = new Http(fleet.gatewayUrl());
			UUID id = UUID.fromString(FleetJson.MAPPER
				.readTree(gateway.post("/api/imports", "{\"source\":\"popular\",\"maxPages\":10}").getBody())
				.path("id")
				.asString());

			JsonNode[] view = new JsonNode[1];
			await().atMost(Duration.ofMinutes(2)).until(() -> {
				view[0] = gateway.getJson("/api/imports/" + id);
				return !List.of("QUEUED", "RUNNING").contains(view[0].path("status").asString());
			});

			assertThat(view[0].path("status").asString()).isEqualTo("COMPLETED");
			assertThat(view[0].path("moviesPersisted").asLong()).isEqualTo(200);
			assertThat(fleet.database()
				.queryForObject("select count(*) from movies where tmdb_id in "
						+ "(select tmdb_id from import_items where import_id = ?)", Long.class, id))
				.isEqualTo(200);
		}
	}

}
