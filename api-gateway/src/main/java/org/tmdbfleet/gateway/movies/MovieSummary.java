package org.tmdbfleet.gateway.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A movie in a list of the catalog.
 *
 * @param deletedAt when TMDB answered 404 for it; null while TMDB has it
 */
record MovieSummary(long tmdbId, String title, String originalTitle, LocalDate releaseDate, Double popularity,
		Double voteAverage, Integer voteCount, List<Integer> genreIds, String posterPath, Instant deletedAt) {

	static MovieSummary of(Movie movie) {
		return new MovieSummary(movie.getTmdbId(), movie.getTitle(), movie.getOriginalTitle(), movie.getReleaseDate(),
				movie.getPopularity(), movie.getVoteAverage(), movie.getVoteCount(), genres(movie),
				movie.getPosterPath(), movie.getDeletedAt());
	}

	static List<Integer> genres(Movie movie) {
		return (movie.getGenreIds() != null) ? List.of(movie.getGenreIds()) : List.of();
	}

}
