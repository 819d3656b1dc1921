package org.tmdbfleet.gateway.tracking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway shows imports, under {@code fleet.imports} (the progress writers bind the keys
 * they need there too).
 *
 * @param stalledAfter how long an unfinished import may go without progress, while the whole
 * fleet makes none either, before it shows as {@code STALLED}
 * @param eventsInterval how often a live progress stream looks for changes
 * @param eventsTimeout the longest a live progress stream stays open; the client reconnects
 */
@ConfigurationProperties("fleet.imports")
record TrackingProperties(@DefaultValue("60s") Duration stalledAfter, @DefaultValue("500ms") Duration eventsInterval,
		@DefaultValue("30m") Duration eventsTimeout) {
}
