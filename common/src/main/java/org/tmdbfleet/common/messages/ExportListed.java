package org.tmdbfleet.common.messages;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A part of the ids in TMDB's daily export that a catalog import read, in the order of the file.
 * The planner sends all of an export's parts before the import's {@link ImportPlanned}, on the
 * import's partition, so the gateway holds the whole export once the plan arrives.
 *
 * @param exportDate the date in the export's file name
 */
public record ExportListed(int schemaVersion, UUID importId, LocalDate exportDate, List<Long> movieIds)
		implements ImportProgress {

	public ExportListed(UUID importId, LocalDate exportDate, List<Long> movieIds) {
		this(CURRENT_SCHEMA, importId, exportDate, movieIds);
	}

	public ExportListed {
		movieIds = List.copyOf(movieIds);
	}

}
