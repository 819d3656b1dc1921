package org.tmdbfleet.common.progress;

/**
 * The contract of the two progress tables that two services write, {@code import_jobs} and
 * {@code import_items} (their schema is in this module's migrations):
 * <ul>
 * <li>The gateway owns {@code import_jobs}: it inserts the row, sets its status, its plan and
 * its page counters, lists the movies its pages name ({@code import_items.listed}) and counts
 * the outcomes of movies it lists.</li>
 * <li>A persist worker writes each movie's outcome on {@code import_items} in the transaction
 * that persists the movie, and moves only the {@code movies_*} counters and {@code
 * heartbeat_at} of {@code import_jobs}, for the outcomes of movies the gateway listed already.
 * An outcome is counted once, by whichever of the two writes second.</li>
 * <li>Both lock in one order, so they never wait for each other in a circle: {@code
 * import_pages} rows (the gateway's alone), then {@code import_items} rows in (import, movie)
 * order, then {@code import_jobs} rows in id order ({@link #LOCK_IMPORTS}), last in the
 * transaction: every writer of a big import needs its row, so it is held for the shortest
 * time.</li>
 * </ul>
 */
public final class ProgressTables {

	/**
	 * Locks the rows of the imports a transaction counts, in id order; the one parameter is an
	 * array of the imports' ids. An import without a row is no error.
	 */
	public static final String LOCK_IMPORTS = "select id from import_jobs where id = any(cast(? as uuid[])) order by id for update";

	private ProgressTables() {
	}

}
