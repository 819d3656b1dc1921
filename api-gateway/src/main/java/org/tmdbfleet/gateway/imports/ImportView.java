package org.tmdbfleet.gateway.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.gateway.imports.ImportProgressRepository.Counts;
import org.tmdbfleet.gateway.imports.ImportProgressRepository.FailedMovie;
import org.tmdbfleet.gateway.imports.ImportProgressRepository.FailedPage;

/**
 * An import as the API shows it. All counts are exact, read from the database.
 *
 * @param pagesTotal pages planned, null until the planner read page 1
 * @param pagesRetrying failed pages sent again by a retry, without a new outcome yet
 * @param moviesExpected distinct movies on the pages fetched so far
 * @param moviesPersisted of those, the ones in the database
 * @param moviesNotFound of those, the ones TMDB does not know (details imports)
 * @param moviesFailed of those, the ones whose details could not be fetched; listed (100 at
 * most) in {@code failedMovies}, sent again by a retry
 * @param lastProgressAt when a worker last reported progress of this import
 */
record ImportView(UUID id, String source, ImportStatus status, Integer maxPages, Integer pagesTotal,
		long pagesFetched, long pagesFailed, long pagesRetrying, long moviesExpected, long moviesPersisted,
		long moviesNotFound, long moviesFailed, Long totalResults, List<FailedPage> failedPages,
		List<FailedMovie> failedMovies, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
		Instant lastProgressAt) {

	/** @param status the stored status, or STALLED */
	static ImportView of(ImportJob job, ImportStatus status, Counts counts) {
		return new ImportView(job.getId(), job.getSource(), status, job.getRequestedPages(), job.getTotalPages(),
				counts.pagesFetched(), counts.pagesFailed(), counts.pagesRetrying(), counts.moviesExpected(),
				counts.moviesPersisted(), counts.moviesNotFound(), counts.moviesFailed(), job.getTotalResults(),
				counts.failedPages(), counts.failedMovies(), job.getError(),
				job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), job.getHeartbeatAt());
	}

}
