package org.tmdbfleet.gateway.tracking;

/** Where an import stands. */
public enum ImportStatus {

	/** Recorded and published; no planner has read page 1 yet. */
	QUEUED,

	/** Pages are being fetched and movies persisted. */
	RUNNING,

	/** Every planned page fetched and every one of their movies persisted. */
	COMPLETED,

	/** Every planned page has an outcome, some failed; the others' movies are all persisted. */
	COMPLETED_WITH_ERRORS,

	/** The import could not be planned (bad credentials, a list TMDB refuses); the reason is shown. */
	FAILED,

	/** Cancelled by an operator: no page of it starts once the fetch workers have heard of it. */
	CANCELLED,

	/**
	 * Never stored: a {@code QUEUED} or {@code RUNNING} import that has not progressed for
	 * {@code fleet.imports.stalled-after} while nothing else in the fleet has either (every
	 * worker gone, say). It goes on by itself when workers return.
	 */
	STALLED;

	/** Whether nothing more happens to the import unless someone acts (retry). */
	boolean ended() {
		return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == FAILED || this == CANCELLED;
	}

}
