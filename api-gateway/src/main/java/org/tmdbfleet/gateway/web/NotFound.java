package org.tmdbfleet.gateway.web;

/**
 * Something a request names does not exist. Thrown by services; {@link ApiExceptionHandler}
 * answers it with a 404 problem whose detail is the message.
 */
public abstract class NotFound extends RuntimeException {

	protected NotFound(String message) {
		super(message);
	}

}
