package org.tmdbfleet.common.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the services create topics and retry failed records.
 *
 * @param partitions partitions of every fleet topic and its DLT; bounds the useful consumers
 * @param replicationFactor replicas of each topic; unset means the broker's default
 * @param retryInitialInterval first pause before a failed record is retried
 * @param retryMaxInterval longest pause between retries
 * @param retryMaxAttempts attempts for an unexpected error before the record goes to the DLT;
 * infrastructure errors (database or broker unreachable) are retried without limit
 */
@Validated
@ConfigurationProperties("fleet.kafka")
public record FleetKafkaProperties(@DefaultValue("12") @Min(1) int partitions, Short replicationFactor,
		@DefaultValue("500ms") @NotNull Duration retryInitialInterval,
		@DefaultValue("30s") @NotNull Duration retryMaxInterval, @DefaultValue("5") @Min(1) int retryMaxAttempts) {
}
