package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Which movies "changed" on which day: about 1% of the catalog per day, decided by a hash of
 * (seed, id, day), so any date range answers the same on every run.
 */
@Component
public class ChangeLog {

	private static final int CHANGES_PER_THOUSAND = 10;

	private final Catalog catalog;

	private final Map<String, int[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
			return size() > 32;
		}
	});

	ChangeLog(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Indices, ascending by id, of the movies changed on any day of {@code from..to} (inclusive). */
	public int[] changed(LocalDate from, LocalDate to) {
		return cache.computeIfAbsent(from + "/" + to, (key) -> scan(from.toEpochDay(), to.toEpochDay()));
	}

	private int[] scan(long fromDay, long toDay) {
		int[] changed = new int[catalog.size()];
		int count = 0;
		for (int i = 0; i < catalog.size(); i++) {
			for (long day = fromDay; day <= toDay; day++) {
				if (Math.floorMod(Seeds.hash(catalog.seed(), catalog.id(i), day), 1000) < CHANGES_PER_THOUSAND) {
					changed[count++] = i;
					break;
				}
			}
		}
		return Arrays.copyOf(changed, count);
	}

}
