package org.tmdbfleet.fetch.tmdb;

/**
 * TMDB did not give us what we asked for. {@link #isTransient()} tells whether asking again
 * later can help (5xx, 429, timeouts, resets, a garbled body) or not (bad credentials, a page
 * TMDB refuses, an unknown id). Messages never contain the request URL: it may hold the api key.
 */
public class TmdbException extends RuntimeException {

	/** TMDB's {@code status_code} for "The resource you requested could not be found." */
	static final int TMDB_NOT_FOUND = 34;

	private final boolean transientFailure;

	private final int httpStatus;

	private final int tmdbStatusCode;

	TmdbException(String message, boolean transientFailure, int httpStatus, int tmdbStatusCode) {
		super(message);
		this.transientFailure = transientFailure;
		this.httpStatus = httpStatus;
		this.tmdbStatusCode = tmdbStatusCode;
	}

	public boolean isTransient() {
		return transientFailure;
	}

	/** HTTP status TMDB answered with, 0 when no response arrived. */
	public int httpStatus() {
		return httpStatus;
	}

	/**
	 * TMDB itself said it does not know what was asked: 404 with its {@code status_code} 34. A 404
	 * without it (a proxy's or a CDN's error page) says nothing about the movie.
	 */
	public boolean isTmdbNotFound() {
		return httpStatus == 404 && tmdbStatusCode == TMDB_NOT_FOUND;
	}

	/** TMDB's own {@code status_code} from the error body, 0 when there was none. */
	public int tmdbStatusCode() {
		return tmdbStatusCode;
	}

}
