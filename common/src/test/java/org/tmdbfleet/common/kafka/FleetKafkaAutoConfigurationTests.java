package org.tmdbfleet.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumers every service gets from the fleet's Kafka configuration. */
class FleetKafkaAutoConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, FleetKafkaAutoConfiguration.class))
		// no broker here: the topics are not created
		.withPropertyValues("spring.kafka.admin.auto-create=false");

	@Test
	void consumersReadOnlyWhatCommittedTransactionsWrote() {
		context.run(started -> assertThat(isolation(started.getBean(DefaultKafkaConsumerFactory.class)))
			.isEqualTo("read_committed"));
	}

	@Test
	void anOperatorMayStillChooseTheIsolationLevel() {
		context.withPropertyValues("spring.kafka.consumer.isolation-level=read-uncommitted")
			.run(started -> assertThat(isolation(started.getBean(DefaultKafkaConsumerFactory.class)))
				.isEqualTo("read_uncommitted"));
	}

	@Test
	void listenersCommitPastTheLastCommitMarkerOnceCaughtUp() {
		context.run(started -> assertThat(started.getBean(ConcurrentKafkaListenerContainerFactory.class)
			.createContainer("any-topic")
			.getContainerProperties()
			.isFixTxOffsets()).isTrue());
	}

	private static Object isolation(DefaultKafkaConsumerFactory<?, ?> factory) {
		return factory.getConfigurationProperties().get(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
	}

}
