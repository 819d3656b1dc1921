package org.tmdbfleet.gateway.schedules;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway runs schedules.
 *
 * @param tickInterval how often each gateway looks for due schedules: a run starts at most this
 * long after its due time
 */
@ConfigurationProperties("fleet.schedules")
record ScheduleProperties(@DefaultValue("5s") Duration tickInterval) {
}
