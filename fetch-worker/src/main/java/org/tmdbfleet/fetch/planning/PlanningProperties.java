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
 */
@Validated
@ConfigurationProperties("fleet.planning")
record PlanningProperties(@DefaultValue("500") @Min(1) @Max(ImportPlanner.TMDB_MAX_PAGE) int windowPages) {
}
