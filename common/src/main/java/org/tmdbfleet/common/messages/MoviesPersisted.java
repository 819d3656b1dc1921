package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * A persist batch committed movies of this import. A trigger for the gateway to re-count from
 * the database; the count is informative only, the database is the truth.
 */
public record MoviesPersisted(int schemaVersion, UUID importId, int count) implements ImportProgress {

	public MoviesPersisted(UUID importId, int count) {
		this(CURRENT_SCHEMA, importId, count);
	}

}
