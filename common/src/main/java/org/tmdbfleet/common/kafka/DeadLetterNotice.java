package org.tmdbfleet.common.kafka;

import java.util.Optional;

import org.tmdbfleet.common.messages.FleetMessage;

/**
 * What an import must hear when one of its commands is dead-lettered: a dead letter alone is
 * silent, the import would wait for the command's outcome forever. A service declares a bean of
 * this type, and every record it dead-letters is followed, in the same Kafka transaction, by the
 * event this returns (a failed page, movie or plan, with the reason).
 */
@FunctionalInterface
public interface DeadLetterNotice {

	/**
	 * @param command the record that is dead-lettered
	 * @param reason why, as the dead letter's headers say it
	 * @return the event that tells its import, with the topic it goes to; empty for none
	 */
	Optional<Notice> noticeOf(FleetMessage command, String reason);

	/** An event, and where it goes. */
	record Notice(String topic, FleetMessage event) {
	}

}
