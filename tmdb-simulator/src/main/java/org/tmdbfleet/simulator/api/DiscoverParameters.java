package org.tmdbfleet.simulator.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import org.tmdbfleet.simulator.catalog.DiscoverQuery;
import org.tmdbfleet.simulator.catalog.DiscoverQuery.Range;
import org.tmdbfleet.simulator.catalog.SortBy;

/**
 * Reads discover's parameters into a {@link DiscoverQuery}, answering bad values as TMDB does: a
 * date that is not YYYY-MM-DD 400 with status 23; a sort, number or year that is not one 422 with
 * status 5. Search reads its year and {@code include_adult} the same way.
 */
final class DiscoverParameters {

	private DiscoverParameters() {
	}

	static DiscoverQuery query(Map<String, String> parameters) {
		// one release date per movie: release_date.* means primary_release_date.*, which wins when both are given
		DiscoverQuery query = DiscoverQuery.all(sort(parameters.get("sort_by")))
			.releasedBetween(Paging.date(primaryOr(parameters, "release_date.gte")),
					Paging.date(primaryOr(parameters, "release_date.lte")));
		Long year = year(parameters.get("primary_release_year"));
		if (year != null) {
			query = query.releasedIn(year);
		}
		String withGenres = parameters.get("with_genres");
		if (present(withGenres)) {
			query = query.withGenres(DiscoverQuery.genreGroups(withGenres));
		}
		String withoutGenres = parameters.get("without_genres");
		if (present(withoutGenres)) {
			query = query.withoutGenres(DiscoverQuery.genreMask(withoutGenres));
		}
		String language = parameters.get("with_original_language");
		if (present(language)) {
			query = query.withOriginalLanguage(language.strip());
		}
		return query.withVoteCount(range(parameters, "vote_count"))
			.withVoteAverage(range(parameters, "vote_average"))
			.withRuntime(range(parameters, "with_runtime"))
			.includingAdult(includeAdult(parameters.get("include_adult")));
	}

	/** A release year: an integer, or {@code null} when absent. */
	static Long year(String year) {
		if (!present(year)) {
			return null;
		}
		try {
			// BigInteger takes exactly an optionally signed run of digits; past a long, no movie's year anyway
			BigInteger value = new BigInteger(year.strip());
			return value.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
		}
		catch (NumberFormatException ex) {
			throw TmdbApiException.invalidParameters();
		}
	}

	/** {@code include_adult}: only {@code true} (in any case) includes adult titles. */
	static boolean includeAdult(String includeAdult) {
		return present(includeAdult) && Boolean.parseBoolean(includeAdult.strip());
	}

	private static SortBy sort(String sortBy) {
		if (!present(sortBy)) {
			return SortBy.POPULARITY_DESC;
		}
		return SortBy.parse(sortBy.strip()).orElseThrow(TmdbApiException::invalidParameters);
	}

	private static String primaryOr(Map<String, String> parameters, String name) {
		String primary = parameters.get("primary_" + name);
		return (primary != null) ? primary : parameters.get(name);
	}

	private static Range range(Map<String, String> parameters, String name) {
		return Range.of(number(parameters.get(name + ".gte")), number(parameters.get(name + ".lte")));
	}

	/**
	 * A decimal number ({@code 7}, {@code 7.5}, {@code 1e3}), or {@code null} when absent. Not
	 * Java's own {@code NaN}, {@code Infinity}, hexadecimal or {@code 7d}; a number beyond a double
	 * counts as the largest one, so a bound given is never open.
	 */
	private static Double number(String number) {
		if (!present(number)) {
			return null;
		}
		try {
			return Math.clamp(new BigDecimal(number.strip()).doubleValue(), -Double.MAX_VALUE, Double.MAX_VALUE);
		}
		catch (NumberFormatException ex) {
			throw TmdbApiException.invalidParameters();
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
