package org.tmdbfleet.fetch.logging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.fetch.FetchWorkerIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With Spring Boot's structured logging switched on ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs})
 * every line is one JSON object, and a line written while a command is handled carries the
 * import's id, and the page's number, as fields of their own.
 */
@FetchWorkerIntegrationTest
@TestPropertySource(properties = { "logging.structured.format.console=ecs", "fleet.planning.window-pages=2" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void linesWrittenWhileHandlingAnImportAreJsonWithItsIdAndPage(CapturedOutput output) {
		UUID planned = UUID.randomUUID();
		ImportFilters filters = new ImportFilters(LocalDate.of(2010, 1, 1), LocalDate.of(2011, 12, 31), null, null,
				null, null);
		send(Topics.IMPORTS, new ImportRequested(planned, ImportSource.DISCOVER, 6, filters, Instant.now(), false));
		UUID refused = UUID.randomUUID();
		// TMDB answers page 600 with 400 (status_code 22): the page fails at once
		FetchPage beyondTheLastPage = new FetchPage(refused, ImportSource.POPULAR, null, 600, null, false);
		send(Topics.PAGES, beyondTheLastPage);

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			progress.await(ImportPlanned.class, event -> event.importId().equals(planned), 1, PATIENCE);
			progress.await(PageFailed.class, event -> event.importId().equals(refused), 1, PATIENCE);
		}

		await().untilAsserted(() -> {
			List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
				.map(FleetJson.MAPPER::readTree)
				.toList();
			assertThat(lines).filteredOn(line -> line.path("message").asString().contains("release-date windows"))
				.singleElement()
				.satisfies(line -> assertThat(line.path("importId").asString()).isEqualTo(planned.toString()));
			assertThat(lines).filteredOn(line -> line.path("message").asString().contains("page 600 failed"))
				.singleElement()
				.satisfies(line -> {
					assertThat(line.path("importId").asString()).isEqualTo(refused.toString());
					assertThat(line.path("page").asString()).isEqualTo("600");
					assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
				});
		});
		assertThat(output.getOut().lines().filter(line -> line.contains("release-date windows")))
			.as("every line is JSON")
			.allMatch(line -> line.startsWith("{"));
	}

	private void send(String topic, org.tmdbfleet.common.messages.FleetMessage message) {
		kafka.executeInTransaction(template -> template.send(topic, message.key(), message));
	}

}
