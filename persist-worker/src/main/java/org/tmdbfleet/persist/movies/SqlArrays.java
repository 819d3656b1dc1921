package org.tmdbfleet.persist.movies;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/** Statement parameters as arrays, one element per row: a whole batch in one round trip. */
final class SqlArrays {

	private SqlArrays() {
	}

	static <T> Array of(Connection connection, String type, Collection<T> rows, Function<T, ?> column)
			throws SQLException {
		return connection.createArrayOf(type, rows.stream().map(column).toArray());
	}

}
