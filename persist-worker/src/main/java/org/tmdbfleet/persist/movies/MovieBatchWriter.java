package org.tmdbfleet.persist.movies;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch in one transaction: the movies, then the outcome of every (import, movie) and
 * the import counters those outcomes move. A record PostgreSQL rejects costs only itself: it is
 * left out, its movie's outcome is {@code FAILED}, and the caller dead-letters it.
 */
@Component
class MovieBatchWriter {

	/*
	 * SQLState classes that blame what a row holds: 22 data exception (a NUL byte, a date or a
	 * number out of range, malformed json), 23 integrity constraint violation, 54 program limit
	 * exceeded (a value too big for an index or jsonb), 21 cardinality violation (one statement
	 * told to write a key twice: a genre list naming an id twice). Retrying cannot heal them; splitting the
	 * batch finds the row. Anything else (connection, locks, resources, the schema, the statement
	 * itself) is not one record's fault: it propagates and the listener retries the batch.
	 */
	private static final Set<String> DATA_ERRORS = Set.of("21", "22", "23", "54");

	private static final Comparator<FetchedMovie> MOVIE_THEN_FETCH = Comparator.comparingLong(FetchedMovie::tmdbId)
		.thenComparing(movie -> movie.row().fetchedAt());

	private final MovieRepository movies;

	private final ImportItemRepository items;

	private final TransactionTemplate batch;

	private final DataSource dataSource;

	MovieBatchWriter(MovieRepository movies, ImportItemRepository items, PlatformTransactionManager transactions,
			DataSource dataSource) {
		this.movies = movies;
		this.items = items;
		this.batch = new TransactionTemplate(transactions);
		this.dataSource = dataSource;
	}

	/**
	 * Persists the fetched movies, marks deleted the ones TMDB no longer knows, and records the
	 * outcomes of the batch's (import, movie) pairs, including those of movies that were not
	 * fetched. Returns once the transaction committed.
	 * @param gone TMDB's "not found" answers newer than every fetch of their movie in the batch
	 */
	Written write(List<FetchedMovie> fetched, List<ImportItem> notFetched, List<NotFound> gone) {
		// sorted by movie, then oldest fetch first: rows are locked in id order, and however the
		// batch is split below, the fetches of one movie are written oldest first
		List<FetchedMovie> ordered = fetched.stream().sorted(MOVIE_THEN_FETCH).toList();
		return batch.execute(status -> {
			List<Rejected> rejected = new ArrayList<>();
			int upserted = upsert(ordered, rejected);
			movies.markDeleted(gone);
			Collection<ImportItem> outcomes = outcomes(fetched, rejected, notFetched);
			items.record(outcomes);
			return new Written(upserted, outcomes, rejected);
		});
	}

	/*
	 * Each attempt runs under a savepoint. When PostgreSQL rejects a row, the attempt is rolled back
	 * to it and the records are split in two halves, tried in turn the same way, down to the single
	 * records that fail alone. Savepoints, not a transaction per half: the batch stays one
	 * transaction, so the good records, the rejected ones' outcomes and the counters commit
	 * together or not at all, and the outcomes are written once, after every movie, which keeps the
	 * lock order. A clean batch pays one savepoint; k bad records among n cost about 2k·log2(n)
	 * attempts.
	 */
	private int upsert(List<FetchedMovie> fetched, List<Rejected> rejected) {
		if (fetched.isEmpty()) {
			return 0;
		}
		try {
			return underSavepoint(() -> movies.upsert(collapsed(fetched)));
		}
		catch (DataAccessException ex) {
			SQLException dataError = dataError(ex);
			if (dataError == null) {
				throw ex;
			}
			if (fetched.size() == 1) {
				rejected.add(new Rejected(fetched.getFirst(), dataError));
				return 0;
			}
			int half = fetched.size() / 2;
			return upsert(fetched.subList(0, half), rejected) + upsert(fetched.subList(half, fetched.size()), rejected);
		}
	}

	/*
	 * A savepoint on the transaction's own connection, not a nested transaction: every transaction
	 * manager binds that connection (JPA's too, where one is on the classpath), but only JDBC's
	 * allows nested transactions by default.
	 */
	private int underSavepoint(IntSupplier write) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		Savepoint savepoint;
		try {
			savepoint = connection.setSavepoint();
		}
		catch (SQLException ex) {
			throw new CannotCreateTransactionException("Could not set a savepoint", ex);
		}
		int written;
		try {
			written = write.getAsInt();
		}
		catch (RuntimeException ex) {
			try {
				connection.rollback(savepoint);
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
			}
			throw ex;
		}
		try {
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ex) {
			throw new CannotCreateTransactionException("Could not release a savepoint", ex);
		}
		return written;
	}

	/** One row per movie (a statement may not update a row twice), merged as the upsert would. */
	private static List<MovieRow> collapsed(List<FetchedMovie> fetched) {
		Map<Long, MovieRow> rows = new LinkedHashMap<>();
		fetched.forEach(movie -> rows.merge(movie.tmdbId(), movie.row(), MovieRow::updatedBy));
		return List.copyOf(rows.values());
	}

	/* one outcome per (import, movie): persisted wins, else the first one */
	private static Collection<ImportItem> outcomes(List<FetchedMovie> fetched, List<Rejected> rejected,
			List<ImportItem> notFetched) {
		Map<ImportItem.Key, ImportItem> outcomes = new LinkedHashMap<>();
		Set<FetchedMovie> failed = Collections.newSetFromMap(new IdentityHashMap<>());
		rejected.forEach(bad -> failed.add(bad.movie()));
		fetched.stream()
			.filter(movie -> !failed.contains(movie))
			.map(movie -> ImportItem.persisted(movie.importId(), movie.tmdbId()))
			.forEach(item -> outcomes.put(item.key(), item));
		rejected.stream()
			.map(bad -> ImportItem.failed(bad.movie().importId(), bad.movie().tmdbId(), bad.reason()))
			.forEach(item -> outcomes.putIfAbsent(item.key(), item));
		notFetched.forEach(item -> outcomes.putIfAbsent(item.key(), item));
		return outcomes.values();
	}

	/** PostgreSQL's error if it blames the data, else null. */
	static SQLException dataError(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
				return DATA_ERRORS.contains(sql.getSQLState().substring(0, 2)) ? sql : null;
			}
		}
		return null;
	}

	/** What a batch wrote: movie rows inserted or changed, the outcomes, the records left out. */
	record Written(int upserted, Collection<ImportItem> items, List<Rejected> rejected) {
	}

	/** A record PostgreSQL refused to store, and why. */
	record Rejected(FetchedMovie movie, SQLException failure) {

		String reason() {
			return reasonOf(failure);
		}

		static String reasonOf(SQLException failure) {
			String message = String.valueOf(failure.getMessage()).replaceAll("\\s+", " ").strip();
			return "rejected by PostgreSQL: " + ((message.length() > 500) ? message.substring(0, 500) + "…" : message);
		}

	}

}
