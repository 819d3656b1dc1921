package org.tmdbfleet.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * What a batch listener finds in a record: the fleet's deserializer never throws (a record it
 * cannot read arrives as a header), so a batch listener sorts out unreadable records itself, and
 * dead-letters them alone.
 */
public final class ConsumedRecords {

	private static final Logger log = LoggerFactory.getLogger(ConsumedRecords.class);

	/** Only for Spring's header reader, which logs through it. */
	private static final LogAccessor springLog = new LogAccessor(ConsumedRecords.class);

	private ConsumedRecords() {
	}

	/**
	 * The record's message.
	 * @throws PoisonRecordException if the record could not be read or is empty
	 */
	public static FleetMessage messageOf(ConsumerRecord<?, ? extends FleetMessage> record) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, springLog);
		if (unreadable != null) {
			throw new PoisonRecordException("unreadable record: " + unreadable.getMessage(), unreadable);
		}
		if (record.value() == null) {
			throw new PoisonRecordException("empty record");
		}
		return record.value();
	}

	/** The failure of a readable record that carries a message its topic should not. */
	public static PoisonRecordException unexpected(ConsumerRecord<?, ?> record) {
		return new PoisonRecordException("unexpected " + record.value().getClass().getSimpleName() + " on "
				+ record.topic());
	}

	/**
	 * Sends a record a batch listener cannot use, or whose command failed ({@link
	 * CommandFailedException}), to its dead-letter topic with the reason, and says so in the log;
	 * the rest of the batch goes on.
	 */
	public static void deadLetter(DeadLetterPublishingRecoverer deadLetters, ConsumerRecord<?, ?> record,
			RuntimeException failure) {
		log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
				failure.getMessage());
		deadLetters.accept(record, failure);
	}

}
