package org.tmdbfleet.persist.movies;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.testing.TestDatabase;
import org.tmdbfleet.persist.PersistWorkerApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole persist worker with a real Kafka broker and a real PostgreSQL; classes extending it
 * without configuration of their own share one context.
 */
@SpringBootTest(properties = { "spring.config.name=" + PersistWorkerApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"fleet.persist.concurrency=" + PersistWorkerIntegrationTestSupport.CONSUMERS })
@EmbeddedKafka
abstract class PersistWorkerIntegrationTestSupport {

	/** Not the default, so that a listener that ignored {@code fleet.persist.concurrency} shows. */
	static final int CONSUMERS = 3;

	/** When the tests' movies were fetched, unless a test says otherwise. */
	static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EmbeddedKafkaBroker broker;

	/** A consumer of {@code tmdb.movies.DLT} from its start, reading values as bytes (they may be unreadable). */
	Consumer<String, byte[]> deadLetterConsumer() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new ByteArrayDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(Topics.deadLetter(Topics.MOVIES)));
		return consumer;
	}

}
