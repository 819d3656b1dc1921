package org.tmdbfleet.simulator.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * TMDB's movie search as docs/catalog-api.md has it: the movies whose title or original title
 * {@link TitleQuery matches} the query, in the order of a discover query (popularity, a year,
 * adult titles or not). The day's titles are indexed once, and each result is cached by (folded
 * query, discover query), as discover's are.
 */
@Component
public class TitleSearch {

	private static final Logger logger = LoggerFactory.getLogger(TitleSearch.class);

	/** Bounds the result cache to 10M cached indices (40 MB); most searches find few movies. */
	private static final int CACHED_INDICES = 10_000_000;

	private final Catalog catalog;

	private final Rankings rankings;

	private final ResultCache<Key> results = new ResultCache<>(CACHED_INDICES);

	/** The titles of the day indexed last; {@code null} before the first are. */
	private volatile TitleIndex titles;

	TitleSearch(Catalog catalog, Rankings rankings) {
		this.catalog = catalog;
		this.rankings = rankings;
	}

	/**
	 * Indexes the titles once the simulator is up, beside the first requests rather than in front
	 * of them, so the first search finds them ready as the first list request finds the lists
	 * ranked. A platform thread: the work is all computation, which would hold one of the few
	 * carriers of the virtual threads that serve requests.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void indexTitles() {
		Thread.ofPlatform().daemon().name("title-index").start(this::titlesOfToday);
	}

	/**
	 * Catalog indices of the movies matching {@code query}, in {@code order}'s order; callers must
	 * not modify the array.
	 */
	public int[] search(String query, DiscoverQuery order) {
		TitleIndex today = titlesOfToday();
		Key key = new Key(today.day(), TitleFold.fold(query), order);
		int[] found = results.get(key);
		if (found == null) {
			found = today.filter(rankings.ranked(order), TitleQuery.of(query));
			results.put(key, found);
		}
		return found;
	}

	/** The titles of the catalog's day; after the clock moved, the first search indexes them. */
	private TitleIndex titlesOfToday() {
		TitleIndex current = titles;
		if (current != null && current.day() == catalog.day()) {
			return current; // every search passes here: no lock unless the clock moved
		}
		synchronized (this) {
			current = titles;
			if (current == null || current.day() != catalog.day()) {
				long start = System.nanoTime();
				current = TitleIndex.of(catalog);
				results.clear();
				titles = current;
				logger.info("Indexed the {} distinct titles of day {} in {} ms", current.distinctTitles(),
						current.day(), (System.nanoTime() - start) / 1_000_000);
			}
			return current;
		}
	}

	/** The day is part of the key: a search that began before the clock moved cannot answer for the new day. */
	private record Key(int day, String foldedQuery, DiscoverQuery order) {
	}

}
