package org.tmdbfleet.simulator.fault;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The faults the simulator starts with, under the same {@code simulator} prefix as the catalog
 * settings; {@code PUT /admin/faults} changes them at runtime and {@code DELETE} comes back here.
 * The defaults equal those documented in {@code tmdb-simulator.yml}, for the same reason as in
 * {@link org.tmdbfleet.simulator.SimulatorProperties}.
 *
 * @param latency mean delay added to every {@code /3/**} response
 * @param latencyJitter each response's delay is uniform in {@code latency ± latencyJitter}, at least 0
 * @param shiftEvery list-page requests between two ranking shifts; 0 keeps lists stable
 * @param rateLimit requests per second (in any 1 s window) above which {@code /3/**} answers 429
 * like TMDB (status_code 25); 0 = no limit
 * @param retryAfter whether a 429 carries a {@code Retry-After} header (TMDB's does not always)
 */
@Validated
@ConfigurationProperties("simulator")
record FaultProperties(
		@DefaultValue("0ms") @NotNull Duration latency,
		@DefaultValue("0ms") @NotNull Duration latencyJitter,
		@DefaultValue("0") @Min(0) int shiftEvery,
		@DefaultValue("0") @Min(0) double rateLimit,
		@DefaultValue("true") boolean retryAfter) {

	FaultSettings settings() {
		return new FaultSettings(latency, latencyJitter, shiftEvery, rateLimit, retryAfter);
	}

}
