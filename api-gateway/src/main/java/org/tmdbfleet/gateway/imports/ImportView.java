package org.tmdbfleet.gateway.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.gateway.imports.ImportProgressRepository.Counts;
import org.tmdbfleet.gateway.imports.ImportProgressRepository.FailedPage;

/**
 * An import as the API shows it. All counts are exact, read from the database.
 *
 * @param pagesTotal pages planned, null until the planner read page 1
 * @param pagesRetrying failed pages sent again by a retry, without a new outcome yet
 * @param moviesExpected distinct movies on the pages fetched so far
 * @param moviesPersisted of those, the ones in the database
 * @param lastProgressAt when a worker last reported progress of this import
 */
record ImportView(UUID id, String source, ImportStatus status, Integer maxPages, Integer pagesTotal,
		long pagesFetched, long pagesFailed, long pagesRetrying, long moviesExpected, long moviesPersisted, Long totalResults,
		List<FailedPage> failedPages, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
		Instant lastProgressAt) {

	/** @param status the stored status, or STALLED */
	static ImportView of(ImportJob job, ImportStatus status, Counts counts) {
		return new ImportView(job.getId(), job.getSource(), status, job.getRequestedPages(), job.getTotalPages(),
				counts.pagesFetched(), counts.pagesFailed(), counts.pagesRetrying(), counts.moviesExpected(),
				counts.moviesPersisted(), job.getTotalResults(), counts.failedPages(), job.getError(),
				job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), job.getHeartbeatAt());
	}

}
