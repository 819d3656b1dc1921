package org.tmdbfleet.simulator.api;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** TMDB's answer to {@code /3/find}: the catalog has movies only, so the other lists are always empty. */
@JsonNaming(SnakeCaseStrategy.class)
record FindJson(List<ListMovieJson> movieResults, List<Object> personResults, List<Object> tvResults,
		List<Object> tvEpisodeResults, List<Object> tvSeasonResults) {

	static FindJson movies(List<ListMovieJson> movies) {
		return new FindJson(movies, List.of(), List.of(), List.of(), List.of());
	}

}
