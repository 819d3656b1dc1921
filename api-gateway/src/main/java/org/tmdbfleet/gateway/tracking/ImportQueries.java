package org.tmdbfleet.gateway.tracking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.gateway.tracking.ImportView.FailedMovie;
import org.tmdbfleet.gateway.tracking.ImportView.FailedPage;
import org.tmdbfleet.gateway.web.PageView;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads imports as the API shows them. An import is its one row (the counters are kept there as
 * progress arrives) and its first few failures, read through an index: the same few rows at a
 * hundred movies and at a million.
 */
@Service
public class ImportQueries {

	/** Failed pages, and failed movies, shown in an import's view; the rest are paged. */
	static final int FIRST_FAILURES = 10;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt", "id");

	private final ImportJobRepository jobs;

	private final JdbcClient jdbc;

	private final StallWatch stalls;

	ImportQueries(ImportJobRepository jobs, JdbcClient jdbc, StallWatch stalls) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.stalls = stalls;
	}

	/** The import as it stands now, counts and derived status included. */
	@Transactional(readOnly = true)
	public Optional<ImportView> find(UUID id) {
		return jobs.findById(id).map(this::view);
	}

	@Transactional(readOnly = true)
	PageView<ImportSummary> list(ImportStatus status, ImportSource source, int page, int size) {
		StallWatch.Snapshot fleet = stalls.now();
		Specification<ImportJob> filter = fleet.withStatus(status).and(ImportJobRepository.fromSource(source));
		return PageView.of(jobs.findAll(filter, PageRequest.of(page, size, NEWEST_FIRST)),
				job -> ImportSummary.of(job, fleet.statusOf(job)));
	}

	/** The import's failed pages in page order, a page of them at a time; empty if it has none. */
	@Transactional(readOnly = true)
	Optional<PageView<FailedPage>> failedPages(UUID id, int page, int size) {
		return jobs.findById(id).map(job -> PageView.of(new PageImpl<>(readFailedPages(id, (long) page * size, size),
				PageRequest.of(page, size), job.getPagesFailed()), failed -> failed));
	}

	/** The import's failed movies in id order, a page of them at a time. */
	@Transactional(readOnly = true)
	Optional<PageView<FailedMovie>> failedMovies(UUID id, int page, int size) {
		return jobs.findById(id).map(job -> PageView.of(new PageImpl<>(readFailedMovies(id, (long) page * size, size),
				PageRequest.of(page, size), job.getMoviesFailed()), failed -> failed));
	}

	private ImportView view(ImportJob job) {
		List<FailedPage> pages = (job.getPagesFailed() > 0) ? readFailedPages(job.getId(), 0, FIRST_FAILURES)
				: List.of();
		List<FailedMovie> movies = (job.getMoviesFailed() > 0) ? readFailedMovies(job.getId(), 0, FIRST_FAILURES)
				: List.of();
		return ImportView.of(job, stalls.now().statusOf(job), pages, movies);
	}

	private List<FailedPage> readFailedPages(UUID id, long offset, int limit) {
		return jdbc.sql("""
				select page, error as reason from import_pages where import_id = :id and status = 'FAILED'
				order by page offset :offset limit :limit
				""").param("id", id).param("offset", offset).param("limit", limit).query(FailedPage.class).list();
	}

	private List<FailedMovie> readFailedMovies(UUID id, long offset, int limit) {
		return jdbc.sql("""
				select tmdb_id, reason from import_items where import_id = :id and outcome = 'FAILED' and listed
				order by tmdb_id offset :offset limit :limit
				""").param("id", id).param("offset", offset).param("limit", limit).query(FailedMovie.class).list();
	}

}
