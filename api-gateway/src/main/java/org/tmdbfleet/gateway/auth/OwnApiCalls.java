package org.tmdbfleet.gateway.auth;

import java.net.http.HttpRequest;
import java.util.List;

import org.springframework.http.HttpHeaders;

/**
 * Lets the gateway call its own API as an authorised client would (the warm-up walks the import
 * path this way), with the first configured token. The token stays inside this class: it goes
 * into a request's header and nowhere else, so no other package can log or expose it.
 */
public final class OwnApiCalls {

	private final String authorization;

	OwnApiCalls(List<String> tokens) {
		this.authorization = tokens.isEmpty() ? null : "Bearer " + tokens.getFirst();
	}

	/** The request with the token the API wants, when it wants one; unchanged on an open API. */
	public HttpRequest.Builder authorized(HttpRequest.Builder request) {
		return (this.authorization != null) ? request.header(HttpHeaders.AUTHORIZATION, this.authorization) : request;
	}

	@Override
	public String toString() {
		return "OwnApiCalls[" + ((this.authorization != null) ? "with a token" : "open API") + "]";
	}

}
