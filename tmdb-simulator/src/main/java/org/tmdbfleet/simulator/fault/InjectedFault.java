package org.tmdbfleet.simulator.fault;

import java.util.Arrays;
import java.util.Locale;

/**
 * The ways the simulator can break one {@code /3/**} answer. The server errors carry the TMDB
 * {@code status_code} and message TMDB documents for that HTTP status; the {@link #key} names the
 * fault in {@code errorRates} and in the counts of {@code /admin/stats}.
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
	SLOW;

	private final int status;

	private final String body;

	InjectedFault(int status, int statusCode, String message) {
		this.status = status;
		this.body = "{\"success\":false,\"status_code\":%d,\"status_message\":\"%s\"}".formatted(statusCode, message);
	}

	InjectedFault() {
		this.status = 0;
		this.body = null;
	}

	/** The server error answering with this HTTP status. */
	static InjectedFault ofStatus(int status) {
		return Arrays.stream(values())
			.filter((fault) -> fault.isServerError() && fault.status == status)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"errorRates takes the statuses 500, 502, 503 and 504, not " + status));
	}

	String key() {
		return isServerError() ? Integer.toString(status) : name().toLowerCase(Locale.ROOT);
	}

	boolean isServerError() {
		return status != 0;
	}

	int status() {
		return status;
	}

	/** TMDB's error JSON for a server error. */
	String body() {
		return body;
	}

}
