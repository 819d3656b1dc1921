package org.tmdbfleet.common.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator cancelled the import. On the compacted {@code tmdb.control} topic, keyed by import
 * id, so a fetch worker that starts later still learns of it: no page of the import starts after
 * a worker has read this.
 */
public record ImportCancelled(int schemaVersion, UUID importId, Instant cancelledAt) implements FleetMessage {

	public ImportCancelled(UUID importId, Instant cancelledAt) {
		this(CURRENT_SCHEMA, importId, cancelledAt);
	}

	@Override
	public String key() {
		return importId.toString();
	}

}
