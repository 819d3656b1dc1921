package org.tmdbfleet.gateway.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A movie with everything stored about it.
 *
 * @param topCast the first five billed cast members, null until a details import fetched them
 * @param directors null until a details import fetched them
 * @param payload TMDB's JSON as it was received, unknown fields included: the list item and the
 * details answer, the newer one's keys on top
 * @param fetchedAt when TMDB answered with this state
 * @param deletedAt when TMDB answered 404 for it (deleted or merged); null while TMDB has it
 */
record MovieDetail(long tmdbId, String imdbId, String title, String originalTitle, String originalLanguage,
		String overview, LocalDate releaseDate, Double popularity, Double voteAverage, Integer voteCount,
		boolean adult, Integer runtime, String posterPath, String backdropPath, List<Integer> genreIds,
		Instant fetchedAt, Instant updatedAt, Instant deletedAt,
		@Schema(type = "array", description = "[{id, name, character}]: the first five billed (details imports)")
		@JsonRawValue String topCast,
		@Schema(type = "array", description = "[{id, name}] (details imports)") @JsonRawValue String directors,
		@Schema(type = "object", description = "TMDB's JSON as it was received") @JsonRawValue String payload) {

	/** @param payload the stored jsonb as text: valid JSON, so it is written as it is */
	static MovieDetail of(Movie movie, String payload) {
		return new MovieDetail(movie.getTmdbId(), movie.getImdbId(), movie.getTitle(), movie.getOriginalTitle(),
				movie.getOriginalLanguage(), movie.getOverview(), movie.getReleaseDate(), movie.getPopularity(),
				movie.getVoteAverage(), movie.getVoteCount(), movie.isAdult(), movie.getRuntime(),
				movie.getPosterPath(), movie.getBackdropPath(), MovieSummary.genres(movie), movie.getFetchedAt(),
				movie.getUpdatedAt(), movie.getDeletedAt(), movie.getTopCast(), movie.getDirectors(), payload);
	}

}
