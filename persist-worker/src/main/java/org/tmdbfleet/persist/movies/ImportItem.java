package org.tmdbfleet.persist.movies;

import java.util.UUID;

import org.tmdbfleet.common.messages.MovieNotFetched;

/**
 * A movie's outcome in an import: its {@code import_items} row.
 *
 * @param reason why it was not persisted, null when it was
 */
record ImportItem(UUID importId, long tmdbId, Outcome outcome, String reason) {

	static ImportItem persisted(UUID importId, long tmdbId) {
		return new ImportItem(importId, tmdbId, Outcome.PERSISTED, null);
	}

	static ImportItem failed(UUID importId, long tmdbId, String reason) {
		return new ImportItem(importId, tmdbId, Outcome.FAILED, MovieJson.withoutNul(reason));
	}

	static ImportItem of(MovieNotFetched missing) {
		return new ImportItem(missing.importId(), missing.tmdbId(),
				missing.notFound() ? Outcome.NOT_FOUND : Outcome.FAILED, MovieJson.withoutNul(missing.reason()));
	}

	Key key() {
		return new Key(importId, tmdbId);
	}

	record Key(UUID importId, long tmdbId) {
	}

	/** An outcome, and the {@code import_jobs} counter it moves. */
	enum Outcome {

		PERSISTED, NOT_FOUND, FAILED

	}

}
