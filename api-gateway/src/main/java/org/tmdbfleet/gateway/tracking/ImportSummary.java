package org.tmdbfleet.gateway.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * An import in a list: what the row says, no counts (those cost queries per import; the
 * import's own resource has them).
 *
 * @param pagesTotal pages planned, null until the planner read page 1
 */
record ImportSummary(UUID id, String source, ImportStatus status, Integer maxPages, Integer pagesTotal,
		Instant createdAt, Instant finishedAt) {

	/** @param status the stored status, or STALLED */
	static ImportSummary of(ImportJob job, ImportStatus status) {
		return new ImportSummary(job.getId(), job.getSource(), status, job.getRequestedPages(),
				job.getTotalPages(), job.getCreatedAt(), job.getFinishedAt());
	}

}
