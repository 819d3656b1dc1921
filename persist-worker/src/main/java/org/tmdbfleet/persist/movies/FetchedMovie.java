package org.tmdbfleet.persist.movies;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tmdbfleet.common.kafka.PoisonRecordException;
import org.tmdbfleet.common.messages.MovieFetched;

/**
 * A {@link MovieFetched} of a batch as its row, with the record it came from (for the DLT).
 */
record FetchedMovie(ConsumerRecord<?, ?> record, UUID importId, MovieRow row) {

	/**
	 * Reading a record's JSON can fail only because of that record: whatever the failure, it is
	 * this record's poison, never the batch's.
	 */
	static FetchedMovie of(ConsumerRecord<?, ?> record, MovieFetched event) {
		try {
			return new FetchedMovie(record, event.importId(), MovieRow.from(event));
		}
		catch (PoisonRecordException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new PoisonRecordException("movie " + event.tmdbId() + " cannot be read: " + ex.getMessage(), ex);
		}
	}

	long tmdbId() {
		return row.tmdbId();
	}

}
