package org.tmdbfleet.fetch.planning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How imports are planned.
 *
 * @param windowPages the most pages of one release-date window of a discover import; TMDB serves
 * 500, a smaller value makes more, smaller windows (and more planning requests)
 * @param probes how many windows' page 1s planning asks TMDB for at once (the rate limit still
 * paces them): at TMDB's latency, one at a time would take minutes for the whole catalog
 */
@Validated
@ConfigurationProperties("fleet.planning")
record PlanningProperties(@DefaultValue("500") @Min(1) @Max(ListPlan.TMDB_MAX_PAGE) int windowPages,
		@DefaultValue("16") @Min(1) @Max(64) int probes) {
}
