package org.tmdbfleet.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tmdbfleet.common.logging.ImportLogContext;
import org.tmdbfleet.common.messages.FleetMessage;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Every record listener handles its record inside the record's {@link ImportLogContext}: each line
 * logged meanwhile names the import (and the page or movie). Batch listeners, whose records belong
 * to many imports, set it per record where they log.
 */
final class ImportLogContextInterceptor implements RecordInterceptor<Object, Object> {

	private final ThreadLocal<ImportLogContext> current = new ThreadLocal<>();

	@Override
	public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		if (record.value() instanceof FleetMessage message) {
			current.set(ImportLogContext.of(message));
		}
		return record;
	}

	@Override
	public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		ImportLogContext context = current.get();
		if (context != null) {
			context.close();
			current.remove();
		}
	}

}
