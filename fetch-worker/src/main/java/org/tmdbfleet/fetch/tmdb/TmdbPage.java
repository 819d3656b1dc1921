package org.tmdbfleet.fetch.tmdb;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One page of a TMDB list.
 *
 * @param results TMDB's movie objects, unchanged
 */
public record TmdbPage(int page, int totalPages, long totalResults, List<JsonNode> results) {

	public TmdbPage {
		results = List.copyOf(results);
	}

}
