package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tmdbfleet.common.messages.ImportFilters;

/**
 * Release days {@code from..to}, both inclusive; a null bound is open. Open bounds stay open in
 * every range cut from this one, so the cuts cover exactly what this range covers, whatever
 * dates TMDB holds; where a cut falls, an open bound counts as {@link #EARLIEST} or as the
 * {@code latest} day the caller names.
 */
record DateRange(LocalDate from, LocalDate to) {

	/** The oldest film TMDB lists is from 1874: an open lower bound is cut as if it were this day. */
	static final LocalDate EARLIEST = LocalDate.of(1874, 1, 1);

	static DateRange of(ImportFilters filters) {
		return new DateRange(filters.releaseDateFrom(), filters.releaseDateTo());
	}

	/** Days in the range, an open upper bound counted up to {@code latest}; at least 1. */
	long days(LocalDate latest) {
		return last(latest).toEpochDay() - first().toEpochDay() + 1;
	}

	/**
	 * Cuts the range into {@code parts} consecutive ranges of (nearly) equal days that together
	 * cover exactly this one.
	 * @param parts between 1 and {@link #days(LocalDate) days(latest)}
	 */
	List<DateRange> split(int parts, LocalDate latest) {
		long days = days(latest);
		if (parts < 1 || parts > days) {
			throw new IllegalArgumentException(parts + " parts of " + days + " days");
		}
		long start = first().toEpochDay();
		List<DateRange> ranges = new ArrayList<>(parts);
		for (int i = 0; i < parts; i++) {
			LocalDate partFrom = (i == 0) ? from : LocalDate.ofEpochDay(start + i * days / parts);
			LocalDate partTo = (i == parts - 1) ? to : LocalDate.ofEpochDay(start + (i + 1) * days / parts - 1);
			ranges.add(new DateRange(partFrom, partTo));
		}
		return ranges;
	}

	private LocalDate first() {
		if (from != null) {
			return from;
		}
		return (to != null && to.isBefore(EARLIEST)) ? to : EARLIEST;
	}

	private LocalDate last(LocalDate latest) {
		if (to != null) {
			return to;
		}
		return latest.isAfter(first()) ? latest : first();
	}

	@Override
	public String toString() {
		return ((from != null) ? from : "…") + ".." + ((to != null) ? to : "…");
	}

}
