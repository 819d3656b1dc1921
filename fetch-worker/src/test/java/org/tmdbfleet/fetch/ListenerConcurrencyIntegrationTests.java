package org.tmdbfleet.fetch;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each listener runs as many consumers as {@link FetchProperties} says, and no default elsewhere wins. */
@FetchWorkerIntegrationTest
@TestPropertySource(properties = { "fleet.fetch.concurrency=3", "fleet.fetch.details-batch=7",
		"fleet.fetch.planner-concurrency=1" })
class ListenerConcurrencyIntegrationTests {

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Test
	void eachListenerRunsTheConsumersAndBatchItsPropertiesSay() {
		assertThat(concurrency("fetch-pages")).isEqualTo(3);
		assertThat(concurrency("fetch-details")).isEqualTo(3);
		assertThat(concurrency("fetch-planner")).isEqualTo(1);
		assertThat(listeners.getListenerContainer("fetch-details")
			.getContainerProperties()
			.getKafkaConsumerProperties()
			.getProperty("max.poll.records")).isEqualTo("7");
	}

	private int concurrency(String listener) {
		return ((ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(listener)).getConcurrency();
	}

}
