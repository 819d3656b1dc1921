package org.tmdbfleet.catalog.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error in TMDB's shape, so a TMDB client reads the mirror's errors as TMDB's. */
@RestControllerAdvice
class TmdbErrorAdvice {

	private static final Logger logger = LoggerFactory.getLogger(TmdbErrorAdvice.class);

	@ExceptionHandler
	ResponseEntity<TmdbError> refused(TmdbApiException ex) {
		return answer(ex);
	}

	/** An unknown path is TMDB's 34, as for an unknown movie. */
	@ExceptionHandler
	ResponseEntity<TmdbError> unknownPath(NoResourceFoundException ex) {
		return answer(TmdbApiException.notFound());
	}

	/**
	 * A request Spring refused (a parameter it could not bind, a method not served): its status
	 * with TMDB's "invalid parameters". Anything else is a bug, logged, and TMDB's internal error.
	 */
	@ExceptionHandler
	ResponseEntity<TmdbError> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
			return ResponseEntity.status(refused.getStatusCode()).body(TmdbApiException.invalidParameters().error());
		}
		logger.error("Request failed", ex);
		return ResponseEntity.internalServerError().body(TmdbApiException.internalError().error());
	}

	/** The database is down or too slow: the client may retry, as it would TMDB's 503. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, QueryTimeoutException.class })
	ResponseEntity<TmdbError> databaseUnavailable(RuntimeException ex) {
		logger.warn("Catalog database unavailable: {}", ex.getMessage());
		return answer(TmdbApiException.unavailable());
	}

	private static ResponseEntity<TmdbError> answer(TmdbApiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.error());
	}

}
