package org.tmdbfleet.catalog.lists;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.tmdbfleet.catalog.web.CatalogProperties;

import org.springframework.stereotype.Component;

/**
 * The exact totals of the lists asked for last, each with the PostgreSQL snapshot it was counted
 * in ({@code pg_current_snapshot()}: which transactions had ended). A snapshot changes whenever a
 * transaction ends, so a list asked for again under the same snapshot has the same total, and the
 * statement itself checks that before it takes the remembered one ({@link MoviePages}): a quiet
 * catalog answers popular's million again without counting them, a catalog being imported is
 * counted each time. Counting is what a broad list costs (a read of a whole index).
 */
@Component
class ListTotals {

	private final int remembered;

	private final Map<Key, Counted> totals;

	private final Counter counted;

	private final Counter reused;

	ListTotals(CatalogProperties properties, MeterRegistry meters) {
		this.remembered = properties.rememberedTotals();
		this.totals = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Counted> eldest) {
				return size() > ListTotals.this.remembered;
			}
		});
		this.counted = meters.counter("catalog.list.totals", "outcome", "counted");
		this.reused = meters.counter("catalog.list.totals", "outcome", "remembered");
	}

	/** The total last counted for the list, and in which snapshot, or {@code null}. */
	Counted get(Key list) {
		return this.totals.get(list);
	}

	/** The answer's total, counted or reused, for the next answer of the same list. */
	void answered(Key list, Counted remembered, Counted answer) {
		(answer.equals(remembered) ? this.reused : this.counted).increment();
		if (this.remembered > 0) {
			this.totals.put(list, answer);
		}
	}

	/** A list: its conditions and their values, the page aside. */
	record Key(String where, Map<String, Object> values) {
	}

	/** A total and the snapshot it holds in. */
	record Counted(String snapshot, long total) {
	}

}
