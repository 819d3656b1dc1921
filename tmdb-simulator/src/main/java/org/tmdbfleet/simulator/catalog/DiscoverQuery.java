package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A filtered, sorted view of the catalog; the list endpoints, discover and search are all such
 * views. Being a record, it doubles as the key of the cached result.
 *
 * @param releasedFrom inclusive lower bound of the release date, or {@code null}
 * @param releasedTo inclusive upper bound of the release date, or {@code null}
 * @param genreGroups genre masks that must all match, each by at least one of its genres
 * @param withoutGenres genre mask of which a movie must have none
 * @param originalLanguage ISO 639-1 code, or {@code null} for any
 * @param voteCount bounds of the vote count
 * @param voteAverage bounds of the vote average (as the lists show it, one decimal)
 * @param runtime bounds of the runtime in minutes; bounded, it leaves out movies without one
 * @param includeAdult whether adult titles are in, as with TMDB's {@code include_adult=true}
 */
public record DiscoverQuery(LocalDate releasedFrom, LocalDate releasedTo, List<Integer> genreGroups,
		int withoutGenres, String originalLanguage, Range voteCount, Range voteAverage, Range runtime,
		boolean includeAdult, SortBy sortBy) {

	/** No release year is this far out: it keeps a year's days within an int, and matches nothing. */
	private static final int FARTHEST_YEAR = 10_000;

	public static DiscoverQuery all(SortBy sortBy) {
		return new DiscoverQuery(null, null, List.of(), 0, null, Range.ANY, Range.ANY, Range.ANY, false, sortBy);
	}

	public DiscoverQuery releasedBetween(LocalDate from, LocalDate to) {
		return new DiscoverQuery(from, to, genreGroups, withoutGenres, originalLanguage, voteCount, voteAverage, runtime,
				includeAdult, sortBy);
	}

	/** Narrows the release dates to those of {@code year}; with bounds already set, to both. */
	public DiscoverQuery releasedIn(long year) {
		LocalDate first = LocalDate.ofYearDay(Math.clamp(year, -FARTHEST_YEAR, FARTHEST_YEAR), 1);
		LocalDate last = first.withDayOfYear(first.lengthOfYear());
		return releasedBetween((releasedFrom == null || first.isAfter(releasedFrom)) ? first : releasedFrom,
				(releasedTo == null || last.isBefore(releasedTo)) ? last : releasedTo);
	}

	public DiscoverQuery withGenres(List<Integer> groups) {
		return new DiscoverQuery(releasedFrom, releasedTo, List.copyOf(groups), withoutGenres, originalLanguage,
				voteCount, voteAverage, runtime, includeAdult, sortBy);
	}

	public DiscoverQuery withoutGenres(int mask) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, mask, originalLanguage, voteCount, voteAverage,
				runtime, includeAdult, sortBy);
	}

	public DiscoverQuery withOriginalLanguage(String language) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, withoutGenres, language, voteCount, voteAverage,
				runtime, includeAdult, sortBy);
	}

	public DiscoverQuery withVoteCount(Range range) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, withoutGenres, originalLanguage, range,
				voteAverage, runtime, includeAdult, sortBy);
	}

	public DiscoverQuery withVoteAverage(Range range) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, withoutGenres, originalLanguage, voteCount,
				range, runtime, includeAdult, sortBy);
	}

	public DiscoverQuery withRuntime(Range range) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, withoutGenres, originalLanguage, voteCount,
				voteAverage, range, includeAdult, sortBy);
	}

	public DiscoverQuery includingAdult(boolean adult) {
		return new DiscoverQuery(releasedFrom, releasedTo, genreGroups, withoutGenres, originalLanguage, voteCount,
				voteAverage, runtime, adult, sortBy);
	}

	/**
	 * Parses TMDB's {@code with_genres}: a comma means AND, a pipe means OR, so "28,12|16" is
	 * Action and (Adventure or Animation). An unknown id gives a group no movie matches.
	 */
	public static List<Integer> genreGroups(String withGenres) {
		List<Integer> groups = new ArrayList<>();
		for (String group : withGenres.split(",")) {
			if (!group.isBlank()) {
				groups.add(genreMask(group));
			}
		}
		return groups;
	}

	/**
	 * The genres listed, separated by commas or pipes, as one mask: {@code without_genres} leaves
	 * out a movie with any of them. An id TMDB does not have adds nothing.
	 */
	public static int genreMask(String genres) {
		int mask = 0;
		for (String id : genres.split("[,|]")) {
			String trimmed = id.strip();
			mask |= trimmed.matches("\\d{1,9}") ? Genre.bit(Integer.parseInt(trimmed)) : 0;
		}
		return mask;
	}

	boolean filters() {
		return releasedFrom != null || releasedTo != null || !genreGroups.isEmpty() || withoutGenres != 0
				|| originalLanguage != null || voteCount.bounded() || voteAverage.bounded() || runtime.bounded();
	}

	/** A predicate over catalog indices, with every bound converted to primitives once. */
	IntPredicate filter(Catalog catalog) {
		boolean byDate = releasedFrom != null || releasedTo != null;
		int from = (releasedFrom != null) ? (int) releasedFrom.toEpochDay() : Integer.MIN_VALUE + 1;
		int to = (releasedTo != null) ? (int) releasedTo.toEpochDay() : Integer.MAX_VALUE;
		int[] groups = genreGroups.stream().mapToInt(Integer::intValue).toArray();
		int language = (originalLanguage != null) ? Language.indexOf(originalLanguage) : -2;
		boolean byRuntime = runtime.bounded();
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
			if ((catalog.genreMasks[i] & withoutGenres) != 0 || (language != -2 && catalog.languages[i] != language)) {
				return false;
			}
			short minutes = catalog.runtimes[i];
			if (byRuntime && (minutes == Catalog.NO_RUNTIME || !runtime.contains(minutes))) {
				return false;
			}
			return voteCount.contains(catalog.voteCounts[i]) && voteAverage.contains(catalog.voteTenths[i] / 10.0);
		};
	}

	/** Inclusive bounds on a number; {@link #ANY} bounds nothing. */
	public record Range(double min, double max) {

		public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

		public static Range atLeast(double min) {
			return new Range(min, Double.POSITIVE_INFINITY);
		}

		/** Bounds from the given values; {@code null} leaves that side open. */
		public static Range of(Double min, Double max) {
			return new Range((min != null) ? min : Double.NEGATIVE_INFINITY,
					(max != null) ? max : Double.POSITIVE_INFINITY);
		}

		boolean bounded() {
			return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY;
		}

		boolean contains(double value) {
			return value >= min && value <= max;
		}

	}

}
