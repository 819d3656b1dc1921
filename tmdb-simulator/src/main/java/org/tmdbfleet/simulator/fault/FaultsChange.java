package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code PUT /admin/faults}; absent fields keep their current value, a given one replaces
 * it whole ({@code "errorRates": {}}, {@code "faultPages": []} and {@code "movieFaults": {}} clear them).
 */
record FaultsChange(Long latencyMs, Long latencyJitterMs, Integer shiftEvery, Double rateLimit, Boolean retryAfter,
		Map<Integer, Double> errorRates, Double slowRate, Long slowMs, Double malformedRate, Double resetRate,
		Double blankRate, Double foreignNotFoundRate, Set<Integer> faultPages, Set<Integer> faultMovies,
		Map<Integer, String> movieFaults) {

	FaultSettings applyTo(FaultSettings settings) {
		FaultRates rates = settings.rates();
		FaultTarget target = settings.target();
		return new FaultSettings(or(millis(latencyMs), settings.latency()),
				or(millis(latencyJitterMs), settings.latencyJitter()), or(shiftEvery, settings.shiftEvery()),
				or(rateLimit, settings.rateLimit()), or(retryAfter, settings.retryAfter()),
				new FaultRates(or(errorRates, rates.errorRates()), or(slowRate, rates.slowRate()),
						or(millis(slowMs), rates.slowDelay()), or(malformedRate, rates.malformedRate()),
						or(resetRate, rates.resetRate()), or(blankRate, rates.blankRate()),
						or(foreignNotFoundRate, rates.foreignNotFoundRate())),
				new FaultTarget(or(faultPages, target.pages()), or(faultMovies, target.movies())),
				(movieFaults != null) ? MovieFaults.ofKeys(movieFaults) : settings.movieFaults());
	}

	private static <T> T or(T given, T current) {
		return (given != null) ? given : current;
	}

	private static Duration millis(Long millis) {
		return (millis != null) ? Duration.ofMillis(millis) : null;
	}

}
