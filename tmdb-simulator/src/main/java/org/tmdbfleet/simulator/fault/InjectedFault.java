package org.tmdbfleet.simulator.fault;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.MediaType;

/**
 * The ways the simulator can break one {@code /3/**} answer. The server errors carry the TMDB
 * {@code status_code} and message TMDB documents for that HTTP status; the blank and the foreign
 * not-found answers are not TMDB's words at all. The {@link #key} names the fault in
 * {@code errorRates}, in {@code movieFaults} and in the counts of {@code /admin/stats}.
 */
enum InjectedFault {

	INTERNAL_ERROR(500, 11, "Internal error: Something went wrong, contact TMDB."),

	BAD_GATEWAY(502, 43, "Couldn't connect to the backend server."),

	SERVICE_OFFLINE(503, 9, "Service offline: This service is temporarily offline, try again later."),

	GATEWAY_TIMEOUT(504, 24, "Your request to the backend server timed out. Try again."),

	/** The connection is closed before any byte of an answer. */
	RESET,

	/** 200 with a JSON content type and the first half of the real body. */
	MALFORMED,

	/** The real answer, after {@code slowMs}. */
	SLOW,

	/** 200 with a JSON content type and an empty object: a cache, or TMDB on a bad day, without what was asked for. */
	BLANK(200, MediaType.APPLICATION_JSON_VALUE, "{}"),

	/**
	 * A proxy's own 404 page (nginx's) in front of TMDB: HTML without TMDB's {@code status_code} 34,
	 * so it says nothing about the movie, unlike TMDB's 404.
	 */
	FOREIGN_NOT_FOUND(404, MediaType.TEXT_HTML_VALUE, """
			<html>
			<head><title>404 Not Found</title></head>
			<body>
			<center><h1>404 Not Found</h1></center>
			<hr><center>nginx</center>
			</body>
			</html>
			""");

	private final int status;

	private final String contentType;

	private final String body;

	InjectedFault(int status, int statusCode, String message) {
		this(status, MediaType.APPLICATION_JSON_VALUE,
				"{\"success\":false,\"status_code\":%d,\"status_message\":\"%s\"}".formatted(statusCode, message));
	}

	InjectedFault(int status, String contentType, String body) {
		this.status = status;
		this.contentType = contentType;
		this.body = body;
	}

	InjectedFault() {
		this(0, null, null);
	}

	/** The server error answering with this HTTP status. */
	static InjectedFault ofStatus(int status) {
		return Arrays.stream(values())
			.filter((fault) -> fault.isServerError() && fault.status == status)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"errorRates takes the statuses 500, 502, 503 and 504, not " + status));
	}

	/** The fault a {@link #key} names, as {@code movieFaults} gives it. */
	static InjectedFault ofKey(String key) {
		return Arrays.stream(values())
			.filter((fault) -> fault.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("movieFaults takes the faults "
					+ Arrays.stream(values()).map(InjectedFault::key).toList() + ", not " + key));
	}

	String key() {
		return isServerError() ? Integer.toString(status) : name().toLowerCase(Locale.ROOT);
	}

	boolean isServerError() {
		return status >= 500;
	}

	int status() {
		return status;
	}

	/** The content type of a canned answer: a server error's, the blank or the foreign not-found one. */
	String contentType() {
		return contentType;
	}

	/** The body of a canned answer: TMDB's error JSON for a server error. */
	String body() {
		return body;
	}

}
