package org.tmdbfleet.gateway.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator reads off the gateway's {@code /actuator/prometheus}: consumer lag from
 * committed offsets (there while the group has no member), dead letters counted on their topics,
 * imports by status, and imports finished by outcome. Own context: Kafka is read every second.
 */
@TestPropertySource(properties = "fleet.monitoring.kafka-interval=1s")
class FleetMetricsIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void aGroupWithoutMembersShowsWhatItHasYetToReadFromItsCommittedOffsets() throws Exception {
		TopicPartition first = new TopicPartition(Topics.MOVIES, 0);
		try (KafkaProducer<String, String> producer = producer(null); Admin admin = admin()) {
			for (int i = 0; i < 10; i++) {
				producer.send(new ProducerRecord<>(Topics.MOVIES, 0, "key", "{}")).get();
			}
			Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
			endOffsets(admin).forEach((partition, end) -> committed.put(partition, new OffsetAndMetadata(end)));
			committed.put(first, new OffsetAndMetadata(committed.get(first).offset() - 6));
			admin.alterConsumerGroupOffsets("lagging-group", committed).all().get();

			await().until(() -> lag("lagging-group", Topics.MOVIES) == 6);

			committed.put(first, new OffsetAndMetadata(committed.get(first).offset() + 6));
			admin.alterConsumerGroupOffsets("lagging-group", committed).all().get();
			await().until(() -> lag("lagging-group", Topics.MOVIES) == 0);
		}
	}

	@Test
	void deadLettersAreCountedPerTopicCommittedRecordsOnly() throws Exception {
		// shown once the dead-letter topics are counted whole
		double before = await().until(() -> deadLetters(Topics.deadLetter(Topics.PAGES)), count -> !Double.isNaN(count));
		try (KafkaProducer<String, String> plain = producer(null);
				KafkaProducer<String, String> transactional = producer("dead-letter-test")) {
			plain.send(new ProducerRecord<>(Topics.deadLetter(Topics.PAGES), "a", "{}")).get();
			transactional.initTransactions();
			transactional.beginTransaction();
			transactional.send(new ProducerRecord<>(Topics.deadLetter(Topics.PAGES), "b", "{}"));
			transactional.send(new ProducerRecord<>(Topics.deadLetter(Topics.PAGES), "c", "{}"));
			transactional.commitTransaction();
			transactional.beginTransaction();
			transactional.send(new ProducerRecord<>(Topics.deadLetter(Topics.PAGES), "rolled back", "{}"));
			transactional.flush();
			transactional.abortTransaction();
		}

		await().until(() -> deadLetters(Topics.deadLetter(Topics.PAGES)) - before == 3);
		assertThat(deadLetters(Topics.deadLetter(Topics.MOVIES))).as("another topic's count").isZero();
	}

	@Test
	void importsAreCountedByStatusAndOnceByOutcomeWhenTheyEnd() {
		double completedBefore = finished("completed");
		double cancelledBefore = finished("cancelled");
		UUID done = startImport();
		progress(new ImportPlanned(done, 1, 0));
		progress(new PageFetched(done, 1, List.of()));
		await().until(() -> "COMPLETED".equals(importView(done).path("status").asString()));
		UUID cancelled = startImport();
		api().postJson("/api/imports/" + cancelled + "/cancel", "");
		api().postJson("/api/imports/" + cancelled + "/cancel", "");

		// recorded once the ending transaction has committed, just after the status shows
		await().until(() -> finished("completed") - completedBefore == 1);
		assertThat(finished("cancelled") - cancelledBefore).as("cancelled twice, ended once").isEqualTo(1);
		long stored = jdbc.queryForObject("select count(*) from import_jobs where status = 'CANCELLED'", Long.class);
		// the gauges count at most once a second: a scrape just before the cancel may still be served
		await().untilAsserted(() -> assertThat(metric("fleet_imports", "status=\"CANCELLED\"")).isEqualTo(stored));
	}

	private double lag(String group, String topic) {
		return metric("fleet_kafka_consumer_lag", "group=\"" + group + "\"", "topic=\"" + topic + "\"");
	}

	private double deadLetters(String topic) {
		return metric("fleet_dead_letters_total", "topic=\"" + topic + "\"");
	}

	private double finished(String outcome) {
		double count = metric("fleet_imports_finished_seconds_count", "outcome=\"" + outcome + "\"", "source=\"popular\"");
		return Double.isNaN(count) ? 0 : count;
	}

	/** The sample of {@code name} whose labels include all of {@code labels}; NaN when there is none. */
	private double metric(String name, String... labels) {
		Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$")
			.matcher(api().get("/actuator/prometheus").body());
		while (sample.find()) {
			String found = sample.group(1);
			if (List.of(labels).stream().allMatch(found::contains)) {
				return Double.parseDouble(sample.group(2));
			}
		}
		return Double.NaN;
	}

	private KafkaProducer<String, String> producer(String transactionalId) {
		Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()));
		if (transactionalId != null) {
			config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		}
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		int partitions = admin.describeTopics(List.of(Topics.MOVIES)).allTopicNames().get().get(Topics.MOVIES)
			.partitions().size();
		for (int p = 0; p < partitions; p++) {
			request.put(new TopicPartition(Topics.MOVIES, p), OffsetSpec.latest());
		}
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

}
