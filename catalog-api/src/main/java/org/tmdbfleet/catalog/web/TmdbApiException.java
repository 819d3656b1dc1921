package org.tmdbfleet.catalog.web;

import org.springframework.http.HttpStatus;

/** A request TMDB would refuse, with TMDB's HTTP status, status code and message. */
public final class TmdbApiException extends RuntimeException {

	private final HttpStatus status;

	private final int statusCode;

	private TmdbApiException(HttpStatus status, int statusCode, String message) {
		super(message, null, false, false);
		this.status = status;
		this.statusCode = statusCode;
	}

	HttpStatus status() {
		return this.status;
	}

	TmdbError error() {
		return new TmdbError(this.statusCode, getMessage());
	}

	public static TmdbApiException notFound() {
		return new TmdbApiException(HttpStatus.NOT_FOUND, 34, "The resource you requested could not be found.");
	}

	/** TMDB's words, kept though the mirror serves pages past 500: clients may match on them. */
	public static TmdbApiException invalidPage() {
		return new TmdbApiException(HttpStatus.BAD_REQUEST, 22,
				"Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.");
	}

	public static TmdbApiException invalidDate() {
		return new TmdbApiException(HttpStatus.BAD_REQUEST, 23, "Invalid date: Format needs to be YYYY-MM-DD.");
	}

	public static TmdbApiException invalidDateRange() {
		return new TmdbApiException(HttpStatus.UNPROCESSABLE_CONTENT, 20,
				"Invalid date range: Should be a range no longer than 14 days.");
	}

	public static TmdbApiException invalidParameters() {
		return new TmdbApiException(HttpStatus.UNPROCESSABLE_CONTENT, 5,
				"Invalid parameters: Your request parameters are incorrect.");
	}

	static TmdbApiException invalidApiKey() {
		return new TmdbApiException(HttpStatus.UNAUTHORIZED, 7,
				"Invalid API key: You must be granted a valid key.");
	}

	static TmdbApiException unavailable() {
		return new TmdbApiException(HttpStatus.SERVICE_UNAVAILABLE, 9,
				"Service offline: This service is temporarily offline, try again later.");
	}

	static TmdbApiException internalError() {
		return new TmdbApiException(HttpStatus.INTERNAL_SERVER_ERROR, 11,
				"Internal error: Something went wrong, contact TMDb.");
	}

}
