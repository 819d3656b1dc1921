package org.tmdbfleet.common.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.tmdbfleet.common.messages.FleetMessage;

/** Reads any {@link FleetMessage}; the {@code type} property picks the record. */
public class FleetMessageDeserializer implements Deserializer<FleetMessage> {

	@Override
	public FleetMessage deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		return FleetJson.MAPPER.readValue(data, FleetMessage.class);
	}

}
