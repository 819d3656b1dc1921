package org.tmdbfleet.simulator.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every exception of a handler into TMDB's error body, never Spring's. */
@RestControllerAdvice
class TmdbErrorAdvice {

	private static final Logger logger = LoggerFactory.getLogger(TmdbErrorAdvice.class);

	@ExceptionHandler
	ResponseEntity<TmdbError> rejected(TmdbApiException ex) {
		return ResponseEntity.status(ex.status()).body(ex.error());
	}

	@ExceptionHandler
	ResponseEntity<TmdbError> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(TmdbError.forStatus(HttpStatus.BAD_REQUEST, null));
	}

	@ExceptionHandler
	ResponseEntity<TmdbError> unexpected(Exception ex) {
		// Spring's own exceptions (no handler, wrong method, ResponseStatusException) know their status
		if (ex instanceof ErrorResponse response) {
			return ResponseEntity.status(response.getStatusCode())
				.body(TmdbError.forStatus(response.getStatusCode(), response.getBody().getDetail()));
		}
		logger.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError().body(TmdbError.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, null));
	}

}
