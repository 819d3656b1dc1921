package org.tmdbfleet.common.kafka;

/**
 * A record that can never be processed, however often it is retried: it goes to the dead-letter
 * topic at once instead of blocking its partition.
 */
public class PoisonRecordException extends RuntimeException {

	public PoisonRecordException(String message) {
		super(message);
	}

	public PoisonRecordException(String message, Throwable cause) {
		super(message, cause);
	}

}
