package org.tmdbfleet.common.kafka;

/**
 * A command that was carried out as far as it can be and failed for a reason of its own (TMDB
 * refused the page, or still failed after the client's retries): retrying the record cannot
 * help, so it goes to the dead-letter topic at once, and its import is told with the message
 * as the reason, word for word.
 */
public class CommandFailedException extends RuntimeException {

	public CommandFailedException(String reason) {
		super(reason);
	}

}
