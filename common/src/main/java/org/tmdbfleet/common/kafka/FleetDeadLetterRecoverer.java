package org.tmdbfleet.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.DeadLetterNotice.Notice;
import org.tmdbfleet.common.logging.ImportLogContext;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends a record that cannot be processed to {@code <topic>.DLT} with Spring's standard headers,
 * then the {@link DeadLetterNotice notices} of the service, in the same Kafka transaction when
 * there is one: the import hears of the failure exactly when the command leaves its topic.
 */
final class FleetDeadLetterRecoverer extends DeadLetterPublishingRecoverer {

	private static final Logger log = LoggerFactory.getLogger(FleetDeadLetterRecoverer.class);

	private final List<DeadLetterNotice> notices;

	FleetDeadLetterRecoverer(KafkaOperations<Object, Object> template, List<DeadLetterNotice> notices) {
		super(template, (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		this.notices = List.copyOf(notices);
	}

	@Override
	protected void publish(ProducerRecord<Object, Object> deadLetter, KafkaOperations<Object, Object> template,
			ConsumerRecord<?, ?> record) {
		if (!(record.value() instanceof FleetMessage command)) {
			super.publish(deadLetter, template, record);
			return;
		}
		try (ImportLogContext context = ImportLogContext.of(command)) {
			super.publish(deadLetter, template, record);
			String reason = reason(deadLetter);
			log.warn("{} dead-lettered to {}: {}", command.getClass().getSimpleName(), deadLetter.topic(), reason);
			for (DeadLetterNotice notice : notices) {
				notice.noticeOf(command, reason).ifPresent(found -> send(template, found));
			}
		}
	}

	private static void send(KafkaOperations<Object, Object> template, Notice notice) {
		template.send(notice.topic(), notice.event().key(), notice.event()).join();
	}

	/**
	 * "SomeException: its message", from the dead letter's own headers; a {@link
	 * CommandFailedException}'s message alone, since it is the reason.
	 */
	static String reason(ProducerRecord<Object, Object> deadLetter) {
		String message = header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		String failed = CommandFailedException.class.getName();
		if (message != null && (failed.equals(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
				|| failed.equals(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)))) {
			return message;
		}
		String type = header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		if (type == null) {
			type = header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN);
		}
		String simpleType = (type == null) ? "error" : type.substring(type.lastIndexOf('.') + 1);
		return (message == null) ? simpleType : simpleType + ": " + message;
	}

	private static String header(ProducerRecord<Object, Object> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
