package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The faults the simulator currently injects. Immutable: {@link Faults} swaps whole settings, so
 * a request never sees half of an update. A new fault is a new component here, in
 * {@link FaultProperties}, {@link FaultsChange} and {@link FaultsView}.
 *
 * @param latency mean delay added to every {@code /3/**} response
 * @param latencyJitter each response's delay is drawn uniformly from {@code latency ± latencyJitter}
 * (never below 0), so "150 ± 50 ms" is 150 ms with a jitter of 50 ms
 * @param shiftEvery list-page requests between two shifts of the rankings; 0 = stable lists
 * @param rateLimit requests per second (any 1 s window) above which requests get 429; 0 = off
 * @param retryAfter whether a 429 says when to come back
 * @param rates how often a targeted request breaks, and how
 * @param target which requests may break
 * @param movieFaults the movies whose details break every time, each its own way
 */
public record FaultSettings(Duration latency, Duration latencyJitter, int shiftEvery, double rateLimit,
		boolean retryAfter, FaultRates rates, FaultTarget target, MovieFaults movieFaults) {

	/** Longer delays are typos, and bounding them keeps the arithmetic on them exact. */
	static final Duration MAX_DELAY = Duration.ofHours(1);

	public FaultSettings {
		requireDelay("latencyMs", latency);
		requireDelay("latencyJitterMs", latencyJitter);
		if (rateLimit < 0) {
			throw new IllegalArgumentException("rateLimit must not be negative");
		}
		if (shiftEvery < 0) {
			throw new IllegalArgumentException("shiftEvery must not be negative");
		}
	}

	/**
	 * The fault to inject into one request, if any: the movie's own fault, else a draw against the
	 * rates when targeted.
	 */
	Optional<InjectedFault> drawFault(String uri, String page, RandomGenerator random) {
		Optional<InjectedFault> movieFault = movieFaults.at(uri);
		if (movieFault.isPresent()) {
			return movieFault;
		}
		return target.covers(uri, page) ? rates.pick(random.nextDouble()) : Optional.empty();
	}

	/** The delay of one response: uniform in {@code latency ± latencyJitter}, never negative. */
	Duration drawLatency(RandomGenerator random) {
		long jitter = latencyJitter.toMillis();
		long millis = latency.toMillis() + ((jitter > 0) ? random.nextLong(-jitter, jitter + 1) : 0);
		return Duration.ofMillis(Math.max(0, millis));
	}

	static void requireDelay(String name, Duration delay) {
		if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
			throw new IllegalArgumentException("%s must be between 0 and %d, not %s".formatted(name,
					MAX_DELAY.toMillis(), (delay != null) ? delay.toMillis() : null));
		}
	}

}
