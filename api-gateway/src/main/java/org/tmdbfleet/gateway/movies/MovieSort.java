package org.tmdbfleet.gateway.movies;

import java.util.Locale;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;

/** The orders the catalog can be read in; ties are broken by TMDB id, so pages never overlap. */
enum MovieSort {

	POPULARITY("popularity", Direction.DESC),

	VOTE_AVERAGE("voteAverage", Direction.DESC),

	RELEASE_DATE("releaseDate", Direction.DESC),

	TITLE("title", Direction.ASC);

	/** {@code field} or {@code field.asc|desc}, as the query parameter takes it. */
	static final String FORMAT = "(popularity|vote_average|release_date|title)(\\.(asc|desc))?";

	private final String property;

	private final Direction naturalDirection;

	MovieSort(String property, Direction naturalDirection) {
		this.property = property;
		this.naturalDirection = naturalDirection;
	}

	/** @param value a value matching {@link #FORMAT} */
	static Sort parse(String value) {
		String[] parts = value.split("\\.");
		MovieSort by = valueOf(parts[0].toUpperCase(Locale.ROOT));
		Direction direction = (parts.length > 1) ? Direction.fromString(parts[1]) : by.naturalDirection;
		// movies TMDB knows little about (no popularity, no date) come last either way
		return Sort.by(new Sort.Order(direction, by.property).nullsLast(), new Sort.Order(direction, "tmdbId"));
	}

}
