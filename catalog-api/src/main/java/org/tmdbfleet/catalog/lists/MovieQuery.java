package org.tmdbfleet.catalog.lists;

import java.time.LocalDate;
import java.util.List;

/**
 * Which movies a list shows, and in which order: the filters of TMDB's lists, discover and search,
 * parsed and bounded. An unbounded range or a {@code null} leaves its field unfiltered; live movies
 * only, always (docs/catalog-api.md, "Which movies a list shows").
 *
 * @param withGenres groups of genre ids; a movie has at least one genre of every group
 * @param withoutGenres genre ids a movie has none of
 * @param title the text a title or original title matches (search), or {@code null}
 */
record MovieQuery(SortBy sortBy, boolean includeAdult, Range<LocalDate> released, List<List<Integer>> withGenres,
		List<Integer> withoutGenres, Range<Double> voteAverage, Range<Long> voteCount, Range<Long> runtime,
		String originalLanguage, String title) {

	/** Every live movie that is not adult, in the given order. */
	static MovieQuery all(SortBy sortBy) {
		return new MovieQuery(sortBy, false, Range.any(), List.of(), List.of(), Range.any(), Range.any(), Range.any(),
				null, null);
	}

	MovieQuery includingAdult(boolean include) {
		return new MovieQuery(this.sortBy, include, this.released, this.withGenres, this.withoutGenres,
				this.voteAverage, this.voteCount, this.runtime, this.originalLanguage, this.title);
	}

	/** Released within the range as well: a date filter leaves out movies without a date. */
	MovieQuery releasedIn(Range<LocalDate> range) {
		return new MovieQuery(this.sortBy, this.includeAdult, this.released.and(range), this.withGenres,
				this.withoutGenres, this.voteAverage, this.voteCount, this.runtime, this.originalLanguage, this.title);
	}

	MovieQuery withGenres(List<List<Integer>> groups, List<Integer> without) {
		return new MovieQuery(this.sortBy, this.includeAdult, this.released, List.copyOf(groups), List.copyOf(without),
				this.voteAverage, this.voteCount, this.runtime, this.originalLanguage, this.title);
	}

	MovieQuery withVotes(Range<Double> average, Range<Long> count) {
		return new MovieQuery(this.sortBy, this.includeAdult, this.released, this.withGenres, this.withoutGenres,
				this.voteAverage.and(average), this.voteCount.and(count), this.runtime, this.originalLanguage,
				this.title);
	}

	MovieQuery withRuntime(Range<Long> minutes) {
		return new MovieQuery(this.sortBy, this.includeAdult, this.released, this.withGenres, this.withoutGenres,
				this.voteAverage, this.voteCount, this.runtime.and(minutes), this.originalLanguage, this.title);
	}

	MovieQuery withOriginalLanguage(String language) {
		return new MovieQuery(this.sortBy, this.includeAdult, this.released, this.withGenres, this.withoutGenres,
				this.voteAverage, this.voteCount, this.runtime, language, this.title);
	}

	MovieQuery titled(String text) {
		return new MovieQuery(this.sortBy, this.includeAdult, this.released, this.withGenres, this.withoutGenres,
				this.voteAverage, this.voteCount, this.runtime, this.originalLanguage, text);
	}

}
