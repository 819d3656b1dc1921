package org.tmdbfleet.persist.movies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.tmdbfleet.common.progress.ProgressTables;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.tmdbfleet.persist.movies.SqlArrays.of;

/**
 * The outcome of each movie of an import ({@code import_items}) and the counters on
 * {@code import_jobs} that the outcomes move, in the persist batch's transaction, as {@link
 * ProgressTables} says the persist workers share these tables with the gateway.
 */
@Repository
class ImportItemRepository {

	/*
	 * A row the gateway has not listed yet is inserted unlisted. The first outcome stands, unless a
	 * retry asked for a new one (RETRYING is no outcome; the retry already took the movie out of
	 * movies_failed). Only rows whose outcome this statement set come back, and only the listed
	 * ones count: the gateway counts an outcome when it lists its row later. So a re-delivered
	 * record sets nothing and counts nothing. Rows are taken in (import, movie) order, the lock
	 * order of ProgressTables.
	 */
	private static final String RECORD_OUTCOMES = """
			with written as (
			    insert into import_items as i (import_id, tmdb_id, outcome, reason, persisted_at)
			    select b.import_id, b.tmdb_id, b.outcome, b.reason, now()
			    from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[]) as b(import_id, tmdb_id, outcome, reason)
			    order by b.import_id, b.tmdb_id
			    on conflict (import_id, tmdb_id) do update
			    set outcome = excluded.outcome, reason = excluded.reason, persisted_at = excluded.persisted_at
			    where i.outcome is null or i.outcome = 'RETRYING'
			    returning i.import_id, i.listed, i.outcome)
			select import_id,
			       count(*) filter (where outcome = 'PERSISTED') as persisted,
			       count(*) filter (where outcome = 'NOT_FOUND') as not_found,
			       count(*) filter (where outcome = 'FAILED') as failed
			from written
			where listed
			group by import_id
			""";

	private static final String COUNT_OUTCOMES = """
			update import_jobs j set
			    movies_persisted = j.movies_persisted + c.persisted,
			    movies_not_found = j.movies_not_found + c.not_found,
			    movies_failed = j.movies_failed + c.failed,
			    heartbeat_at = now()
			from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[]) as c(import_id, persisted, not_found, failed)
			where j.id = c.import_id
			""";

	private final JdbcTemplate jdbc;

	ImportItemRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Gives the items their outcome, at most one item per (import, movie), and moves the counters
	 * of the imports whose listed movies got one. Run it last in the transaction: it holds the
	 * import rows' locks, which every batch of a big import needs, until the commit.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void record(Collection<ImportItem> items) {
		List<Counts> counts = jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(RECORD_OUTCOMES)) {
				statement.setArray(1, of(connection, "uuid", items, ImportItem::importId));
				statement.setArray(2, of(connection, "bigint", items, ImportItem::tmdbId));
				statement.setArray(3, of(connection, "text", items, item -> item.outcome().name()));
				statement.setArray(4, of(connection, "text", items, ImportItem::reason));
				List<Counts> rows = new ArrayList<>();
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						rows.add(new Counts(result.getObject(1, UUID.class), result.getLong(2), result.getLong(3),
								result.getLong(4)));
					}
				}
				return rows;
			}
		});
		if (counts == null || counts.isEmpty()) {
			return;
		}
		jdbc.execute((Connection connection) -> {
			try (PreparedStatement lock = connection.prepareStatement(ProgressTables.LOCK_IMPORTS);
					PreparedStatement count = connection.prepareStatement(COUNT_OUTCOMES)) {
				lock.setArray(1, of(connection, "uuid", counts, Counts::importId));
				lock.executeQuery().close();
				count.setArray(1, of(connection, "uuid", counts, Counts::importId));
				count.setArray(2, of(connection, "bigint", counts, Counts::persisted));
				count.setArray(3, of(connection, "bigint", counts, Counts::notFound));
				count.setArray(4, of(connection, "bigint", counts, Counts::failed));
				return count.executeUpdate();
			}
		});
	}

	/** Outcomes one statement set for listed movies of an import. */
	private record Counts(UUID importId, long persisted, long notFound, long failed) {
	}

}
