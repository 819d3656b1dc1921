package org.tmdbfleet.persist.movies;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows inserted, updated and deleted per table, from {@code pg_stat_user_tables}. PostgreSQL 15+
 * keeps a session's counts until it is idle and a second has passed since its last flush (else up
 * to 10 s): {@link #flush()} asks every session of the pool, the listener's included, to flush now.
 */
final class TableStatistics {

	private final HikariDataSource pool;

	private final JdbcTemplate jdbc;

	TableStatistics(HikariDataSource pool) {
		this.pool = pool;
		this.jdbc = new JdbcTemplate(pool);
	}

	/** Holds every connection of the pool at once, so that no session is missed. */
	void flush() {
		List<Connection> sessions = new ArrayList<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				Connection session = pool.getConnection();
				sessions.add(session);
				try (Statement statement = session.createStatement()) {
					statement.execute("select pg_stat_force_next_flush()"); // done as the session turns idle
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			sessions.forEach(TableStatistics::release);
		}
	}

	/** {@code <table>_ins}, {@code _upd} and {@code _del} of each table, as flushed so far. */
	Map<String, Long> of(String... tables) {
		jdbc.execute("select pg_stat_clear_snapshot()");
		Map<String, Long> statistics = new TreeMap<>();
		jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables where relname = any(?)",
				(ResultSet row) -> {
					statistics.put(row.getString(1) + "_ins", row.getLong(2));
					statistics.put(row.getString(1) + "_upd", row.getLong(3));
					statistics.put(row.getString(1) + "_del", row.getLong(4));
				}, (Object) tables);
		return statistics;
	}

	private static void release(Connection session) {
		try {
			session.close();
		}
		catch (SQLException ex) {
			// back in the pool or gone: not ours any more either way
		}
	}

}
