package org.tmdbfleet.fetch.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param requestsPerSecond TMDB requests this instance may start per second (TMDB allows
 * "around 40")
 */
@Validated
@ConfigurationProperties("fleet.rate-limit")
record RateLimitProperties(@DefaultValue("35") @Positive double requestsPerSecond) {
}
