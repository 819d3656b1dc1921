package org.tmdbfleet.simulator.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The {@code sort_by} values of TMDB's discover endpoint that the simulator supports. */
public enum SortBy {

	POPULARITY_DESC("popularity.desc"), POPULARITY_ASC("popularity.asc"), VOTE_AVERAGE_DESC("vote_average.desc"),
	VOTE_AVERAGE_ASC("vote_average.asc"), VOTE_COUNT_DESC("vote_count.desc"), VOTE_COUNT_ASC("vote_count.asc"),
	RELEASE_DATE_DESC("primary_release_date.desc"), RELEASE_DATE_ASC("primary_release_date.asc"),
	TITLE_ASC("title.asc"), TITLE_DESC("title.desc"), ORIGINAL_TITLE_ASC("original_title.asc"),
	ORIGINAL_TITLE_DESC("original_title.desc");

	private final String value;

	SortBy(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	/** Parses a {@code sort_by} value; TMDB also accepts {@code release_date.*} for the date sorts. */
	public static Optional<SortBy> parse(String value) {
		String primary = value.startsWith("release_date.") ? "primary_" + value : value;
		return Arrays.stream(values()).filter((sort) -> sort.value.equals(primary)).findFirst();
	}

}
