package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How often a targeted request breaks, and how. One draw per request picks at most one outcome, so
 * each rate is exactly the share of that outcome and together they may not exceed 1.
 *
 * @param errorRates HTTP status (500, 502, 503 or 504) to the share of requests answered with it
 * and TMDB's error JSON
 * @param slowRate share of requests answered correctly but only after {@code slowDelay}
 * @param slowDelay how late a slow answer comes; meant to exceed the client's read timeout
 * @param malformedRate share answered 200 with a JSON content type and a cut-off body
 * @param resetRate share of connections closed without any answer
 * @param blankRate share answered 200 with a JSON content type and an empty object
 * @param foreignNotFoundRate share answered with a proxy's HTML 404 page, not TMDB's JSON
 */
record FaultRates(Map<Integer, Double> errorRates, double slowRate, Duration slowDelay, double malformedRate,
		double resetRate, double blankRate, double foreignNotFoundRate) {

	static final FaultRates NONE = new FaultRates(Map.of(), 0, Duration.ofSeconds(15), 0, 0, 0, 0);

	FaultRates {
		errorRates = Collections.unmodifiableSortedMap(new TreeMap<>(errorRates));
		double total = 0;
		for (Map.Entry<Integer, Double> rate : errorRates.entrySet()) {
			InjectedFault.ofStatus(rate.getKey());
			total += requireRate("errorRates." + rate.getKey(), rate.getValue());
		}
		total += requireRate("slowRate", slowRate) + requireRate("malformedRate", malformedRate)
				+ requireRate("resetRate", resetRate) + requireRate("blankRate", blankRate)
				+ requireRate("foreignNotFoundRate", foreignNotFoundRate);
		if (total > 1 + 1e-9) {
			throw new IllegalArgumentException("errorRates, slowRate, malformedRate, resetRate, blankRate and "
					+ "foreignNotFoundRate add up to " + total + "; they exclude each other, so at most 1");
		}
		FaultSettings.requireDelay("slowMs", slowDelay);
	}

	/** The outcome a uniform {@code roll} in [0, 1) falls on, if any. */
	Optional<InjectedFault> pick(double roll) {
		double bound = 0;
		for (Map.Entry<Integer, Double> rate : errorRates.entrySet()) {
			bound += rate.getValue();
			if (roll < bound) {
				return Optional.of(InjectedFault.ofStatus(rate.getKey()));
			}
		}
		if (roll < (bound += resetRate)) {
			return Optional.of(InjectedFault.RESET);
		}
		if (roll < (bound += malformedRate)) {
			return Optional.of(InjectedFault.MALFORMED);
		}
		if (roll < (bound += slowRate)) {
			return Optional.of(InjectedFault.SLOW);
		}
		if (roll < (bound += blankRate)) {
			return Optional.of(InjectedFault.BLANK);
		}
		return (roll < bound + foreignNotFoundRate) ? Optional.of(InjectedFault.FOREIGN_NOT_FOUND) : Optional.empty();
	}

	private static double requireRate(String name, Double rate) {
		// written so that NaN fails too
		if (rate == null || !(rate >= 0 && rate <= 1)) {
			throw new IllegalArgumentException("%s must be between 0 and 1, not %s".formatted(name, rate));
		}
		return rate;
	}

}
