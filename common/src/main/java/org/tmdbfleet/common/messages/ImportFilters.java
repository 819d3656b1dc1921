package org.tmdbfleet.common.messages;

import java.time.LocalDate;
import java.util.List;

/**
 * What of its source an import takes; every field is optional. The discover filters, and for
 * {@code changes} the dates of the changes.
 *
 * @param releaseDateFrom {@code primary_release_date.gte}
 * @param releaseDateTo {@code primary_release_date.lte}
 * @param genres {@code with_genres} (all of them)
 * @param sortBy {@code sort_by}, e.g. {@code popularity.desc}
 * @param language {@code with_original_language}
 * @param region {@code region}
 * @param changedFrom the first day of a changes import (TMDB's {@code start_date}); with {@code
 * changedTo}, or neither: TMDB's default, the last 24 hours
 * @param changedTo the last day of a changes import (TMDB's {@code end_date}), inclusive
 * @param includeAdult a catalog import also takes the adult titles (TMDB's separate export);
 * null: no
 */
public record ImportFilters(LocalDate releaseDateFrom, LocalDate releaseDateTo, List<Integer> genres, String sortBy,
		String language, String region, LocalDate changedFrom, LocalDate changedTo, Boolean includeAdult) {

	public static final ImportFilters NONE = new ImportFilters(null, null, null, null, null, null);

	public ImportFilters {
		genres = genres == null ? List.of() : List.copyOf(genres);
	}

	/** Discover's filters. */
	public ImportFilters(LocalDate releaseDateFrom, LocalDate releaseDateTo, List<Integer> genres, String sortBy,
			String language, String region) {
		this(releaseDateFrom, releaseDateTo, genres, sortBy, language, region, null, null);
	}

	/** Discover's filters and a changes import's days. */
	public ImportFilters(LocalDate releaseDateFrom, LocalDate releaseDateTo, List<Integer> genres, String sortBy,
			String language, String region, LocalDate changedFrom, LocalDate changedTo) {
		this(releaseDateFrom, releaseDateTo, genres, sortBy, language, region, changedFrom, changedTo, null);
	}

	/** A changes import's days. */
	public static ImportFilters changed(LocalDate from, LocalDate to) {
		return new ImportFilters(null, null, null, null, null, null, from, to);
	}

	/** A catalog import's: whether it takes the adult titles too. */
	public static ImportFilters catalog(boolean includeAdult) {
		return new ImportFilters(null, null, null, null, null, null, null, null, includeAdult ? true : null);
	}

	/** Whether a catalog import takes the adult titles too. */
	public boolean adultIncluded() {
		return Boolean.TRUE.equals(includeAdult);
	}

}
