package org.tmdbfleet.catalog.lists;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.tmdbfleet.catalog.web.TmdbApiException;

/**
 * TMDB's query parameters of lists, discover and search, parsed with TMDB's errors and bounded: a
 * value the type allows but no movie can have (year 2147483647, a date in year 0) becomes a filter
 * that matches nothing or everything, never work that does not end. A blank value is an absent one.
 */
final class ListParameters {

	/** The dates a stored movie has: TMDB's four-digit years. */
	static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

	static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	/** More AND-groups of alternative genres than TMDB has genres (19) is not a question, it is an attack. */
	static final int MAX_GENRE_GROUPS = 20;

	private static final Range<LocalDate> NO_DAY = new Range<>(LAST_DAY, FIRST_DAY);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	/** A decimal number as a query string writes one; no NaN, Infinity, hex or Java's {@code 1d}. */
	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

	private static final Pattern GENRE_ID = Pattern.compile("\\d{1,9}");

	private ListParameters() {
	}

	/** A {@code YYYY-MM-DD} date, or TMDB's 400 with status code 23. */
	static LocalDate date(String value) {
		if (blank(value)) {
			return null;
		}
		if (!DATE.matcher(value.strip()).matches()) {
			throw TmdbApiException.invalidDate();
		}
		try {
			LocalDate date = LocalDate.parse(value.strip());
			return date.isBefore(FIRST_DAY) ? FIRST_DAY : date;
		}
		catch (DateTimeParseException ex) {
			throw TmdbApiException.invalidDate();
		}
	}

	/** The days of a release year; an integer no date has (0, 2147483647) matches nothing; else 422/5. */
	static Range<LocalDate> year(String value) {
		if (blank(value)) {
			return Range.any();
		}
		if (!INTEGER.matcher(value.strip()).matches()) {
			throw TmdbApiException.invalidParameters();
		}
		BigInteger year = new BigInteger(value.strip());
		if (year.compareTo(BigInteger.valueOf(FIRST_DAY.getYear())) < 0
				|| year.compareTo(BigInteger.valueOf(LAST_DAY.getYear())) > 0) {
			return NO_DAY;
		}
		return new Range<>(LocalDate.of(year.intValue(), 1, 1), LocalDate.of(year.intValue(), 12, 31));
	}

	/** {@code .gte} and {@code .lte} of a decimal column (vote_average); not a number is 422/5. */
	static Range<Double> decimals(String gte, String lte) {
		return new Range<>(number(gte), number(lte));
	}

	/**
	 * {@code .gte} and {@code .lte} of a whole-number column (vote_count, runtime): {@code 7.5}
	 * as a lower bound is 8, as an upper bound 7, so the column's own index serves the range.
	 * Beyond a long the bound saturates, which no column reaches.
	 */
	static Range<Long> wholeNumbers(String gte, String lte) {
		Double from = number(gte);
		Double to = number(lte);
		return new Range<>((from != null) ? (long) Math.ceil(from) : null, (to != null) ? (long) Math.floor(to) : null);
	}

	static boolean includeAdult(String value) {
		return !blank(value) && Boolean.parseBoolean(value.strip());
	}

	/**
	 * {@code with_genres}: {@code ,} is AND and {@code |} is OR, so {@code 28,12|16} is [[28], [12, 16]].
	 * An id that is not a number is left out, so a group of none matches nothing; a blank group is
	 * no group. Identical groups count once.
	 */
	static List<List<Integer>> genreGroups(String value) {
		if (blank(value)) {
			return List.of();
		}
		Set<List<Integer>> groups = new LinkedHashSet<>();
		for (String group : value.split(",")) {
			if (!group.isBlank()) {
				groups.add(ids(group.split("\\|")));
			}
		}
		if (groups.size() > MAX_GENRE_GROUPS) {
			throw TmdbApiException.invalidParameters();
		}
		return new ArrayList<>(groups);
	}

	/** {@code without_genres}: ids separated by {@code ,} or {@code |}, none of which a movie may have. */
	static List<Integer> genreIds(String value) {
		return blank(value) ? List.of() : ids(value.split("[,|]"));
	}

	static String language(String value) {
		return blank(value) ? null : value.strip();
	}

	private static List<Integer> ids(String[] values) {
		return Arrays.stream(values).map(String::strip).filter((id) -> GENRE_ID.matcher(id).matches())
			.map(Integer::valueOf).distinct().sorted().toList();
	}

	private static Double number(String value) {
		if (blank(value)) {
			return null;
		}
		if (!NUMBER.matcher(value.strip()).matches()) {
			throw TmdbApiException.invalidParameters();
		}
		return Double.valueOf(value.strip());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
