package org.tmdbfleet.catalog.changes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.tmdbfleet.catalog.web.TmdbApiException;

/**
 * The days, UTC, both included, that {@code start_date} and {@code end_date} ask the changes of,
 * by TMDB's rules: a missing end is the day after the start (today without a start), a missing
 * start the day before the end, so no dates at all is yesterday and today, which holds TMDB's
 * default of the last 24 hours. At most 14 days apart, the end not before the start.
 */
record ChangedDays(LocalDate start, LocalDate end) {

	/** TMDB's YYYY-MM-DD, nothing else: no sign, no year past 9999, no day past the month's. */
	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final int MAX_DAYS_APART = 14;

	/**
	 * @throws TmdbApiException TMDB's 400 (status code 23) for a date that is not YYYY-MM-DD, its
	 * 422 (status code 20) for a range longer than 14 days or reversed
	 */
	static ChangedDays of(String startDate, String endDate, LocalDate today) {
		LocalDate start = date(startDate);
		LocalDate end = date(endDate);
		if (end == null) {
			end = (start != null) ? start.plusDays(1) : today;
		}
		if (start == null) {
			start = end.minusDays(1);
		}
		long apart = ChronoUnit.DAYS.between(start, end);
		if (apart < 0 || apart > MAX_DAYS_APART) {
			throw TmdbApiException.invalidDateRange();
		}
		return new ChangedDays(start, end);
	}

	private static LocalDate date(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		if (!DATE.matcher(date.strip()).matches()) {
			throw TmdbApiException.invalidDate();
		}
		try {
			return LocalDate.parse(date.strip());
		}
		catch (DateTimeParseException ex) {
			throw TmdbApiException.invalidDate();
		}
	}

}
