package org.tmdbfleet.persist.movies;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tmdbfleet.common.kafka.FleetMessageSerializer;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Publishes records to one partition of {@code tmdb.movies} in one Kafka transaction. The persist
 * worker reads committed records only, so it sees them all at once, in one poll: one batch (up to
 * {@code max-poll-records}).
 */
final class OneTransactionPublisher implements AutoCloseable {

	private final DefaultKafkaProducerFactory<String, FleetMessage> producers;

	private final KafkaTemplate<String, FleetMessage> kafka;

	OneTransactionPublisher(EmbeddedKafkaBroker broker) {
		Map<String, Object> props = KafkaTestUtils.producerProps(broker);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, FleetMessageSerializer.class);
		this.producers = new DefaultKafkaProducerFactory<>(props);
		this.producers.setTransactionIdPrefix("test-batch-" + UUID.randomUUID() + "-");
		this.kafka = new KafkaTemplate<>(producers);
	}

	void publish(int partition, List<? extends FleetMessage> messages) {
		kafka.executeInTransaction(operations -> {
			messages.forEach(message -> operations.send(Topics.MOVIES, partition, message.key(), message));
			return null;
		});
	}

	@Override
	public void close() {
		producers.destroy();
	}

}
