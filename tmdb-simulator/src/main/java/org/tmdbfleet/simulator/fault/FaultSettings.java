package org.tmdbfleet.simulator.fault;

import java.time.Duration;

/**
 * The faults the simulator currently injects. Immutable: {@link Faults} swaps whole settings, so
 * a request never sees half of an update. New faults (error rates, 429s, malformed bodies) are new
 * components here, in {@link FaultsChange} and in {@link FaultsView}.
 *
 * @param latency delay added to every {@code /3/**} response
 * @param shiftEvery list-page requests between two shifts of the rankings; 0 = stable lists
 * @param rateLimit requests per second (any 1 s window) above which requests get 429; 0 = off
 * @param retryAfter whether a 429 says when to come back
 */
public record FaultSettings(Duration latency, int shiftEvery, double rateLimit, boolean retryAfter) {

	public FaultSettings {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative");
		}
		if (rateLimit < 0) {
			throw new IllegalArgumentException("rateLimit must not be negative");
		}
		if (shiftEvery < 0) {
			throw new IllegalArgumentException("shiftEvery must not be negative");
		}
	}

}
