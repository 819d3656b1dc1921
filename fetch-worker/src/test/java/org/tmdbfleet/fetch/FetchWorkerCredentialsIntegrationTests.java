package org.tmdbfleet.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@FetchWorkerIntegrationTest
@TestPropertySource(properties = "tmdb.api-key=" + FetchWorkerCredentialsIntegrationTests.WRONG_KEY)
@ExtendWith(OutputCaptureExtension.class)
class FetchWorkerCredentialsIntegrationTests {

	static final String WRONG_KEY = "wrong-key-that-must-never-be-printed";

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void badCredentialsFailTheImportFastWithTheReasonAndNeverPrintTheKey(CapturedOutput output) {
		UUID importId = UUID.randomUUID();
		ImportRequested request = new ImportRequested(importId, ImportSource.POPULAR, 5, ImportFilters.NONE,
				Instant.now(), false);
		kafka.executeInTransaction(template -> template.send(Topics.IMPORTS, request.key(), request));

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			ImportFailed failed = progress
				.await(ImportFailed.class, event -> event.importId().equals(importId), 1, Duration.ofSeconds(60))
				.get(0);
			assertThat(failed.reason()).contains("401").contains("7");
			assertThat(progress.await(PageFetched.class, event -> event.importId().equals(importId), 1,
					Duration.ofSeconds(1)))
				.isEmpty();
		}
		assertThat(output.getAll()).contains(importId.toString()).doesNotContain(WRONG_KEY);
	}

}
