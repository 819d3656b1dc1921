package org.tmdbfleet.gateway.progress;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportWindow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Applies progress to an import's rows and counters. Every event may be delivered more than once
 * and out of order, so every statement is idempotent, and a counter moves only with a row the
 * statement itself changed: each page and each (import, movie) is counted exactly once. Each
 * statement touches the event's rows and the import's one row, whatever the size of the import.
 * Locks are taken in one order everywhere (page, then movies by id, then the import's row), the
 * order the persist workers use too (movies, then imports), so the writers never deadlock.
 */
@Repository
class ImportProgressRepository {

	/*
	 * Done when every planned page has an outcome, none is being retried, and every movie the
	 * fetched pages listed has an outcome. Counters, not a count of rows: one row is read. An
	 * import that ended with errors is COMPLETED once a late success (a re-delivered or reordered
	 * event) leaves it none: the status follows the counters.
	 */
	private static final String COMPLETE_IF_DONE = """
			update import_jobs
			set status = case when pages_failed > 0 or movies_failed > 0 then 'COMPLETED_WITH_ERRORS' else 'COMPLETED' end,
			    finished_at = now()
			where id = :id and total_pages is not null
			  and (status = 'RUNNING' or (status = 'COMPLETED_WITH_ERRORS' and pages_failed = 0 and movies_failed = 0))
			  and pages_fetched + pages_failed >= total_pages and pages_retrying = 0
			  and movies_persisted + movies_not_found + movies_failed >= movies_expected
			""";

	/*
	 * Marks the page's movies listed; a movie listed before (on another page, or by a re-delivered
	 * event) is not counted again. A movie whose outcome a persist worker recorded before it was
	 * listed has its outcome counted now: whichever of the two comes second counts it.
	 */
	private static final String LIST_MOVIES = """
			with listed as (
			    insert into import_items as i (import_id, tmdb_id, listed)
			    select :id, tmdb_id, true from unnest(cast(:ids as bigint[])) as page(tmdb_id) group by tmdb_id order by tmdb_id
			    on conflict (import_id, tmdb_id) do update set listed = true where not i.listed
			    returning i.outcome)
			update import_jobs set
			    movies_expected = movies_expected + (select count(*) from listed),
			    movies_persisted = movies_persisted + (select count(*) from listed where outcome = 'PERSISTED'),
			    movies_not_found = movies_not_found + (select count(*) from listed where outcome = 'NOT_FOUND'),
			    movies_failed = movies_failed + (select count(*) from listed where outcome = 'FAILED'),
			    heartbeat_at = now()
			where id = :id
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

	/** A page fetched is fetched for good; its movies are listed even if it was fetched before. */
	void recordFetchedPage(UUID id, int page, List<Long> movieIds) {
		PageStatus before = lockPage(id, page);
		// the movies before the import's row, the order the persist workers lock in too
		jdbc.sql(LIST_MOVIES).param("id", id).param("ids", movieIds.toArray(Long[]::new)).update();
		if (before != PageStatus.FETCHED) {
			jdbc.sql("""
					insert into import_pages (import_id, page, status) values (:id, :page, 'FETCHED')
					on conflict (import_id, page) do update set status = 'FETCHED', error = null, updated_at = now()
					""").param("id", id).param("page", page).update();
			countPage(id, before, PageStatus.FETCHED);
		}
	}

	/** A failure never overwrites a success: a page fetched once stays fetched. */
	void recordFailedPage(UUID id, int page, String reason) {
		PageStatus before = lockPage(id, page);
		if (before == PageStatus.FETCHED) {
			return;
		}
		jdbc.sql("""
				insert into import_pages (import_id, page, status, error) values (:id, :page, 'FAILED', :reason)
				on conflict (import_id, page) do update set status = 'FAILED', error = excluded.error, updated_at = now()
				""").param("id", id).param("page", page).param("reason", reason).update();
		countPage(id, before, PageStatus.FAILED);
	}

	void markFailed(UUID id, String reason) {
		jdbc.sql("""
				update import_jobs set status = 'FAILED', error = :reason, finished_at = now(), heartbeat_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING')
				""").param("id", id).param("reason", reason).update();
	}

	/** When any import last progressed; null if none ever did. */
	Instant lastProgress() {
		return jdbc.sql("select max(heartbeat_at) from import_jobs").query(Instant.class).optional().orElse(null);
	}

	void touch(UUID id) {
		jdbc.sql("update import_jobs set heartbeat_at = now() where id = :id").param("id", id).update();
	}

	/** Ends the import if nothing of it is missing; reads and writes its one row. */
	void completeIfDone(UUID id) {
		jdbc.sql(COMPLETE_IF_DONE).param("id", id).update();
	}

	/** The imports still running, for the periodic re-decision. */
	List<UUID> running() {
		return jdbc.sql("select id from import_jobs where status = 'RUNNING'").query(UUID.class).list();
	}

	/** The page's status as it stands, locked until the transaction ends; null if it has none. */
	private PageStatus lockPage(UUID id, int page) {
		return jdbc.sql("select status from import_pages where import_id = :id and page = :page for update")
			.param("id", id)
			.param("page", page)
			.query(PageStatus.class)
			.optional()
			.orElse(null);
	}

	/** Moves the page from one counter to another. */
	private void countPage(UUID id, PageStatus before, PageStatus after) {
		jdbc.sql("""
				update import_jobs set pages_fetched = pages_fetched + :fetched, pages_failed = pages_failed + :failed,
				    pages_retrying = pages_retrying + :retrying, heartbeat_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("fetched", delta(PageStatus.FETCHED, before, after))
			.param("failed", delta(PageStatus.FAILED, before, after))
			.param("retrying", delta(PageStatus.RETRYING, before, after))
			.update();
	}

	private static int delta(PageStatus counted, PageStatus before, PageStatus after) {
		return ((after == counted) ? 1 : 0) - ((before == counted) ? 1 : 0);
	}

	/** Where a page of an import stands. */
	enum PageStatus {

		FETCHED, FAILED, RETRYING

	}

}
