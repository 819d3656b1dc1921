package org.tmdbfleet.catalog.lists;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.tmdbfleet.catalog.web.CatalogProperties;

import org.springframework.stereotype.Component;

/**
 * What the last lists and searches asked for were found to be, each with the PostgreSQL snapshot
 * it was found in ({@code pg_current_snapshot()}: which transactions had ended). A snapshot
 * changes whenever a writing transaction ends, so a list asked for again under the same snapshot
 * has the same answer, and the statement itself checks that before it takes the remembered one
 * ({@link MoviePages}): a quiet catalog answers popular's million again without counting them, or
 * a common word's fifty thousand titles without finding them again; a catalog being imported is
 * searched each time. Finding and counting is what a broad list or search costs.
 */
@Component
class RememberedAnswers {

	/** A search matching more titles is found again for every page: its ids would crowd the rest out. */
	static final int LARGEST_SEARCH = 100_000;

	private final Memory<Long> totals;

	private final Memory<long[]> searches;

	RememberedAnswers(CatalogProperties properties, MeterRegistry meters) {
		this.totals = new Memory<>(properties.rememberedTotals(), meters, "catalog.list.totals");
		this.searches = new Memory<>(properties.rememberedSearches(), meters, "catalog.search.results");
	}

	/** Lists' exact totals. */
	Memory<Long> totals() {
		return this.totals;
	}

	/** Searches' matching ids, in their order. */
	Memory<long[]> searches() {
		return this.searches;
	}

	/** A list or search: its conditions and their values, the page aside. */
	record Key(String where, Map<String, Object> values) {
	}

	/** What was found, and the snapshot it holds in. */
	record Found<V>(String snapshot, V value) {
	}

	/** The most recently asked, up to a number of them; counted by whether they were found or remembered. */
	static final class Memory<V> {

		private final int capacity;

		private final Map<Key, Found<V>> answers;

		private final Counter found;

		private final Counter remembered;

		private Memory(int capacity, MeterRegistry meters, String name) {
			this.capacity = capacity;
			this.answers = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<Key, Found<V>> eldest) {
					return size() > Memory.this.capacity;
				}
			});
			this.found = meters.counter(name, "outcome", "counted");
			this.remembered = meters.counter(name, "outcome", "remembered");
		}

		/** What was last found for the key, and in which snapshot, or {@code null}. */
		Found<V> get(Key key) {
			return this.answers.get(key);
		}

		/** An answer found again, to be remembered for the next one. */
		void found(Key key, Found<V> answer) {
			this.found.increment();
			if (this.capacity > 0) {
				this.answers.put(key, answer);
			}
		}

		/** An answer given from what was remembered. */
		void remembered() {
			this.remembered.increment();
		}

	}

}
