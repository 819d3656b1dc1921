package org.tmdbfleet.gateway.progress;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many progress listeners the gateway runs; {@link ImportProgressListener}'s annotation reads
 * it through the listener, so the default is written here only.
 *
 * @param progressConcurrency listener threads (the partitions of {@code tmdb.progress} are shared
 * among all gateways' listeners)
 */
@Validated
@ConfigurationProperties("fleet.gateway")
record ProgressListenerProperties(@DefaultValue("2") @Min(1) @Max(64) int progressConcurrency) {
}
