package org.tmdbfleet.simulator.fault;

/** Body of the {@code /admin/faults} responses: the settings in force and the current drift. */
record FaultsView(long latencyMs, long latencyJitterMs, int shiftEvery, double rateLimit, boolean retryAfter,
		long drift) {

	static FaultsView of(FaultSettings settings, long drift) {
		return new FaultsView(settings.latency().toMillis(), settings.latencyJitter().toMillis(),
				settings.shiftEvery(), settings.rateLimit(), settings.retryAfter(), drift);
	}

}
