package org.tmdbfleet.simulator.fault;

import java.util.Map;
import java.util.Set;

/**
 * Body of the {@code /admin/faults} responses: the settings in force, in the fields
 * {@link FaultsChange} takes, and the current drift.
 */
record FaultsView(long latencyMs, long latencyJitterMs, int shiftEvery, double rateLimit, boolean retryAfter,
		Map<Integer, Double> errorRates, double slowRate, long slowMs, double malformedRate, double resetRate,
		double blankRate, double foreignNotFoundRate, Set<Integer> faultPages, Set<Integer> faultMovies,
		Map<Integer, String> movieFaults, long drift) {

	static FaultsView of(FaultSettings settings, long drift) {
		FaultRates rates = settings.rates();
		return new FaultsView(settings.latency().toMillis(), settings.latencyJitter().toMillis(),
				settings.shiftEvery(), settings.rateLimit(), settings.retryAfter(), rates.errorRates(),
				rates.slowRate(), rates.slowDelay().toMillis(), rates.malformedRate(), rates.resetRate(),
				rates.blankRate(), rates.foreignNotFoundRate(), settings.target().pages(), settings.target().movies(),
				settings.movieFaults().keys(), drift);
	}

}
