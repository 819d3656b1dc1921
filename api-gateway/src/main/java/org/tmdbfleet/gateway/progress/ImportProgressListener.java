package org.tmdbfleet.gateway.progress;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.ConsumedRecords;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportProgress;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll's progress events to the imports' rows and counters in one transaction, then
 * decides the imports they touched: a poll costs the same few statements whether it carries one
 * event or five hundred, so the accounting keeps up with the fleet at full speed. Events of one
 * import share a partition and arrive in the order they were written, but a re-delivery repeats
 * them: every statement is idempotent. If the poll's transaction fails, its events are applied
 * one by one, each in its own transaction, so the event at fault is found and retried (or
 * dead-lettered) alone while the others count.
 */
@Component
class ImportProgressListener {

	private static final Logger log = LoggerFactory.getLogger(ImportProgressListener.class);

	private final ImportProgressRepository progress;

	private final TransactionTemplate transaction;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final ProgressListenerProperties properties;

	ImportProgressListener(ImportProgressRepository progress, PlatformTransactionManager transactions,
			DeadLetterPublishingRecoverer deadLetters, ProgressListenerProperties properties) {
		this.progress = progress;
		this.transaction = new TransactionTemplate(transactions);
		this.deadLetters = deadLetters;
		this.properties = properties;
	}

	/** The listener's consumers, read by its annotation (public for SpEL). */
	public int concurrency() {
		return properties.progressConcurrency();
	}

	@KafkaListener(id = "gateway-progress", topics = Topics.PROGRESS, batch = "true",
			concurrency = "#{__listener.concurrency()}")
	void onProgress(List<ConsumerRecord<String, FleetMessage>> records) {
		List<ConsumerRecord<String, FleetMessage>> readable = new ArrayList<>(records.size());
		List<ImportProgress> events = new ArrayList<>(records.size());
		for (ConsumerRecord<String, FleetMessage> record : records) {
			try {
				events.add(progressOf(record));
				readable.add(record);
			}
			catch (PoisonRecordException ex) {
				ConsumedRecords.deadLetter(deadLetters, record, ex);
			}
		}
		if (events.isEmpty()) {
			return;
		}
		try {
			apply(events);
		}
		catch (RuntimeException ex) {
			log.debug("A batch of {} progress events failed, applying them one by one: {}", events.size(),
					ex.toString());
			for (int i = 0; i < events.size(); i++) {
				try {
					apply(List.of(events.get(i)));
				}
				catch (RuntimeException failure) {
					throw new BatchListenerFailedException("progress event not applied", failure, readable.get(i));
				}
			}
		}
	}

	private void apply(List<ImportProgress> events) {
		ProgressBatch batch = ProgressBatch.of(events);
		transaction.executeWithoutResult(status -> progress.apply(batch));
	}

	private static ImportProgress progressOf(ConsumerRecord<String, FleetMessage> record) {
		if (ConsumedRecords.messageOf(record) instanceof ImportProgress event) {
			return event;
		}
		throw ConsumedRecords.unexpected(record);
	}

}
