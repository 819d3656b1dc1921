package org.tmdbfleet.common.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka as every service of the fleet uses it: the topics and their DLTs, JSON messages,
 * durable producers, read-committed consumers, and one error policy (infrastructure errors are
 * retried until they heal, bad records go to {@code <topic>.DLT}).
 */
@AutoConfiguration
@EnableConfigurationProperties(FleetKafkaProperties.class)
public class FleetKafkaAutoConfiguration {

	@Bean
	KafkaAdmin.NewTopics fleetTopics(FleetKafkaProperties properties) {
		Optional<Short> replicas = Optional.ofNullable(properties.replicationFactor());
		Stream<NewTopic> pipeline = Topics.ALL.stream()
			.flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
			.map(topic -> new NewTopic(topic, Optional.of(properties.partitions()), replicas));
		// one partition: every fetch worker reads all of it, and it holds one record per cancelled import
		NewTopic control = new NewTopic(Topics.CONTROL, Optional.of(1), replicas)
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
		return new KafkaAdmin.NewTopics(Stream.concat(pipeline, Stream.of(control)).toArray(NewTopic[]::new));
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer fleetProducerSettings() {
		// acks=all + idempotence: a record acknowledged is on every in-sync replica, exactly once.
		return factory -> factory.updateConfigs(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, FleetMessageSerializer.class,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
	}

	/**
	 * Boot always sets {@code isolation.level} (read_uncommitted unless
	 * {@code spring.kafka.consumer.isolation-level} says otherwise), so the fleet's default is
	 * decided by whether that property was set, not by what the factory holds.
	 */
	@Bean
	DefaultKafkaConsumerFactoryCustomizer fleetConsumerSettings(Environment environment) {
		return factory -> {
			factory.updateConfigs(Map.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
					ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
					ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, FleetMessageDeserializer.class,
					ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
			Map<String, Object> configs = factory.getConfigurationProperties();
			if (!environment.containsProperty("spring.kafka.consumer.isolation-level")) {
				// fetch workers write in transactions: never read what an aborted attempt wrote
				factory.updateConfigs(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
			}
			if (!configs.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
				// a group that joins after records were written must still see them all
				factory.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
			}
		};
	}

	/**
	 * Boot's listener container factory takes it: a group that has read everything commits past
	 * the last transaction's commit marker, so its lag is 0 and one waiting record is a lag of 1,
	 * enough to wake workers scaled to zero on lag. Needs read_committed and max.poll.records > 1.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> fleetListenerContainers() {
		return container -> container.getContainerProperties().setFixTxOffsets(true);
	}

	/** Boot's listener container factory takes it: each record handled names its import in the logs. */
	@Bean
	RecordInterceptor<Object, Object> importLogContextInterceptor() {
		return new ImportLogContextInterceptor();
	}

	@Bean
	DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaTemplate<Object, Object> template,
			ObjectProvider<DeadLetterNotice> notices) {
		return new FleetDeadLetterRecoverer(template, notices.orderedStream().toList());
	}

	@Bean
	CommonErrorHandler fleetErrorHandler(DeadLetterPublishingRecoverer recoverer, FleetKafkaProperties properties) {
		return withRetryPolicy(new DefaultErrorHandler(recoverer, boundedBackOff(properties)), properties);
	}

	@Bean
	@ConditionalOnProperty("spring.kafka.producer.transaction-id-prefix")
	AfterRollbackProcessor<Object, Object> fleetAfterRollbackProcessor(DeadLetterPublishingRecoverer recoverer,
			KafkaTemplate<Object, Object> template, FleetKafkaProperties properties) {
		return withRetryPolicy(
				new DefaultAfterRollbackProcessor<>(recoverer, boundedBackOff(properties), template, true), properties);
	}

	@Bean
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin);
	}

	private static <T extends FailedRecordProcessor> T withRetryPolicy(T processor, FleetKafkaProperties properties) {
		processor.addNotRetryableExceptions(PoisonRecordException.class, CommandFailedException.class);
		processor.setBackOffFunction((record, failure) -> RetryClassifier.isInfrastructureDown(failure)
				? backOff(properties, Long.MAX_VALUE) : null);
		return processor;
	}

	private static BackOff boundedBackOff(FleetKafkaProperties properties) {
		return backOff(properties, properties.retryMaxAttempts() - 1L);
	}

	private static BackOff backOff(FleetKafkaProperties properties, long maxRetries) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
		backOff.setJitter(properties.retryInitialInterval().toMillis() / 2);
		backOff.setMaxAttempts(maxRetries);
		return backOff;
	}

}
