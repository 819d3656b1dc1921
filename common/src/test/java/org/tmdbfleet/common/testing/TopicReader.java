package org.tmdbfleet.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tmdbfleet.common.kafka.FleetMessageDeserializer;
import org.tmdbfleet.common.messages.FleetMessage;

/**
 * Reads fleet messages from a topic from the beginning, as a fresh consumer group that sees
 * only committed records, like the services do.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, FleetMessage> consumer;

	private final List<FleetMessage> seen = new ArrayList<>();

	private final Map<FleetMessage, Headers> headers = new IdentityHashMap<>();

	private final Map<FleetMessage, Integer> partitions = new IdentityHashMap<>();

	public TopicReader(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"), new StringDeserializer(), new FleetMessageDeserializer());
		consumer.subscribe(List.of(topic));
	}

	/**
	 * Polls until {@code expected} messages matching the filter have been seen, or the timeout
	 * passes; returns the matching messages seen so far either way.
	 */
	public <T extends FleetMessage> List<T> await(Class<T> type, Predicate<T> filter, int expected,
			Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (matching(type, filter).size() < expected && Instant.now().isBefore(deadline)) {
			for (ConsumerRecord<String, FleetMessage> record : consumer.poll(Duration.ofMillis(200))) {
				seen.add(record.value());
				headers.put(record.value(), record.headers());
				partitions.put(record.value(), record.partition());
			}
		}
		return matching(type, filter);
	}

	private <T extends FleetMessage> List<T> matching(Class<T> type, Predicate<T> filter) {
		return seen.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
	}

	/** A header of the record that carried {@code message} (one this reader returned), as text. */
	public String header(FleetMessage message, String name) {
		Header header = headers.get(message).lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** The partition of the record that carried {@code message} (one this reader returned). */
	public int partition(FleetMessage message) {
		return partitions.get(message);
	}

	@Override
	public void close() {
		consumer.close();
	}

}
