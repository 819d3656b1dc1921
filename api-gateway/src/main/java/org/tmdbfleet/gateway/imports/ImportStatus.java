package org.tmdbfleet.gateway.imports;

/** Where an import stands. */
enum ImportStatus {

	/** Recorded and published; no planner has read page 1 yet. */
	QUEUED,

	/** Pages are being fetched and movies persisted. */
	RUNNING,

	/** Every planned page fetched and every one of their movies persisted. */
	COMPLETED,

	/** Every planned page has an outcome, some failed; the others' movies are all persisted. */
	COMPLETED_WITH_ERRORS,

	/** The import could not run at all (bad credentials, a list TMDB refuses, Kafka down). */
	FAILED

}
