package org.tmdbfleet.gateway.imports;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the gateway's commands and waits for Kafka's acknowledgement, never longer than
 * {@link #TIMEOUT}: a request either knows its commands are durable or answers 503.
 */
@Component
class CommandPublisher {

	/** The longest a request waits for Kafka before it answers 503. */
	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Log log = LogFactory.getLog(CommandPublisher.class);

	private final KafkaTemplate<Object, Object> kafka;

	CommandPublisher(KafkaTemplate<Object, Object> kafka) {
		this.kafka = kafka;
	}

	/** @return whether Kafka acknowledged every message in time */
	boolean publish(String topic, List<? extends FleetMessage> messages) {
		try {
			CompletableFuture<?>[] sent = messages.stream()
				.map(message -> kafka.send(topic, message.key(), message))
				.toArray(CompletableFuture[]::new);
			CompletableFuture.allOf(sent).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.error(messages.size() + " message(s) to " + topic + " not acknowledged in time: " + ex);
			return false;
		}
	}

}
