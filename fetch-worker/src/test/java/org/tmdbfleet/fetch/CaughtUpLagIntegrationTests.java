package org.tmdbfleet.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.testing.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fetch worker that has read everything leaves no lag behind, although every record it reads
 * was written in a Kafka transaction (whose commit marker takes an offset of its own): KEDA
 * scales it to zero on that lag, and wakes it at the first record waiting.
 */
@FetchWorkerIntegrationTest
class CaughtUpLagIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void everyGroupThatHasReadAnImportCommitsUpToTheEndOfItsPartitions() throws Exception {
		UUID importId = UUID.randomUUID();
		ImportRequested request = new ImportRequested(importId, ImportSource.POPULAR, 2, ImportFilters.NONE,
				Instant.now(), true);
		kafka.executeInTransaction(template -> template.send(Topics.IMPORTS, request.key(), request));

		try (TopicReader movies = new TopicReader(broker.getBrokersAsString(), Topics.MOVIES);
				Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
			// 2 pages of 20 movies, each movie's details fetched: tmdb.imports, .pages and .details all read
			assertThat(movies.await(MovieFetched.class, event -> event.importId().equals(importId), 40, PATIENCE))
				.hasSize(40);
			Map<String, String> groups = groups();
			assertThat(groups).containsKeys("fetch-planner", "fetch-pages", "fetch-details");

			await().atMost(PATIENCE).untilAsserted(() -> {
				Map<String, Map<TopicPartition, Long>> lags = new TreeMap<>();
				for (Map.Entry<String, String> group : groups.entrySet()) {
					lags.put(group.getKey(), lag(admin, group.getKey(), group.getValue()));
				}
				assertThat(lags)
					.allSatisfy((group, lag) -> assertThat(lag.values()).as(group + ": " + lag).containsOnly(0L));
			});
			assertThat(endOffsets(admin, Topics.PAGES).values()).as("pages were written")
				.anySatisfy(end -> assertThat(end).isPositive());
		}
	}

	/** Each listener's consumer group and the topic it reads. */
	private Map<String, String> groups() {
		return listeners.getListenerContainers()
			.stream()
			.collect(Collectors.toMap(MessageListenerContainer::getGroupId,
					container -> container.getContainerProperties().getTopics()[0]));
	}

	/** Offsets between a group's commits and the end of each partition, as KEDA's Kafka scaler counts them. */
	private static Map<TopicPartition, Long> lag(Admin admin, String group, String topic) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		return endOffsets(admin, topic).entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue()
					- ((committed.get(end.getKey()) != null) ? committed.get(end.getKey()).offset() : 0)));
	}

	private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
		List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map(partition -> new TopicPartition(topic, partition.partition()))
			.toList();
		return admin
			.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
	}

}
