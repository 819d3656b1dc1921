package org.tmdbfleet.gateway.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway watches imports.
 *
 * @param stalledAfter how long an unfinished import may go without progress, while the whole
 * fleet makes none either, before it shows as {@code STALLED}
 * @param eventsInterval how often a live progress stream looks for changes
 * @param eventsTimeout the longest a live progress stream stays open; the client reconnects
 * @param recheckInterval how often every running import is decided again, in case its last
 * progress event was lost
 * @param deletedAfterExports a movie absent from this many consecutive TMDB exports read by catalog
 * imports (and not listed by them) is marked deleted
 */
@ConfigurationProperties("fleet.imports")
record ImportProperties(@DefaultValue("60s") Duration stalledAfter, @DefaultValue("500ms") Duration eventsInterval,
		@DefaultValue("30m") Duration eventsTimeout, @DefaultValue("30s") Duration recheckInterval,
		@DefaultValue("2") int deletedAfterExports) {
}
