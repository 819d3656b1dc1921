package org.tmdbfleet.gateway.schedules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

import org.tmdbfleet.gateway.web.InvalidInput;

import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule's due times: a cron expression read in a time zone. Five fields ({@code minute hour
 * day-of-month month day-of-week}, as crontab) or six (seconds first, as Spring), or a macro such
 * as {@code @daily}; daylight-saving changes follow the zone. A wall time is due once a day: in
 * the hour repeated when daylight saving time ends, only its first occurrence is due (as
 * {@code 30 1 * * *} in America/New_York fires at 01:30 EDT, not again at 01:30 EST), and a wall
 * time the clock skips when it begins is due once, at the jump (02:30 on that day fires at 03:00
 * EDT, as crond runs it).
 */
record Cron(CronExpression expression, ZoneId zone) {

	/** Due times counted at most, when telling how many a catch-up ran for. */
	private static final int MAX_COUNTED = 10_000;

	/** @throws InvalidInput naming {@code cron} or {@code zone} */
	static Cron parse(String cron, String zone) {
		ZoneId zoneId;
		try {
			zoneId = ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new InvalidInput("zone", "is not a time zone: use a region such as Europe/Berlin, or UTC");
		}
		String fields = cron.trim();
		if (!fields.startsWith("@") && fields.split("\\s+").length == 5) {
			fields = "0 " + fields;
		}
		try {
			return new Cron(CronExpression.parse(fields), zoneId);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("cron", "is not a cron expression (" + ex.getMessage()
					+ "): five fields, minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\"");
		}
	}

	/** The first due time after {@code instant}; null if there is none. */
	Instant next(Instant instant) {
		ZonedDateTime next = expression.next(instant.atZone(zone));
		// Spring's cron finds the repeated wall time again at the later offset: that is the same due time
		while (next != null && next.withEarlierOffsetAtOverlap().isBefore(next)) {
			next = expression.next(next);
		}
		Instant skipped = skippedWallTime(instant, (next != null) ? next.toInstant() : null);
		return (skipped != null) ? skipped : (next != null) ? next.toInstant() : null;
	}

	/*
	 * Spring's cron passes over a wall time the clock skips when daylight saving time begins (02:30
	 * in America/New_York on that day), so a daily schedule would lose that day's run. As crond does,
	 * such a due time fires once, when the clock jumps past it.
	 */
	private Instant skippedWallTime(Instant after, Instant until) {
		ZoneOffsetTransition gap = zone.getRules().nextTransition(after);
		while (gap != null && (until == null || gap.getInstant().isBefore(until))) {
			if (gap.isGap()) {
				LocalDateTime due = expression.next(gap.getDateTimeBefore().minusNanos(1));
				if (due != null && due.isBefore(gap.getDateTimeAfter())) {
					return gap.getInstant();
				}
			}
			if (until == null) {
				return null;
			}
			gap = zone.getRules().nextTransition(gap.getInstant());
		}
		return null;
	}

	/** Due times after {@code from} up to {@code to} inclusive (at most {@value #MAX_COUNTED}). */
	int between(Instant from, Instant to) {
		int count = 0;
		for (Instant due = next(from); due != null && !due.isAfter(to) && count < MAX_COUNTED; due = next(due)) {
			count++;
		}
		return count;
	}

}
