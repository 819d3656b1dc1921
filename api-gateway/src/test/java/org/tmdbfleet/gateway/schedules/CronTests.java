package org.tmdbfleet.gateway.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due times across daylight saving time: a wall time that comes twice (the autumn's repeated
 * hour) is due once, at its first occurrence; one the clock skips (spring) once, at the jump.
 */
class CronTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void onTheDayDaylightSavingTimeEndsAWallTimeInTheRepeatedHourFiresOnce() {
		Cron cron = Cron.parse("30 1 * * *", "America/New_York");
		// 2026-11-01 is the first Sunday of November: 02:00 EDT becomes 01:00 EST
		Instant evening = ZonedDateTime.of(2026, 10, 31, 20, 0, 0, 0, NEW_YORK).toInstant();

		Instant first = cron.next(evening);
		Instant second = cron.next(first);

		assertThat(first).as("01:30 EDT").isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
		assertThat(second).as("not 01:30 EST an hour later, but the next day's 01:30 EST")
			.isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
		assertThat(cron.between(evening, Instant.parse("2026-11-02T00:00:00Z"))).as("due times that day").isEqualTo(1);
	}

	@Test
	void aScheduleCreatedDuringTheRepeatedHourAfterItsWallTimePassedWaitsForTheNextDay() {
		Cron cron = Cron.parse("30 1 * * *", "America/New_York");
		Instant inTheRepeatedHour = Instant.parse("2026-11-01T06:10:00Z"); // 01:10 EST, after 01:30 EDT

		assertThat(cron.next(inTheRepeatedHour)).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
	}

	@Test
	void onTheDayDaylightSavingTimeBeginsAWallTimeTheClockSkipsFiresOnceAtTheJump() {
		Cron daily = Cron.parse("30 2 * * *", "America/New_York");
		// 2026-03-08 is the second Sunday of March: 02:00 EST becomes 03:00 EDT, 02:30 never happens
		Instant evening = ZonedDateTime.of(2026, 3, 7, 20, 0, 0, 0, NEW_YORK).toInstant();

		Instant jump = daily.next(evening);

		assertThat(jump).as("at the jump, 03:00 EDT").isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
		assertThat(daily.next(jump)).as("the next day as usual").isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
		assertThat(Cron.parse("*/15 2 * * *", "America/New_York").between(evening, Instant.parse("2026-03-09T00:00:00Z")))
			.as("a skipped hour of quarter-hours, due once").isEqualTo(1);
	}

	@Test
	void aWallTimeOutsideTheRepeatedHourIsDueAsUsualOnBothSides() {
		Cron cron = Cron.parse("0 3 * * *", "America/New_York");

		assertThat(cron.next(Instant.parse("2026-10-31T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
		assertThat(cron.next(Instant.parse("2026-11-01T08:00:00Z"))).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
	}

}
