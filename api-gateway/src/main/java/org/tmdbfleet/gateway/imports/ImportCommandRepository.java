package org.tmdbfleet.gateway.imports;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.gateway.progress.ImportOutcomes;
import org.tmdbfleet.gateway.tracking.ImportStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the commands read of an import's row and write to its rows. Each write decides by the row
 * as it stands (a status in its WHERE), so two concurrent commands never both succeed where only
 * one may, and the counters move with the rows they count (see {@code V5__progress_counters.sql}).
 */
@Repository
class ImportCommandRepository {

	private final JdbcClient jdbc;

	private final ImportOutcomes outcomes;

	ImportCommandRepository(JdbcClient jdbc, ImportOutcomes outcomes) {
		this.jdbc = jdbc;
		this.outcomes = outcomes;
	}

	/** The import as a command finds it before it acts; empty if there is none. */
	Optional<Found> find(UUID id) {
		return jdbc.sql("""
				select source, params::text, status, total_pages, windows::text from import_jobs where id = :id
				""")
			.param("id", id)
			.query((row, n) -> new Found(id, row.getString(1), row.getString(2), ImportStatus.valueOf(row.getString(3)),
					row.getObject(4, Integer.class), windows(row.getString(5))))
			.optional();
	}

	private static List<ImportWindow> windows(String json) {
		return (json == null) ? List.of() : List.of(FleetJson.MAPPER.readValue(json, ImportWindow[].class));
	}

	/** @return false if the idempotency key was taken meanwhile (nothing was inserted) */
	boolean insertQueued(UUID id, String source, String params, Integer requestedPages, String idempotencyKey,
			String note) {
		return jdbc.sql("""
				insert into import_jobs (id, source, params, status, idempotency_key, requested_pages, note)
				values (:id, :source, cast(:params as jsonb), 'QUEUED', :key, :pages, :note)
				on conflict (idempotency_key) do nothing
				""")
			.param("id", id)
			.param("note", note)
			.param("source", source)
			.param("params", params)
			.param("key", idempotencyKey)
			.param("pages", requestedPages)
			.update() > 0;
	}

	/** The import an idempotency key started: its id, source and params. */
	Optional<Keyed> findByIdempotencyKey(String key) {
		return jdbc.sql("select id, source, params::text as params from import_jobs where idempotency_key = :key")
			.param("key", key)
			.query(Keyed.class)
			.optional();
	}

	/**
	 * Cancels an unfinished import; a cancelled one stays cancelled (asking twice is fine).
	 * @return whether the import is now cancelled
	 */
	boolean cancel(UUID id) {
		List<ImportOutcomes.Ended> cancelled = jdbc.sql("""
				update import_jobs set status = 'CANCELLED', finished_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING')
				""" + ImportOutcomes.RETURNING).param("id", id).query(ImportOutcomes::ended).list();
		outcomes.record(cancelled);
		return !cancelled.isEmpty() || jdbc.sql("select count(*) from import_jobs where id = :id and status = 'CANCELLED'")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Takes what failed in an import to retry it: its failed pages and movies become RETRYING (no
	 * outcome, so the import cannot end before they have a new one) and the import RUNNING again.
	 * Only a running or completed-with-errors import: a cancelled one stays cancelled. Two
	 * concurrent retries cannot take the same page or movie. Locks in the order every writer of
	 * progress uses (pages, movies, the import's row). Runs in the caller's transaction, which must
	 * roll back when this returns empty.
	 * @return what was taken; empty if the import cannot be retried (nothing is taken then)
	 */
	Optional<Taken> takeFailures(UUID id) {
		List<Integer> pages = jdbc.sql("""
				update import_pages set status = 'RETRYING', updated_at = now()
				where import_id = :id and status = 'FAILED'
				  and exists (select 1 from import_jobs where id = :id and status in ('RUNNING', 'COMPLETED_WITH_ERRORS'))
				returning page
				""").param("id", id).query(Integer.class).list().stream().sorted().toList();
		List<Long> movies = jdbc.sql("""
				update import_items set outcome = 'RETRYING'
				where import_id = :id and outcome = 'FAILED' and listed
				  and exists (select 1 from import_jobs where id = :id and status in ('RUNNING', 'COMPLETED_WITH_ERRORS'))
				returning tmdb_id
				""").param("id", id).query(Long.class).list().stream().sorted().toList();
		if (pages.isEmpty() && movies.isEmpty()) {
			return Optional.empty();
		}
		int updated = jdbc.sql("""
				update import_jobs set status = 'RUNNING', finished_at = null, heartbeat_at = now(),
				    pages_failed = pages_failed - :pages, pages_retrying = pages_retrying + :pages,
				    movies_failed = movies_failed - :movies
				where id = :id and status in ('RUNNING', 'COMPLETED_WITH_ERRORS')
				""").param("id", id).param("pages", pages.size()).param("movies", movies.size()).update();
		return (updated > 0) ? Optional.of(new Taken(pages, movies)) : Optional.empty();
	}

	/** An import whose planning failed runs again from the start. */
	boolean requeue(UUID id) {
		return jdbc.sql("""
				update import_jobs set status = 'QUEUED', error = null, finished_at = null, heartbeat_at = now()
				where id = :id and status = 'FAILED' and total_pages is null
				""").param("id", id).update() > 0;
	}

	/**
	 * An import as a command finds it: what it decides by, and what it needs to send the import's
	 * commands again.
	 *
	 * @param params what was asked beyond the source, as JSON ({@link ImportParams})
	 * @param totalPages pages planned, null until the plan is made
	 * @param windows the release-date windows of a windowed discover import, in date order; else empty
	 */
	record Found(UUID id, String source, String params, ImportStatus status, Integer totalPages,
			List<ImportWindow> windows) {
	}

	/** The failed pages and movies a retry took. */
	record Taken(List<Integer> pages, List<Long> movies) {
	}

	/** An import as its idempotency key finds it. */
	record Keyed(UUID id, String source, String params) {
	}

}
