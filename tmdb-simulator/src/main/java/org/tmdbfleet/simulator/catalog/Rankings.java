package org.tmdbfleet.simulator.catalog;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Answers {@link DiscoverQuery queries} with arrays of catalog indices in result order. The
 * catalog's movies of the day are sorted once per sort order (once more, with the adult titles,
 * for a query that includes them); a query then filters that order in one linear pass, and its
 * result is cached, so paging through a query costs an array slice per page. When the catalog's
 * clock moves on, the orders and results are made again.
 */
@Component
public class Rankings {

	private static final Logger logger = LoggerFactory.getLogger(Rankings.class);

	/** Bounds the result cache to 20M cached indices (80 MB) whatever the catalog size. */
	private static final int CACHED_INDICES = 20_000_000;

	private final Catalog catalog;

	/** The orders of the lists: without the adult titles, as on TMDB by default. */
	private final Map<SortBy, int[]> orders = new ConcurrentHashMap<>();

	/** The orders for {@code include_adult=true}, sorted only when asked for. */
	private final Map<SortBy, int[]> ordersWithAdult = new ConcurrentHashMap<>();

	private final ResultCache<DiscoverQuery> results = new ResultCache<>(CACHED_INDICES);

	/** The catalog day the orders and results are of. */
	private volatile int day;

	Rankings(Catalog catalog) {
		this.catalog = catalog;
		// TMDB answers its first list request as fast as its thousandth: the default order is
		// sorted before the first request, not inside an import's planning
		long start = System.nanoTime();
		this.day = catalog.day();
		listed(SortBy.POPULARITY_DESC);
		logger.info("Ranked the catalog by popularity in {} ms", (System.nanoTime() - start) / 1_000_000);
	}

	/** Catalog indices matching the query, in its sort order; callers must not modify the array. */
	public int[] ranked(DiscoverQuery query) {
		forgetOtherDays();
		int[] order = query.includeAdult() ? ordersWithAdult.computeIfAbsent(query.sortBy(), this::withAdult)
				: listed(query.sortBy());
		if (!query.filters()) {
			return order;
		}
		int[] cached = results.get(query);
		if (cached == null) {
			cached = filter(order, query.filter(catalog));
			results.put(query, cached);
		}
		return cached;
	}

	private void forgetOtherDays() {
		if (catalog.day() == day) {
			return; // every list request passes here: no lock unless the clock moved
		}
		synchronized (this) {
			int today = catalog.day();
			if (today != day) {
				orders.clear();
				ordersWithAdult.clear();
				results.clear();
				day = today;
			}
		}
	}

	private static int[] filter(int[] order, IntPredicate matches) {
		int[] matching = new int[order.length];
		int count = 0;
		for (int index : order) {
			if (matches.test(index)) {
				matching[count++] = index;
			}
		}
		return Arrays.copyOf(matching, count);
	}

	/**
	 * The lists' order. Adult titles are in no list, as on TMDB by default
	 * ({@code include_adult=false}): only discover and search with {@code include_adult=true},
	 * their details, the changes list and the adult export name them.
	 */
	private int[] listed(SortBy sortBy) {
		return orders.computeIfAbsent(sortBy, (sort) -> sorted(comparator(sort), (index) -> !catalog.adult(index)));
	}

	/**
	 * The lists' order with the adult titles in: those (2 %) sorted on their own and merged in,
	 * not the whole catalog sorted a second time.
	 */
	private int[] withAdult(SortBy sortBy) {
		Comparator<Integer> order = comparator(sortBy);
		int[] listed = listed(sortBy);
		int[] adult = sorted(order, catalog::adult);
		// the two parts hold different movies; equal in the order, the lower index (and id) first
		Comparator<Integer> merging = order.thenComparing(Comparator.naturalOrder());
		int[] merged = new int[listed.length + adult.length];
		int next = 0;
		int fromAdult = 0;
		for (int index : listed) {
			while (fromAdult < adult.length && merging.compare(adult[fromAdult], index) < 0) {
				merged[next++] = adult[fromAdult++];
			}
			merged[next++] = index;
		}
		System.arraycopy(adult, fromAdult, merged, next, adult.length - fromAdult);
		return merged;
	}

	/** The live movies the filter keeps, stably sorted: indices ascend with the id, so ties stay in id order. */
	private int[] sorted(Comparator<Integer> order, IntPredicate keep) {
		Integer[] indices = IntStream.range(0, catalog.rows())
			.filter((index) -> catalog.live(index) && keep.test(index))
			.boxed()
			.toArray(Integer[]::new);
		Arrays.sort(indices, order);
		return Arrays.stream(indices).mapToInt(Integer::intValue).toArray();
	}

	private Comparator<Integer> comparator(SortBy sortBy) {
		Catalog c = catalog;
		Comparator<Integer> byPopularity = (a, b) -> Double.compare(c.popularity[a], c.popularity[b]);
		Comparator<Integer> byVotes = (a, b) -> Integer.compare(c.voteCounts[a], c.voteCounts[b]);
		Comparator<Integer> byAverage = (a, b) -> Integer.compare(c.voteTenths[a], c.voteTenths[b]);
		// movies without a date come last in both directions, as NO_DATE is the smallest int
		Comparator<Integer> byDateDesc = (a, b) -> Integer.compare(c.releaseDays[b], c.releaseDays[a]);
		Comparator<Integer> byDateAsc = (a, b) -> Integer.compare(dateLast(c.releaseDays[a]),
				dateLast(c.releaseDays[b]));
		return switch (sortBy) {
			case POPULARITY_DESC -> byPopularity.reversed();
			case POPULARITY_ASC -> byPopularity;
			// many movies share an average; the better-known one ranks first within it, as on TMDB
			case VOTE_AVERAGE_DESC -> byAverage.reversed().thenComparing(byVotes.reversed());
			case VOTE_AVERAGE_ASC -> byAverage.thenComparing(byVotes.reversed());
			case VOTE_COUNT_DESC -> byVotes.reversed();
			case VOTE_COUNT_ASC -> byVotes;
			case RELEASE_DATE_DESC -> byDateDesc;
			case RELEASE_DATE_ASC -> byDateAsc;
			case TITLE_ASC -> byText(catalog::title);
			case TITLE_DESC -> byText(catalog::title).reversed();
			case ORIGINAL_TITLE_ASC -> byText(catalog::originalTitle);
			case ORIGINAL_TITLE_DESC -> byText(catalog::originalTitle).reversed();
		};
	}

	private static int dateLast(int day) {
		return (day == Catalog.NO_DATE) ? Integer.MAX_VALUE : day;
	}

	private Comparator<Integer> byText(IntFunction<String> text) {
		String[] texts = new String[catalog.rows()];
		Arrays.setAll(texts, text);
		return (a, b) -> compareCodePoints(texts[a], texts[b]);
	}

	/**
	 * Unicode code point order, as PostgreSQL's {@code COLLATE "C"} sorts UTF-8. String's own
	 * order compares UTF-16 units, which puts the characters beyond U+FFFF (surrogate pairs)
	 * before U+E000..U+FFFF: moving the surrogates above those fixes that.
	 */
	static int compareCodePoints(String a, String b) {
		int length = Math.min(a.length(), b.length());
		for (int i = 0; i < length; i++) {
			char x = a.charAt(i);
			char y = b.charAt(i);
			if (x != y) {
				return codePointOrder(x) - codePointOrder(y);
			}
		}
		return a.length() - b.length();
	}

	private static int codePointOrder(char unit) {
		if (unit < Character.MIN_SURROGATE) {
			return unit;
		}
		return Character.isSurrogate(unit) ? unit + 0x2000 : unit - 0x800;
	}

}
