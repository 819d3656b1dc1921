package org.tmdbfleet.gateway.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.gateway.PeriodicTask;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The fleet's Kafka backlog as the broker knows it, so it is there while every member of a
 * group is dead (the clients' own lag series vanish with their clients):
 * <ul>
 * <li>{@code fleet_kafka_consumer_lag{group,topic}}: per consumer group of the fleet's topics,
 * the last stable offsets less the group's committed offsets, summed over the topic's partitions
 * (a partition the group never committed counts from its first offset). In offsets, not
 * records: a transaction's commit marker takes an offset too, so a backlog of transactional
 * records reads up to twice its size. A group that has caught up reads 0 (the fleet's listeners
 * commit past the last commit marker); up to one per partition when a worker died before its
 * next poll, until a consumer of the partition polls again.</li>
 * <li>{@code fleet_dead_letters_total{topic}}: the records on each dead-letter topic, counted by
 * reading them (committed ones only) from the start, so every gateway reports the same number
 * and a restart does not lose it; shown once counted whole.</li>
 * </ul>
 * Read every {@code fleet.monitoring.kafka-interval}; while Kafka is unreachable the last values
 * stay.
 */
@Component
class KafkaBacklog extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(KafkaBacklog.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final KafkaProperties kafka;

	private final MeterRegistry registry;

	private final MultiGauge lag;

	private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();

	private Admin admin;

	private KafkaConsumer<byte[], byte[]> deadLetterReader;

	private boolean warned;

	/** Whether the dead letters are counted whole once, and their counters shown. */
	private boolean deadLettersShown;

	KafkaBacklog(KafkaProperties kafka, MonitoringProperties properties, MeterRegistry registry) {
		super("kafka-backlog", properties.kafkaInterval());
		this.kafka = kafka;
		this.lag = MultiGauge.builder("fleet.kafka.consumer.lag")
			.description("Offsets a consumer group has yet to read of a topic, from its committed offsets")
			.register(registry);
		this.registry = registry;
		Topics.ALL.forEach(topic -> deadLetters.put(Topics.deadLetter(topic), new AtomicLong()));
	}

	@Override
	protected void runOnce() {
		try {
			measureLag();
			countDeadLetters();
			warned = false;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!warned) {
				log.warn("Kafka backlog not measured (the last values stay; next try in {}): {}", interval(), ex.toString());
				warned = true;
			}
		}
	}

	private void measureLag() throws Exception {
		Admin admin = admin();
		List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups())
			.all()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.stream()
			.map(GroupListing::groupId)
			.toList();
		Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
		for (String group : groups) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			Map<TopicPartition, Long> ours = new HashMap<>();
			offsets.forEach((partition, offset) -> {
				if (offset != null && Topics.ALL.contains(partition.topic())) {
					ours.put(partition, offset.offset());
				}
			});
			if (!ours.isEmpty()) {
				committed.put(group, ours);
			}
		}
		Map<String, List<TopicPartition>> partitions = new HashMap<>();
		committed.values()
			.forEach(offsets -> offsets.keySet()
				.forEach(partition -> partitions.computeIfAbsent(partition.topic(), this::partitionsOf)));
		List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
		Map<TopicPartition, Long> stable = offsets(admin, all, OffsetSpec.latest());
		Map<TopicPartition, Long> first = offsets(admin, all, OffsetSpec.earliest());
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		committed.forEach((group, offsets) -> {
			Map<String, Long> byTopic = new HashMap<>();
			for (String topic : offsets.keySet().stream().map(TopicPartition::topic).distinct().toList()) {
				long behind = 0;
				for (TopicPartition partition : partitions.get(topic)) {
					long read = offsets.getOrDefault(partition, first.getOrDefault(partition, 0L));
					behind += Math.max(0, stable.getOrDefault(partition, 0L) - read);
				}
				byTopic.put(topic, behind);
			}
			byTopic.forEach((topic, behind) -> rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), behind)));
		});
		lag.register(rows, true);
	}

	private List<TopicPartition> partitionsOf(String topic) {
		return reader().partitionsFor(topic, TIMEOUT)
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
	}

	private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
			throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach(partition -> request.put(partition, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	/** Reads what was added to the dead-letter topics since the last run, committed records only. */
	private void countDeadLetters() {
		KafkaConsumer<byte[], byte[]> reader = reader();
		if (reader.assignment().isEmpty()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : deadLetters.keySet()) {
				for (PartitionInfo info : reader.partitionsFor(topic, TIMEOUT)) {
					partitions.add(new TopicPartition(info.topic(), info.partition()));
				}
			}
			reader.assign(partitions);
			reader.seekToBeginning(partitions);
		}
		Map<TopicPartition, Long> ends = reader.endOffsets(reader.assignment(), TIMEOUT);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		boolean caughtUp;
		while (!(caughtUp = caughtUp(reader, ends)) && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(500))) {
				deadLetters.get(record.topic()).incrementAndGet();
			}
		}
		if (caughtUp && !deadLettersShown) {
			showDeadLetters();
		}
	}

	/**
	 * The counters appear once the topics are counted whole: a restarted gateway's series then
	 * goes on at the number it had before, instead of climbing from 0, which Prometheus would take
	 * for new dead letters.
	 */
	private void showDeadLetters() {
		deadLetters.forEach((topic, count) -> FunctionCounter.builder("fleet.dead.letters", count, AtomicLong::get)
			.description("Records on a dead-letter topic (committed ones), counted from its start")
			.tag("topic", topic)
			.register(registry));
		deadLettersShown = true;
	}

	private static boolean caughtUp(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch(end -> reader.position(end.getKey(), TIMEOUT) >= end.getValue());
	}

	private Admin admin() {
		if (admin == null) {
			admin = Admin.create(kafka.buildAdminProperties());
		}
		return admin;
	}

	private KafkaConsumer<byte[], byte[]> reader() {
		if (deadLetterReader == null) {
			Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
			config.remove(ConsumerConfig.GROUP_ID_CONFIG);
			config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-kafka-backlog");
			config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			deadLetterReader = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		}
		return deadLetterReader;
	}

	@Override
	public synchronized void stop() {
		super.stop();
		if (admin != null) {
			admin.close(Duration.ofSeconds(2));
			admin = null;
		}
		if (deadLetterReader != null) {
			deadLetterReader.close(Duration.ofSeconds(2));
			deadLetterReader = null;
		}
	}

}
