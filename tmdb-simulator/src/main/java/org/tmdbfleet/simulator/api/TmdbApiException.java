package org.tmdbfleet.simulator.api;

import org.springframework.http.HttpStatus;

/** A request TMDB would reject; carries TMDB's HTTP status, status code and message. */
class TmdbApiException extends RuntimeException {

	private final HttpStatus status;

	private final TmdbError error;

	private TmdbApiException(HttpStatus status, int statusCode, String message) {
		super(message, null, false, false);
		this.status = status;
		this.error = new TmdbError(statusCode, message);
	}

	HttpStatus status() {
		return status;
	}

	TmdbError error() {
		return error;
	}

	static TmdbApiException notFound() {
		return new TmdbApiException(HttpStatus.NOT_FOUND, 34, TmdbError.NOT_FOUND);
	}

	static TmdbApiException invalidPage() {
		return new TmdbApiException(HttpStatus.BAD_REQUEST, 22,
				"Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.");
	}

	static TmdbApiException invalidDate() {
		return new TmdbApiException(HttpStatus.BAD_REQUEST, 23, "Invalid date: Format needs to be YYYY-MM-DD.");
	}

	static TmdbApiException invalidDateRange() {
		return new TmdbApiException(HttpStatus.UNPROCESSABLE_CONTENT, 20,
				"Invalid date range: Should be a range no longer than 14 days.");
	}

	static TmdbApiException invalidParameters() {
		return new TmdbApiException(HttpStatus.UNPROCESSABLE_CONTENT, 5, TmdbError.INVALID_PARAMETERS);
	}

}
