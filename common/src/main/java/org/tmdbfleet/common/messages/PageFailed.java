package org.tmdbfleet.common.messages;

import java.util.UUID;

/** A page could not be fetched; {@code reason} says why, for the people reading the import. */
public record PageFailed(int schemaVersion, UUID importId, int page, String reason) implements ImportProgress {

	public PageFailed(UUID importId, int page, String reason) {
		this(CURRENT_SCHEMA, importId, page, reason);
	}

}
