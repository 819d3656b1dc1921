package org.tmdbfleet.common.kafka;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes messages as JSON. Raw bytes pass through unchanged: that is how a record that could
 * not be read reaches its dead-letter topic exactly as it arrived.
 */
public class FleetMessageSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] raw) {
			return raw;
		}
		return FleetJson.MAPPER.writeValueAsBytes(data);
	}

}
