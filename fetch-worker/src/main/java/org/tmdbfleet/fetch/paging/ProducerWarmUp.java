package org.tmdbfleet.fetch.paging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens a transactional producer before the worker reports ready (Boot's readiness follows the
 * application runners): the first transaction finds Kafka's transaction coordinator, and on a
 * new broker has it create its topic, which took the first import's planning some seconds. The
 * producer goes back to the factory's cache, where the listeners' transactions take it. Nothing
 * is sent; a worker that cannot reach Kafka still starts, as before.
 */
@Component
class ProducerWarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

	private final KafkaTemplate<Object, Object> kafka;

	ProducerWarmUp(KafkaTemplate<Object, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			kafka.executeInTransaction(operations -> operations.partitionsFor(Topics.PAGES));
		}
		catch (RuntimeException ex) {
			log.info("Kafka's transactions not warmed up: {}", ex.toString());
		}
	}

}
