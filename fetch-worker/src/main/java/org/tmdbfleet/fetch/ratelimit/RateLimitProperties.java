package org.tmdbfleet.fetch.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The fleet's TMDB request budget. Every fetch worker takes the share of it that matches the
 * share of {@code tmdb.pages} partitions it owns, so the shares add up to the budget however
 * many instances run.
 *
 * @param requestsPerSecond TMDB requests per second for the whole fleet (TMDB allows "around 40")
 * @param headroom fraction of the budget kept unused, on top of the request per second that is
 * always left free (each instance sends the whole number of requests strictly below its share)
 * @param jitterAllowance how much later than its neighbours a request may arrive at TMDB; each
 * instance counts its requests over 1 s plus this, so TMDB's 1 s windows stay within the budget.
 * It is also the price: the fleet sustains at most (budget − 1) / (1 s + this) — 96 % of 35/s at
 * 10 ms, 88 % at 100 ms
 * @param firstBackoffFactor multiplied into the rate on a 429 that comes while the rate is whole
 * (TMDB says we brushed its limit), once per window
 * @param backoffFactor multiplied into the rate on a 429 that comes while the rate is still cut
 * (TMDB's limit is well below ours), once per window
 * @param recoveryStep added back to that factor (up to 1) after every quiet recovery interval
 * @param recoveryInterval how long without a 429 before probing back up
 */
@Validated
@ConfigurationProperties("fleet.rate-limit")
record RateLimitProperties(@DefaultValue("35") @Positive double requestsPerSecond,
		@DefaultValue("0") @DecimalMin("0") @DecimalMax("0.5") double headroom,
		@DefaultValue("10ms") @NotNull Duration jitterAllowance,
		@DefaultValue("0.9") @DecimalMin("0.05") @DecimalMax("1") double firstBackoffFactor,
		@DefaultValue("0.75") @DecimalMin("0.05") @DecimalMax("1") double backoffFactor,
		@DefaultValue("0.1") @DecimalMin("0.01") @DecimalMax("1") double recoveryStep,
		@DefaultValue("2s") @NotNull Duration recoveryInterval) {
}
