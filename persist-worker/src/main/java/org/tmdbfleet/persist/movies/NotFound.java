package org.tmdbfleet.persist.movies;

import java.time.Instant;

/**
 * TMDB's own answer that it does not know a movie (404 with {@code status_code} 34).
 *
 * @param answeredAt when TMDB said so; the movie is marked deleted only if no stored fetch that
 * found it is newer, and stays deleted against fetches older than this
 */
record NotFound(long tmdbId, Instant answeredAt) {
}
