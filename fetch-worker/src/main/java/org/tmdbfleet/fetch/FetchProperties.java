package org.tmdbfleet.fetch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many of each listener an instance runs. The listeners read it through their own bean in
 * their {@code @KafkaListener} ({@code #{__listener...}}), so each default is written here only.
 *
 * @param concurrency page fetchers, and details fetchers, per instance: at most this many TMDB
 * requests in flight at once; instances share the partitions evenly whatever it is
 * @param detailsBatch details commands one consumer takes at a time, fetched at once (within
 * {@code concurrency}) and published in one Kafka transaction
 * @param plannerConcurrency planners per instance
 */
@Validated
@ConfigurationProperties("fleet.fetch")
public record FetchProperties(@DefaultValue("12") @Min(1) @Max(256) int concurrency,
		@DefaultValue("50") @Min(1) @Max(500) int detailsBatch, @DefaultValue("2") @Min(1) @Max(64) int plannerConcurrency) {
}
