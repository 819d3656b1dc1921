package org.tmdbfleet.common.kafka;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration for messages: tolerant of fields it does not know, so a newer
 * producer never breaks an older consumer.
 */
public final class FleetJson {

	public static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private FleetJson() {
	}

}
