package org.tmdbfleet.simulator.api;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.tmdbfleet.simulator.catalog.Genre;
import org.tmdbfleet.simulator.catalog.Movie;
import org.tmdbfleet.simulator.catalog.Movie.FleetExtra;
import org.tmdbfleet.simulator.catalog.MovieDetails;
import org.tmdbfleet.simulator.catalog.MovieDetails.Credits;
import org.tmdbfleet.simulator.catalog.MovieDetails.ExternalIds;
import org.tmdbfleet.simulator.catalog.MovieDetails.Keywords;
import org.tmdbfleet.simulator.catalog.MovieDetails.ProductionCountry;
import org.tmdbfleet.simulator.catalog.MovieDetails.ReleaseDates;
import org.tmdbfleet.simulator.catalog.MovieDetails.SpokenLanguage;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A movie in TMDB's details shape; the four parts at the end appear only when asked for through
 * {@code append_to_response}.
 */
@JsonNaming(SnakeCaseStrategy.class)
record MovieDetailsJson(boolean adult, String backdropPath, Object belongsToCollection, long budget,
		List<Genre> genres, String homepage, int id, String imdbId,
		@JsonInclude(Include.NON_NULL) List<String> originCountry, String originalLanguage, String originalTitle,
		String overview, double popularity, String posterPath, List<Object> productionCompanies,
		List<ProductionCountry> productionCountries, String releaseDate, long revenue, Integer runtime,
		List<SpokenLanguage> spokenLanguages, String status, String tagline, String title, boolean video,
		Number voteAverage, int voteCount, @JsonInclude(Include.NON_NULL) FleetExtra fleetExtra,
		@JsonInclude(Include.NON_NULL) Credits credits, @JsonInclude(Include.NON_NULL) ExternalIds externalIds,
		@JsonInclude(Include.NON_NULL) Keywords keywords, @JsonInclude(Include.NON_NULL) ReleaseDates releaseDates) {

	static MovieDetailsJson of(MovieDetails details, Set<String> appended) {
		Movie movie = details.movie();
		return new MovieDetailsJson(movie.adult(), movie.backdropPath(), null, details.budget(), movie.genres(),
				details.homepage(), movie.id(), details.imdbId(), movie.originCountry(), movie.originalLanguage(),
				movie.originalTitle(), movie.overview(), movie.popularity(), movie.posterPath(), List.of(),
				details.productionCountries(), ListMovieJson.releaseDate(movie.releaseDate()), details.revenue(),
				details.runtime(), details.spokenLanguages(), details.status(), details.tagline(), movie.title(), false,
				ListMovieJson.voteAverage(movie.voteTenths()), movie.voteCount(), movie.fleetExtra(),
				appended.contains("credits") ? details.credits() : null,
				appended.contains("external_ids") ? details.externalIds() : null,
				appended.contains("keywords") ? details.keywords() : null,
				appended.contains("release_dates") ? details.releaseDates() : null);
	}

}
