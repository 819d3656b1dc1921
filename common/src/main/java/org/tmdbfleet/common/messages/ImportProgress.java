package org.tmdbfleet.common.messages;

import java.util.UUID;

/**
 * Facts about one import's progress, all on {@code tmdb.progress} keyed by import id, so the
 * gateway sees the events of one import in the order they were written.
 */
public sealed interface ImportProgress extends FleetMessage
		permits ImportPlanned, PageFetched, PageFailed, ImportFailed, MoviesPersisted, ExportListed {

	UUID importId();

	@Override
	default String key() {
		return importId().toString();
	}

}
