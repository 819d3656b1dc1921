package org.tmdbfleet.simulator.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * TMDB's paged envelope. {@code totalPages} is the true count even beyond the 500 pages TMDB
 * serves; {@code dates} appears on now_playing and upcoming only.
 */
@JsonNaming(SnakeCaseStrategy.class)
record ResultsPage<T>(@JsonInclude(Include.NON_NULL) Dates dates, int page, List<T> results, int totalPages,
		int totalResults) {

	record Dates(String maximum, String minimum) {
	}

}
