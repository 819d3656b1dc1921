package org.tmdbfleet.gateway.movies;

import org.tmdbfleet.gateway.web.NotFound;

/** No movie in the catalog has the TMDB id a request names. */
final class MovieNotFound extends NotFound {

	MovieNotFound(long tmdbId) {
		super("No movie with TMDB id " + tmdbId);
	}

}
