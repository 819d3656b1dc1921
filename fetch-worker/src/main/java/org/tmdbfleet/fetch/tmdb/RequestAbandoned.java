package org.tmdbfleet.fetch.tmdb;

/**
 * A request was dropped before it was sent, because the caller no longer wanted it (its import
 * was cancelled while it waited for the rate limiter or for a retry).
 */
public class RequestAbandoned extends RuntimeException {

	RequestAbandoned() {
		super("abandoned before it was sent", null, false, false);
	}

}
