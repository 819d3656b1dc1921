package org.tmdbfleet.gateway.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway relays its commands to Kafka.
 *
 * @param relayInterval how often the outbox is looked at besides right after a command commits
 * (what another gateway left, what Kafka refused)
 * @param sendTimeout the longest the relay waits for Kafka's verdict on a record; keep it above
 * the producer's {@code delivery.timeout.ms}, so a record is never given up while still in flight
 */
@ConfigurationProperties("fleet.outbox")
record OutboxProperties(@DefaultValue("1s") Duration relayInterval, @DefaultValue("60s") Duration sendTimeout) {
}
