package org.tmdbfleet.gateway.imports;

import org.tmdbfleet.gateway.tracking.ImportStatus;
import org.tmdbfleet.gateway.web.Conflict;

/** A retry of an import with nothing to retry: no failure, and a plan that did not fail. */
final class NothingToRetry extends Conflict {

	private NothingToRetry(String message) {
		super("Nothing to retry", "status", message);
	}

	static NothingToRetry noFailures(ImportStatus status) {
		return new NothingToRetry("is " + status + " with no failed page or movie; only failures, or an import "
				+ "whose planning failed, can be retried");
	}

	/** The import changed after it was read (another retry queued it again, say). */
	static NothingToRetry changedMeanwhile() {
		return new NothingToRetry("changed; read the import again");
	}

}
