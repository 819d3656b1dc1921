package org.tmdbfleet.gateway.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway ends imports, under {@code fleet.imports} (the read side binds the keys it
 * needs there too).
 *
 * @param recheckInterval how often every running import is decided again, in case its last
 * progress event was lost
 * @param deletedAfterExports a movie absent from this many consecutive TMDB exports read by catalog
 * imports (and not listed by them) is marked deleted
 */
@ConfigurationProperties("fleet.imports")
record ProgressProperties(@DefaultValue("30s") Duration recheckInterval, @DefaultValue("2") int deletedAfterExports) {
}
