package org.tmdbfleet.persist.movies;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many batch listeners an instance runs; {@link MovieBatchListener}'s annotation reads it
 * through the listener, so the default is written here only.
 *
 * @param concurrency listener threads per instance (the partitions are shared among all)
 */
@Validated
@ConfigurationProperties("fleet.persist")
record PersistProperties(@DefaultValue("2") @Min(1) @Max(64) int concurrency) {
}
