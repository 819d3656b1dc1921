package org.tmdbfleet.gateway.tracking;

import java.util.UUID;

import org.tmdbfleet.gateway.web.NotFound;

/** No import has the id a request names. */
public final class ImportNotFound extends NotFound {

	public ImportNotFound(UUID id) {
		super("No import with id " + id);
	}

}
