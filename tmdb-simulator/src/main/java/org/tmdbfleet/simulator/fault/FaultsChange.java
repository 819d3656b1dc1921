package org.tmdbfleet.simulator.fault;

import java.time.Duration;

/** Body of {@code PUT /admin/faults}; absent fields keep their current value. */
record FaultsChange(Long latencyMs, Long latencyJitterMs, Integer shiftEvery, Double rateLimit, Boolean retryAfter) {

	FaultSettings applyTo(FaultSettings settings) {
		return new FaultSettings((latencyMs != null) ? Duration.ofMillis(latencyMs) : settings.latency(),
				(latencyJitterMs != null) ? Duration.ofMillis(latencyJitterMs) : settings.latencyJitter(),
				(shiftEvery != null) ? shiftEvery : settings.shiftEvery(),
				(rateLimit != null) ? rateLimit : settings.rateLimit(),
				(retryAfter != null) ? retryAfter : settings.retryAfter());
	}

}
