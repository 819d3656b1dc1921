package org.tmdbfleet.common.messages;

import java.util.UUID;

/** The import as a whole cannot go on (bad credentials, a list TMDB refuses). */
public record ImportFailed(int schemaVersion, UUID importId, String reason) implements ImportProgress {

	public ImportFailed(UUID importId, String reason) {
		this(CURRENT_SCHEMA, importId, reason);
	}

}
