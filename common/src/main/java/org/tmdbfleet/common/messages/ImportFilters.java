package org.tmdbfleet.common.messages;

import java.time.LocalDate;
import java.util.List;

/**
 * TMDB discover filters of an import; every field is optional.
 *
 * @param releaseDateFrom {@code primary_release_date.gte}
 * @param releaseDateTo {@code primary_release_date.lte}
 * @param genres {@code with_genres} (all of them)
 * @param sortBy {@code sort_by}, e.g. {@code popularity.desc}
 * @param language {@code with_original_language}
 * @param region {@code region}
 */
public record ImportFilters(LocalDate releaseDateFrom, LocalDate releaseDateTo, List<Integer> genres, String sortBy,
		String language, String region) {

	public static final ImportFilters NONE = new ImportFilters(null, null, null, null, null, null);

	public ImportFilters {
		genres = genres == null ? List.of() : List.copyOf(genres);
	}

}
