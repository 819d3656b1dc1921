package org.tmdbfleet.gateway.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tmdbfleet.common.messages.ImportWindow;

/**
 * An import as the API shows it. All counts are exact, kept by the database as progress arrives.
 *
 * @param pagesTotal pages planned, null until the plan is made (a discover import split into windows
 * fetches its first windows while the planner still decides the later ones)
 * @param pagesRetrying failed pages sent again by a retry, without a new outcome yet
 * @param moviesExpected distinct movies on the pages fetched so far
 * @param moviesPersisted of those, the ones in the database
 * @param moviesNotFound of those, the ones TMDB does not know (details imports)
 * @param moviesFailed of those, the ones that could not be fetched or stored; sent again by a retry
 * @param failedPages the first failed pages ({@value ImportQueries#FIRST_FAILURES} at most); all of
 * them at {@code /api/imports/{id}/failed-pages}
 * @param failedMovies the first failed movies ({@value ImportQueries#FIRST_FAILURES} at most); all
 * of them at {@code /api/imports/{id}/failed-movies}
 * @param windows the release-date windows a discover import beyond TMDB's 500 pages was split
 * into, in date order (for a changes import: the days of each request, at most 14); empty for an
 * import that is one list
 * @param lastProgressAt when a worker last reported progress of this import
 * @param catalog where a catalog import's movies came from; null for other imports
 * @param note what the gateway decided for the request, and why: the days of a changes import
 * asked for without any, or a catalog sync chosen instead
 */
public record ImportView(UUID id, String source, ImportStatus status, Integer maxPages, Integer pagesTotal,
		long pagesFetched, long pagesFailed, long pagesRetrying, long moviesExpected, long moviesPersisted,
		long moviesNotFound, long moviesFailed, Long totalResults, List<Window> windows, List<FailedPage> failedPages,
		List<FailedMovie> failedMovies, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
		Instant lastProgressAt, Catalog catalog, String note) {

	/** @param status the stored status, or STALLED */
	static ImportView of(ImportJob job, ImportStatus status, List<FailedPage> failedPages,
			List<FailedMovie> failedMovies) {
		return new ImportView(job.getId(), job.getSource(), status, job.getRequestedPages(), job.getTotalPages(),
				job.getPagesFetched(), job.getPagesFailed(), job.getPagesRetrying(), job.getMoviesExpected(),
				job.getMoviesPersisted(), job.getMoviesNotFound(), job.getMoviesFailed(), job.getTotalResults(),
				job.getWindows().stream().map(Window::of).toList(), failedPages, failedMovies, job.getError(),
				job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), job.getHeartbeatAt(), Catalog.of(job), job.getNote());
	}

	/**
	 * A catalog import's movies by the path they came: TMDB's export names them all; the discover
	 * windows list most of them with their data; the rest are fetched one by one by their details
	 * once every page has an outcome.
	 *
	 * @param exportDate the date of the export read
	 * @param exportIds distinct movie ids in it
	 * @param fromLists movies the discover windows listed
	 * @param byDetails movies of the export no window listed, fetched by their details; null until
	 * every page has an outcome
	 * @param markedDeleted movies in the database absent from the last exports, marked deleted
	 */
	@Schema(name = "CatalogPaths", description = "Where a catalog import's movies came from")
	public record Catalog(LocalDate exportDate, long exportIds, long fromLists, Long byDetails, long markedDeleted) {

		static Catalog of(ImportJob job) {
			if (!"catalog".equals(job.getSource())) {
				return null;
			}
			boolean swept = job.getSweptAt() != null;
			return new Catalog(job.getExportDate(), job.getExportIds(),
					job.getMoviesExpected() - job.getMoviesSwept(), swept ? job.getMoviesSwept() : null,
					job.getMoviesDeleted());
		}

	}

	/** A page that could not be fetched, and why. */
	public record FailedPage(int page, String reason) {
	}

	/** A movie that could not be fetched or stored, and why. */
	public record FailedMovie(long tmdbId, String reason) {
	}

	/**
	 * Movies released {@code from..to} (inclusive days; null: open), fetched as the import's
	 * pages {@code firstPage..firstPage + pages - 1}.
	 *
	 * @param results how many movies TMDB lists in the window
	 * @param truncated the window holds more movies than its pages serve: a single day beyond
	 * TMDB's 10,000, or {@code maxPages} ran out
	 */
	@Schema(name = "ImportWindow", description = "A release-date window of a discover import beyond 500 pages")
	record Window(LocalDate from, LocalDate to, int firstPage, int pages, long results, boolean truncated) {

		static Window of(ImportWindow window) {
			return new Window(window.from(), window.to(), window.firstPage(), window.pages(), window.results(),
					window.truncated());
		}

	}

}
