package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.tmdbfleet.simulator.catalog.Movie;
import org.tmdbfleet.simulator.catalog.Movie.FleetExtra;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A movie in TMDB's list shape, as popular, top_rated, now_playing, upcoming and discover return it. */
@JsonNaming(SnakeCaseStrategy.class)
record ListMovieJson(boolean adult, String backdropPath, List<Integer> genreIds, int id, String originalLanguage,
		String originalTitle, String overview, double popularity, String posterPath, String releaseDate, String title,
		boolean video, Number voteAverage, int voteCount, @JsonInclude(Include.NON_NULL) List<String> originCountry,
		@JsonInclude(Include.NON_NULL) FleetExtra fleetExtra) {

	static ListMovieJson of(Movie movie) {
		return new ListMovieJson(movie.adult(), movie.backdropPath(), movie.genreIds(), movie.id(),
				movie.originalLanguage(), movie.originalTitle(), movie.overview(), movie.popularity(),
				movie.posterPath(), releaseDate(movie.releaseDate()), movie.title(), false,
				voteAverage(movie.voteTenths()), movie.voteCount(), movie.originCountry(), movie.fleetExtra());
	}

	/** TMDB sends an empty string, not null, for an unknown release date. */
	static String releaseDate(LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

	/** TMDB's JSON writes a whole average as an integer ({@code 7}, not {@code 7.0}); clients must cope. */
	static Number voteAverage(int tenths) {
		// not a conditional expression: that would promote the Integer to a Double again
		if (tenths % 10 == 0) {
			return tenths / 10;
		}
		return tenths / 10.0;
	}

}
