package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The faults the simulator starts with, under the same {@code simulator} prefix as the catalog
 * settings; {@code PUT /admin/faults} changes them at runtime and {@code DELETE} comes back here.
 * The defaults equal those documented in {@code tmdb-simulator.yml}, for the same reason as in
 * {@link org.tmdbfleet.simulator.SimulatorProperties}. Out-of-range values stop the start with the
 * message {@code /admin/faults} would answer.
 *
 * @param latency mean delay added to every {@code /3/**} response
 * @param latencyJitter each response's delay is uniform in {@code latency ± latencyJitter}, at least 0
 * @param shiftEvery list-page requests between two ranking shifts; 0 keeps lists stable
 * @param rateLimit requests per second (in any 1 s window) above which {@code /3/**} answers 429
 * like TMDB (status_code 25); 0 = no limit
 * @param retryAfter whether a 429 carries a {@code Retry-After} header (TMDB's does not always)
 * @param errorRates HTTP status (500, 502, 503, 504) to the probability of answering it
 * @param slowRate probability of answering only after {@code slowDelay}
 * @param slowDelay how late a slow answer comes; meant to exceed the client's read timeout
 * @param malformedRate probability of a 200 with a cut-off JSON body
 * @param resetRate probability of closing the connection without an answer
 * @param blankRate probability of a 200 with an empty JSON object
 * @param foreignNotFoundRate probability of a proxy's HTML 404 page instead of TMDB's answer
 * @param faultPages when not empty, the random faults hit only requests for these pages (and
 * {@code faultMovies})
 * @param faultMovies when not empty, the random faults hit only these movies' details (and
 * {@code faultPages})
 * @param movieFaults movie id to the fault (a key of {@code /admin/stats}' counts, e.g.
 * {@code blank}) its details always get, whatever the rates
 */
@Validated
@ConfigurationProperties("simulator")
record FaultProperties(
		@DefaultValue("0ms") @NotNull Duration latency,
		@DefaultValue("0ms") @NotNull Duration latencyJitter,
		@DefaultValue("0") @Min(0) int shiftEvery,
		@DefaultValue("0") @Min(0) double rateLimit,
		@DefaultValue("true") boolean retryAfter,
		@DefaultValue Map<Integer, Double> errorRates,
		@DefaultValue("0") double slowRate,
		@DefaultValue("15s") @NotNull Duration slowDelay,
		@DefaultValue("0") double malformedRate,
		@DefaultValue("0") double resetRate,
		@DefaultValue("0") double blankRate,
		@DefaultValue("0") double foreignNotFoundRate,
		@DefaultValue Set<Integer> faultPages,
		@DefaultValue Set<Integer> faultMovies,
		@DefaultValue Map<Integer, String> movieFaults) {

	FaultSettings settings() {
		return new FaultSettings(latency, latencyJitter, shiftEvery, rateLimit, retryAfter,
				new FaultRates(errorRates, slowRate, slowDelay, malformedRate, resetRate, blankRate,
						foreignNotFoundRate),
				new FaultTarget(faultPages, faultMovies), MovieFaults.ofKeys(movieFaults));
	}

}
