package org.tmdbfleet.common.messages;

import java.util.List;
import java.util.UUID;

/**
 * A page was fetched and its movies were published; its ids make "movies expected" exact.
 */
public record PageFetched(int schemaVersion, UUID importId, int page, List<Long> movieIds) implements ImportProgress {

	public PageFetched(UUID importId, int page, List<Long> movieIds) {
		this(CURRENT_SCHEMA, importId, page, movieIds);
	}

	public PageFetched {
		movieIds = List.copyOf(movieIds);
	}

}
