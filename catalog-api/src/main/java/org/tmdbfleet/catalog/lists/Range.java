package org.tmdbfleet.catalog.lists;

/**
 * An inclusive range of a column's values, either end open ({@code null}). A range whose
 * {@code from} is past its {@code to} holds nothing, which a filter then matches.
 */
record Range<T extends Comparable<? super T>>(T from, T to) {

	private static final Range<?> ANY = new Range<>(null, null);

	@SuppressWarnings("unchecked")
	static <T extends Comparable<? super T>> Range<T> any() {
		return (Range<T>) ANY;
	}

	/** Both ranges at once (TMDB's filters combine with AND). */
	Range<T> and(Range<T> other) {
		return new Range<>(max(this.from, other.from), min(this.to, other.to));
	}

	private static <T extends Comparable<? super T>> T max(T a, T b) {
		return (a == null) ? b : (b == null || a.compareTo(b) >= 0) ? a : b;
	}

	private static <T extends Comparable<? super T>> T min(T a, T b) {
		return (a == null) ? b : (b == null || a.compareTo(b) <= 0) ? a : b;
	}

}
