package org.tmdbfleet.gateway.schedules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Now" for schedules: the database's clock, so that every gateway decides a due time by the same
 * clock, however skewed its own. The configured {@link Clock}'s distance from the system clock is
 * added: none in production, the simulated days in the end-to-end tests, whose schedules fall due
 * as the simulated TMDB's days pass.
 */
@Component
class ScheduleClock {

	private final JdbcClient jdbc;

	private final Clock clock;

	ScheduleClock(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** In a transaction, the time its current statement began. */
	Instant now() {
		// the system clock read twice differs by microseconds: no shift rather than a jittering one
		Duration shift = clock.equals(Clock.systemUTC()) ? Duration.ZERO
				: Duration.between(Instant.now(), clock.instant());
		return jdbc.sql("select statement_timestamp()").query(OffsetDateTime.class).single().toInstant().plus(shift);
	}

}
