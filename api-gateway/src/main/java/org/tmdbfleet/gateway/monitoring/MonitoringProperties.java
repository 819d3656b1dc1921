package org.tmdbfleet.gateway.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway measures of the fleet as a whole, for operators.
 *
 * @param kafkaInterval how often the consumer groups' lag and the dead-letter topics are read
 */
@ConfigurationProperties("fleet.monitoring")
record MonitoringProperties(@DefaultValue("15s") Duration kafkaInterval) {
}
