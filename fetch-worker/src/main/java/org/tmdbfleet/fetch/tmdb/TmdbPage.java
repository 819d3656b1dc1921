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

	/** The same page under the import's own number: a window's page 3 may be the import's 612. */
	public TmdbPage renumbered(int number) {
		return new TmdbPage(number, totalPages, totalResults, results);
	}

}
