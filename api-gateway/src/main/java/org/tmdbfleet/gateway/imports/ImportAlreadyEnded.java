package org.tmdbfleet.gateway.imports;

import org.tmdbfleet.gateway.tracking.ImportStatus;
import org.tmdbfleet.gateway.web.Conflict;

/** A cancel of an import that ended: only a queued or running import can be cancelled. */
final class ImportAlreadyEnded extends Conflict {

	ImportAlreadyEnded(ImportStatus status) {
		super("Import already ended", "status", "is " + status + "; only a QUEUED or RUNNING import can be cancelled");
	}

}
