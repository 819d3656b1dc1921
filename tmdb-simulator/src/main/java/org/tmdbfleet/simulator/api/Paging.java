package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.tmdbfleet.simulator.api.ResultsPage.Dates;

/** TMDB's rules for the {@code page} parameter and for cutting a ranked list into pages. */
final class Paging {

	static final int LIST_PAGE_SIZE = 20;

	static final int MAX_PAGE = 500;

	private Paging() {
	}

	/** The page asked for: 1 when absent, else an integer in 1..500 or TMDB's status 22. */
	static int page(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			int number = Integer.parseInt(page.strip());
			if (number >= 1 && number <= MAX_PAGE) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to TMDB's answer for any page that is not an integer in range
		}
		throw TmdbApiException.invalidPage();
	}

	/**
	 * A YYYY-MM-DD date, {@code null} when absent, else TMDB's status 23: exactly four digits of
	 * year, so a date such as {@code +999999999-12-31}, which LocalDate takes, is refused too.
	 */
	static LocalDate date(String date) {
		if (date == null || date.isBlank()) {
			return null;
		}
		String stripped = date.strip();
		if (!stripped.matches("\\d{4}-\\d{2}-\\d{2}")) {
			throw TmdbApiException.invalidDate();
		}
		try {
			return LocalDate.parse(stripped);
		}
		catch (DateTimeParseException ex) {
			throw TmdbApiException.invalidDate();
		}
	}

	/**
	 * One page of {@code ranked}, rotated by {@code drift}: position i shows the item at
	 * (i - drift) mod n, which is how movies "move between pages" while a client pages through.
	 */
	static <T> ResultsPage<T> slice(int[] ranked, int page, int pageSize, long drift, Dates dates,
			IntFunction<T> item) {
		int total = ranked.length;
		List<T> results = new ArrayList<>(pageSize);
		long from = (long) (page - 1) * pageSize;
		for (long position = from; position < Math.min(total, from + pageSize); position++) {
			results.add(item.apply(ranked[(int) Math.floorMod(position - drift, (long) total)]));
		}
		int totalPages = (total + pageSize - 1) / pageSize;
		return new ResultsPage<>(dates, page, results, totalPages, total);
	}

}
