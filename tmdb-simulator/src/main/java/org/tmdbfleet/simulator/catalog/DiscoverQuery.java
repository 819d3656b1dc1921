package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A filtered, sorted view of the catalog; the list endpoints and discover are all such views.
 * Being a record, it doubles as the key of the cached result.
 *
 * @param releasedFrom inclusive lower bound of the release date, or {@code null}
 * @param releasedTo inclusive upper bound of the release date, or {@code null}
 * @param genreGroups genre masks that must all match, each by at least one of its genres
 * @param originalLanguage ISO 639-1 code, or {@code null} for any
 * @param minVoteCount smallest vote count included
 */
public record DiscoverQuery(LocalDate releasedFrom, LocalDate releasedTo, List<Integer> genreGroups,
		String originalLanguage, int minVoteCount, SortBy sortBy) {

	public static DiscoverQuery all(SortBy sortBy) {
		return new DiscoverQuery(null, null, List.of(), null, 0, sortBy);
	}

	public DiscoverQuery releasedBetween(LocalDate from, LocalDate to) {
		return new DiscoverQuery(from, to, genreGroups, originalLanguage, minVoteCount, sortBy);
	}

	public DiscoverQuery withGenres(List<Integer> groups) {
		return new DiscoverQuery(releasedFrom, releasedTo, List.copyOf(groups), originalLanguage, minVoteCount, sortBy);
	}

	public DiscoverQuery withOriginalLanguage(String language) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, language, minVoteCount, sortBy);
	}

	public DiscoverQuery withMinVoteCount(int votes) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, originalLanguage, votes, sortBy);
	}

	/**
	 * Parses TMDB's {@code with_genres}: a comma means AND, a pipe means OR, so "28,12|16" is
	 * Action and (Adventure or Animation). An unknown id gives a group no movie matches.
	 */
	public static List<Integer> genreGroups(String withGenres) {
		List<Integer> groups = new ArrayList<>();
		for (String group : withGenres.split(",")) {
			int mask = 0;
			for (String id : group.split("\\|")) {
				String trimmed = id.strip();
				mask |= trimmed.matches("\\d{1,9}") ? Genre.bit(Integer.parseInt(trimmed)) : 0;
			}
			if (!group.isBlank()) {
				groups.add(mask);
			}
		}
		return groups;
	}

	boolean filters() {
		return releasedFrom != null || releasedTo != null || !genreGroups.isEmpty() || originalLanguage != null
				|| minVoteCount > 0;
	}

	/** A predicate over catalog indices, with every bound converted to primitives once. */
	IntPredicate filter(Catalog catalog) {
		boolean byDate = releasedFrom != null || releasedTo != null;
		int from = (releasedFrom != null) ? (int) releasedFrom.toEpochDay() : Integer.MIN_VALUE + 1;
		int to = (releasedTo != null) ? (int) releasedTo.toEpochDay() : Integer.MAX_VALUE;
		int[] groups = genreGroups.stream().mapToInt(Integer::intValue).toArray();
		int language = (originalLanguage != null) ? Language.indexOf(originalLanguage) : -2;
		return (i) -> {
			int day = catalog.releaseDays[i];
			if (byDate && (day == Catalog.NO_DATE || day < from || day > to)) {
				return false;
			}
			for (int group : groups) {
				if ((catalog.genreMasks[i] & group) == 0) {
					return false;
				}
			}
			return (language == -2 || catalog.languages[i] == language) && catalog.voteCounts[i] >= minVoteCount;
		};
	}

}
