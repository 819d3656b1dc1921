package org.tmdbfleet.catalog.lists;

import java.util.Arrays;

import org.tmdbfleet.catalog.web.TmdbApiException;

/**
 * TMDB's {@code sort_by} values, each with its {@code ORDER BY} on the row {@code m} of
 * {@code movies} (docs/catalog-api.md, "Orders"). Every order ends with the id ascending, so a
 * page never depends on how PostgreSQL happened to read ties. A missing number or title ranks
 * lowest (last in a descending order, first in an ascending one), which lets one index serve both
 * directions; a movie without a date comes last both ways, as the spec says.
 */
enum SortBy {

	POPULARITY_DESC("popularity.desc", "m.popularity desc nulls last, m.tmdb_id"),
	POPULARITY_ASC("popularity.asc", "m.popularity asc nulls first, m.tmdb_id"),
	VOTE_AVERAGE_DESC("vote_average.desc", "m.vote_average desc nulls last, m.vote_count desc nulls last, m.tmdb_id"),
	VOTE_AVERAGE_ASC("vote_average.asc", "m.vote_average asc nulls first, m.vote_count desc nulls last, m.tmdb_id"),
	VOTE_COUNT_DESC("vote_count.desc", "m.vote_count desc nulls last, m.tmdb_id"),
	VOTE_COUNT_ASC("vote_count.asc", "m.vote_count asc nulls first, m.tmdb_id"),
	RELEASE_DATE_DESC("primary_release_date.desc", "m.release_date desc nulls last, m.tmdb_id"),
	RELEASE_DATE_ASC("primary_release_date.asc", "m.release_date asc nulls last, m.tmdb_id"),
	TITLE_DESC("title.desc", "m.title collate \"C\" desc nulls last, m.tmdb_id"),
	TITLE_ASC("title.asc", "m.title collate \"C\" asc nulls first, m.tmdb_id"),
	ORIGINAL_TITLE_DESC("original_title.desc", "m.original_title collate \"C\" desc nulls last, m.tmdb_id"),
	ORIGINAL_TITLE_ASC("original_title.asc", "m.original_title collate \"C\" asc nulls first, m.tmdb_id");

	private final String value;

	private final String orderBy;

	SortBy(String value, String orderBy) {
		this.value = value;
		this.orderBy = orderBy;
	}

	/** TMDB's name of the order, as {@code sort_by} takes it. */
	String value() {
		return this.value;
	}

	/** The {@code ORDER BY} list: fixed text, chosen by the enum, never taken from the request. */
	String orderBy() {
		return this.orderBy;
	}

	/**
	 * The order {@code sort_by} names: {@code popularity.desc} when absent, {@code release_date.*}
	 * as {@code primary_release_date.*}, anything else TMDB's 422 with status code 5.
	 */
	static SortBy parse(String sortBy) {
		if (sortBy == null || sortBy.isBlank()) {
			return POPULARITY_DESC;
		}
		String name = sortBy.strip().startsWith("release_date.") ? "primary_" + sortBy.strip() : sortBy.strip();
		return Arrays.stream(values()).filter((sort) -> sort.value.equals(name)).findFirst()
			.orElseThrow(TmdbApiException::invalidParameters);
	}

}
