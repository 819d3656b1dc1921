package org.tmdbfleet.gateway.imports;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportWindow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import bookkeeping as set-based SQL. Every statement is idempotent, because every progress
 * event may be delivered more than once, and every count is read from the rows themselves.
 */
@Repository
class ImportProgressRepository {

	/*
	 * Done when every planned page has an outcome and no movie id of a fetched page lacks its
	 * import_items row. Counting "missing" rather than comparing two counts keeps it exact when
	 * a movie appears on two pages.
	 */
	private static final String COMPLETE_IF_DONE = """
			update import_jobs j
			set status = case when exists (select 1 from import_pages p where p.import_id = j.id and p.status = 'FAILED')
			                    or exists (select 1 from import_items i where i.import_id = j.id and i.outcome = 'FAILED')
			                  then 'COMPLETED_WITH_ERRORS' else 'COMPLETED' end,
			    finished_at = now()
			where j.id = :id
			  and j.status = 'RUNNING'
			  and (select count(*) from import_pages p
			       where p.import_id = j.id and p.page <= j.total_pages and p.status in ('FETCHED', 'FAILED')) >= j.total_pages
			  and not exists (
			      select 1 from import_pages p, unnest(p.movie_ids) as e(tmdb_id)
			      where p.import_id = j.id and p.status = 'FETCHED'
			        and not exists (select 1 from import_items i
			                        where i.import_id = j.id and i.tmdb_id = e.tmdb_id and i.outcome <> 'RETRYING'))
			""";

	private static final String MOVIE_COUNTS = """
			select count(*) as expected,
			       count(i.tmdb_id) filter (where i.outcome = 'PERSISTED') as persisted,
			       count(i.tmdb_id) filter (where i.outcome = 'NOT_FOUND') as not_found,
			       count(i.tmdb_id) filter (where i.outcome = 'FAILED') as failed
			from (select distinct unnest(movie_ids) as tmdb_id
			      from import_pages where import_id = :id and status = 'FETCHED') e
			left join import_items i on i.import_id = :id and i.tmdb_id = e.tmdb_id
			""";

	private final JdbcClient jdbc;

	ImportProgressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param windows the release-date windows of a windowed discover import, else empty */
	void markPlanned(UUID id, int totalPages, long totalResults, List<ImportWindow> windows) {
		jdbc.sql("""
				update import_jobs set status = 'RUNNING', total_pages = :pages, total_results = :results,
				    windows = cast(:windows as jsonb), started_at = coalesce(started_at, now()), heartbeat_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING')
				""")
			.param("id", id)
			.param("pages", totalPages)
			.param("results", totalResults)
			.param("windows", windows.isEmpty() ? null : FleetJson.MAPPER.writeValueAsString(windows), Types.VARCHAR)
			.update();
	}

	void recordFetchedPage(UUID id, int page, List<Long> movieIds) {
		jdbc.sql("""
				insert into import_pages (import_id, page, status, movie_ids) values (:id, :page, 'FETCHED', :ids)
				on conflict (import_id, page) do update
				set status = 'FETCHED', movie_ids = excluded.movie_ids, error = null, updated_at = now()
				""").param("id", id).param("page", page).param("ids", movieIds.toArray(Long[]::new)).update();
		touch(id);
	}

	/** A failure never overwrites a success: a page fetched once stays fetched. */
	void recordFailedPage(UUID id, int page, String reason) {
		jdbc.sql("""
				insert into import_pages (import_id, page, status, error) values (:id, :page, 'FAILED', :reason)
				on conflict (import_id, page) do update
				set status = 'FAILED', error = excluded.error, updated_at = now()
				where import_pages.status <> 'FETCHED'
				""").param("id", id).param("page", page).param("reason", reason).update();
		touch(id);
	}

	void markFailed(UUID id, String reason) {
		jdbc.sql("""
				update import_jobs set status = 'FAILED', error = :reason, finished_at = now(), heartbeat_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING')
				""").param("id", id).param("reason", reason).update();
	}

	/**
	 * The import never reached Kafka. Its idempotency key is freed: the client was told to retry,
	 * and a retry with the same key must start the import, not replay this failure.
	 */
	void markUnpublished(UUID id, String reason) {
		jdbc.sql("""
				update import_jobs set status = 'FAILED', error = :reason, finished_at = now(), heartbeat_at = now(),
				    idempotency_key = null
				where id = :id and status = 'QUEUED'
				""").param("id", id).param("reason", reason).update();
	}

	/**
	 * Cancels an unfinished import; a cancelled one stays cancelled (asking twice is fine).
	 * @return whether the import is now cancelled
	 */
	boolean cancel(UUID id) {
		return jdbc.sql("""
				update import_jobs set status = 'CANCELLED', finished_at = coalesce(finished_at, now())
				where id = :id and status in ('QUEUED', 'RUNNING', 'CANCELLED')
				""").param("id", id).update() > 0;
	}

	/**
	 * Takes the failed pages of an import to retry them: they become RETRYING (an outcome no
	 * more, so the import cannot end before they have a new one) and the import RUNNING again.
	 * Only a running or completed-with-errors import: a cancelled one stays cancelled. Two
	 * concurrent retries cannot take the same page.
	 * @return the pages taken, none if nothing failed
	 */
	List<Integer> takeFailedPages(UUID id) {
		return jdbc.sql("""
				with job as (
				    update import_jobs set status = 'RUNNING', finished_at = null, heartbeat_at = now()
				    where id = :id and status in ('RUNNING', 'COMPLETED_WITH_ERRORS')
				      and (exists (select 1 from import_pages where import_id = :id and status = 'FAILED')
				           or exists (select 1 from import_items where import_id = :id and outcome = 'FAILED'))
				    returning id)
				update import_pages p set status = 'RETRYING', updated_at = now()
				from job where p.import_id = job.id and p.status = 'FAILED'
				returning p.page
				""").param("id", id).query(Integer.class).list().stream().sorted().toList();
	}

	/**
	 * Takes the movies whose details failed, once {@link #takeFailedPages} made the import
	 * RUNNING again: they become RETRYING, which is no outcome, until their new one arrives.
	 */
	List<Long> takeFailedMovies(UUID id) {
		return jdbc.sql("""
				update import_items set outcome = 'RETRYING'
				where import_id = :id and outcome = 'FAILED'
				  and exists (select 1 from import_jobs where id = :id and status = 'RUNNING')
				returning tmdb_id
				""").param("id", id).query(Long.class).list().stream().sorted().toList();
	}

	void giveBackMovies(UUID id, List<Long> movies) {
		jdbc.sql("""
				update import_items set outcome = 'FAILED'
				where import_id = :id and outcome = 'RETRYING' and tmdb_id = any(:movies)
				""").param("id", id).param("movies", movies.toArray(Long[]::new)).update();
		completeIfDone(id);
	}

	/** The retry could not be queued: the pages are failed again, with their earlier reasons. */
	void giveBackPages(UUID id, List<Integer> pages) {
		jdbc.sql("""
				update import_pages set status = 'FAILED', updated_at = now()
				where import_id = :id and status = 'RETRYING' and page = any(:pages)
				""").param("id", id).param("pages", pages.toArray(Integer[]::new)).update();
		completeIfDone(id);
	}

	/** An import that never got past its planner runs again from the start. */
	boolean requeue(UUID id) {
		return jdbc.sql("""
				update import_jobs set status = 'QUEUED', error = null, finished_at = null, heartbeat_at = now()
				where id = :id and status = 'FAILED' and total_pages is null
				""").param("id", id).update() > 0;
	}

	/** When any import last progressed; null if none ever did. */
	Instant lastProgress() {
		return jdbc.sql("select max(heartbeat_at) from import_jobs").query(Instant.class).optional().orElse(null);
	}

	void touch(UUID id) {
		jdbc.sql("update import_jobs set heartbeat_at = now() where id = :id").param("id", id).update();
	}

	void completeIfDone(UUID id) {
		jdbc.sql(COMPLETE_IF_DONE).param("id", id).update();
	}

	Counts counts(UUID id) {
		PageCounts pages = jdbc.sql("""
				select count(*) filter (where status = 'FETCHED') as fetched,
				       count(*) filter (where status = 'FAILED') as failed,
				       count(*) filter (where status = 'RETRYING') as retrying
				from import_pages where import_id = :id
				""").param("id", id).query(PageCounts.class).single();
		MovieCounts movies = jdbc.sql(MOVIE_COUNTS).param("id", id).query(MovieCounts.class).single();
		List<FailedMovie> failedMovies = jdbc.sql("""
				select tmdb_id, reason from import_items where import_id = :id and outcome = 'FAILED'
				order by tmdb_id limit 100
				""").param("id", id).query(FailedMovie.class).list();
		List<FailedPage> failed = jdbc
			.sql("select page, error as reason from import_pages where import_id = :id and status = 'FAILED' order by page")
			.param("id", id)
			.query(FailedPage.class)
			.list();
		return new Counts(pages.fetched(), pages.failed(), pages.retrying(), movies.expected(), movies.persisted(),
				movies.notFound(), movies.failed(), failed, failedMovies);
	}

	record Counts(long pagesFetched, long pagesFailed, long pagesRetrying, long moviesExpected, long moviesPersisted,
			long moviesNotFound, long moviesFailed, List<FailedPage> failedPages, List<FailedMovie> failedMovies) {

		/** An import nothing has happened to yet. */
		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, List.of(), List.of());

	}

	/** A page that could not be fetched, and why. */
	record FailedPage(int page, String reason) {
	}

	private record PageCounts(long fetched, long failed, long retrying) {
	}

	/** A movie whose details could not be fetched, and why. */
	record FailedMovie(long tmdbId, String reason) {
	}

	private record MovieCounts(long expected, long persisted, long notFound, long failed) {
	}

}
