package org.tmdbfleet.persist.movies;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch in one transaction: the movies, then the outcome of every (import, movie) and
 * the import counters those outcomes move.
 */
@Component
class MovieBatchWriter {

	private static final Comparator<FetchedMovie> MOVIE_THEN_FETCH = Comparator.comparingLong(FetchedMovie::tmdbId)
		.thenComparing(movie -> movie.row().fetchedAt());

	private final MovieRepository movies;

	private final ImportItemRepository items;

	private final TransactionTemplate batch;

	MovieBatchWriter(MovieRepository movies, ImportItemRepository items, PlatformTransactionManager transactions) {
		this.movies = movies;
		this.items = items;
		this.batch = new TransactionTemplate(transactions);
	}

	/**
	 * Persists the fetched movies and the outcomes of the batch's (import, movie) pairs, including
	 * those of movies that were not fetched. Returns once the transaction committed.
	 */
	Written write(List<FetchedMovie> fetched, List<ImportItem> notFetched) {
		// sorted by movie, then oldest fetch first: rows are locked in id order
		List<MovieRow> rows = collapsed(fetched.stream().sorted(MOVIE_THEN_FETCH).toList());
		return batch.execute(status -> {
			int upserted = rows.isEmpty() ? 0 : movies.upsert(rows);
			Collection<ImportItem> outcomes = outcomes(fetched, notFetched);
			items.record(outcomes);
			return new Written(upserted, outcomes);
		});
	}

	/** One row per movie (a statement may not update a row twice), merged as the upsert would. */
	private static List<MovieRow> collapsed(List<FetchedMovie> fetched) {
		Map<Long, MovieRow> rows = new LinkedHashMap<>();
		fetched.forEach(movie -> rows.merge(movie.tmdbId(), movie.row(), MovieRow::updatedBy));
		return List.copyOf(rows.values());
	}

	/* one outcome per (import, movie): persisted wins, else the first one */
	private static Collection<ImportItem> outcomes(List<FetchedMovie> fetched, List<ImportItem> notFetched) {
		Map<ImportItem.Key, ImportItem> outcomes = new LinkedHashMap<>();
		fetched.stream()
			.map(movie -> ImportItem.persisted(movie.importId(), movie.tmdbId()))
			.forEach(item -> outcomes.put(item.key(), item));
		notFetched.forEach(item -> outcomes.putIfAbsent(item.key(), item));
		return outcomes.values();
	}

	/** What a batch wrote: movie rows inserted or changed, and the outcomes. */
	record Written(int upserted, Collection<ImportItem> items) {
	}

}
