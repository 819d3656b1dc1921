package org.tmdbfleet.catalog.lists;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;

import org.tmdbfleet.catalog.lists.GeneratedCatalog.StoredMovie;

import static java.util.Comparator.comparing;
import static java.util.Comparator.nullsFirst;
import static java.util.Comparator.nullsLast;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.reverseOrder;

/**
 * The spec's orders (docs/catalog-api.md, "Orders") written again in Java, apart from the SQL
 * under test: each then by id ascending; a missing number or title lowest, a missing date last.
 */
final class Orders {

	private static final Comparator<StoredMovie> BY_ID = comparing(StoredMovie::id);

	/** PostgreSQL's {@code COLLATE "C"} on UTF-8: by Unicode code point. */
	private static final Comparator<String> CODE_POINTS = (a, b) -> Arrays.compare(a.codePoints().toArray(),
			b.codePoints().toArray());

	private Orders() {
	}

	static Comparator<StoredMovie> of(SortBy sort) {
		return switch (sort) {
			case POPULARITY_DESC -> descending(StoredMovie::popularity).thenComparing(BY_ID);
			case POPULARITY_ASC -> ascending(StoredMovie::popularity).thenComparing(BY_ID);
			case VOTE_AVERAGE_DESC -> descending(StoredMovie::voteAverage)
				.thenComparing(descending(StoredMovie::voteCount)).thenComparing(BY_ID);
			case VOTE_AVERAGE_ASC -> ascending(StoredMovie::voteAverage)
				.thenComparing(descending(StoredMovie::voteCount)).thenComparing(BY_ID);
			case VOTE_COUNT_DESC -> descending(StoredMovie::voteCount).thenComparing(BY_ID);
			case VOTE_COUNT_ASC -> ascending(StoredMovie::voteCount).thenComparing(BY_ID);
			case RELEASE_DATE_DESC -> comparing(StoredMovie::released, nullsLast(reverseOrder())).thenComparing(BY_ID);
			case RELEASE_DATE_ASC -> comparing(StoredMovie::released, nullsLast(naturalOrder())).thenComparing(BY_ID);
			case TITLE_DESC -> comparing(StoredMovie::title, nullsFirst(CODE_POINTS).reversed()).thenComparing(BY_ID);
			case TITLE_ASC -> comparing(StoredMovie::title, nullsFirst(CODE_POINTS)).thenComparing(BY_ID);
			case ORIGINAL_TITLE_DESC -> comparing(StoredMovie::originalTitle, nullsFirst(CODE_POINTS).reversed())
				.thenComparing(BY_ID);
			case ORIGINAL_TITLE_ASC -> comparing(StoredMovie::originalTitle, nullsFirst(CODE_POINTS)).thenComparing(BY_ID);
		};
	}

	/** Highest first, a missing value last. */
	private static <T extends Comparable<? super T>> Comparator<StoredMovie> descending(Function<StoredMovie, T> key) {
		return comparing(key, nullsLast(Comparator.<T>reverseOrder()));
	}

	/** Lowest first, a missing value before any. */
	private static <T extends Comparable<? super T>> Comparator<StoredMovie> ascending(Function<StoredMovie, T> key) {
		return comparing(key, nullsFirst(Comparator.<T>naturalOrder()));
	}

}
