package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tmdbfleet.common.messages.ImportFilters;

/**
 * Release days {@code from..to}, both inclusive; a null bound is open. Open bounds stay open in
 * every range cut from this one, so the cuts cover exactly what this range covers, whatever
 * dates TMDB holds; where a cut falls, an open bound counts as the {@code earliest} or the
 * {@code latest} day the caller names ({@link #EARLIEST} unless it knows better).
 */
record DateRange(LocalDate from, LocalDate to) {

	/** The oldest film TMDB lists is from 1874: an open lower bound is cut as if it were this day. */
	static final LocalDate EARLIEST = LocalDate.of(1874, 1, 1);

	static DateRange of(ImportFilters filters) {
		return new DateRange(filters.releaseDateFrom(), filters.releaseDateTo());
	}

	/** Days in the range, open bounds counted from {@link #EARLIEST} and up to {@code latest}; at least 1. */
	long days(LocalDate latest) {
		return days(EARLIEST, latest);
	}

	/** Days in the range, open bounds counted from {@code earliest} and up to {@code latest}; at least 1. */
	long days(LocalDate earliest, LocalDate latest) {
		return last(earliest, latest).toEpochDay() - first(earliest).toEpochDay() + 1;
	}

	/**
	 * Cuts the range into {@code parts} consecutive ranges of (nearly) equal days, open bounds
	 * counted from {@code earliest} and up to {@code latest}, that together cover exactly this one.
	 * @param parts between 1 and {@link #days(LocalDate, LocalDate) days(earliest, latest)}
	 */
	List<DateRange> split(int parts, LocalDate earliest, LocalDate latest) {
		long days = days(earliest, latest);
		if (parts < 1 || parts > days) {
			throw new IllegalArgumentException(parts + " parts of " + days + " days");
		}
		long start = first(earliest).toEpochDay();
		List<DateRange> ranges = new ArrayList<>(parts);
		for (int i = 0; i < parts; i++) {
			LocalDate partFrom = (i == 0) ? from : LocalDate.ofEpochDay(start + i * days / parts);
			LocalDate partTo = (i == parts - 1) ? to : LocalDate.ofEpochDay(start + (i + 1) * days / parts - 1);
			ranges.add(new DateRange(partFrom, partTo));
		}
		return ranges;
	}

	private LocalDate first(LocalDate earliest) {
		if (from != null) {
			return from;
		}
		return (to != null && to.isBefore(earliest)) ? to : earliest;
	}

	private LocalDate last(LocalDate earliest, LocalDate latest) {
		if (to != null) {
			return to;
		}
		return latest.isAfter(first(earliest)) ? latest : first(earliest);
	}

	@Override
	public String toString() {
		return ((from != null) ? from : "…") + ".." + ((to != null) ? to : "…");
	}

}
