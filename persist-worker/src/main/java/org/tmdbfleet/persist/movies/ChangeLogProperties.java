package org.tmdbfleet.persist.movies;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the mirror's change list ({@code movie_changes}) is kept.
 *
 * @param retentionDays whole UTC days kept before today: TMDB's changes reach 14 days back, so
 * no less, or the catalog API would answer a range TMDB answers with changes missing
 * @param pruneInterval how often the days past that are deleted (first right at start)
 */
@Validated
@ConfigurationProperties("fleet.persist.changes")
record ChangeLogProperties(@DefaultValue("14") @Min(14) @Max(3660) int retentionDays,
		@DefaultValue("1h") @NotNull Duration pruneInterval) {
}
