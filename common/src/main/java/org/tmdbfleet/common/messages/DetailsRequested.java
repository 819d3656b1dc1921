package org.tmdbfleet.common.messages;

import java.util.List;
import java.util.UUID;

/**
 * Movies of a catalog import that no discover window listed (no release date, a day beyond
 * TMDB's 10,000 results, an adult title): the gateway asks, the planner turns each id into a
 * {@link FetchDetails}. A part holds at most {@link #MAX_IDS} ids, so a record stays small.
 */
public record DetailsRequested(int schemaVersion, UUID importId, List<Long> movieIds) implements FleetMessage {

	public static final int MAX_IDS = 1_000;

	public DetailsRequested(UUID importId, List<Long> movieIds) {
		this(CURRENT_SCHEMA, importId, movieIds);
	}

	public DetailsRequested {
		movieIds = List.copyOf(movieIds);
	}

	/** On {@code tmdb.imports}, after its import's command. */
	@Override
	public String key() {
		return importId.toString();
	}

}
