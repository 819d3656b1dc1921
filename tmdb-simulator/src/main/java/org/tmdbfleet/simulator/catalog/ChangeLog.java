package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * Which movies TMDB's change list names for a range of dates. Dates the catalog's clock has
 * passed since it was generated name the movies that really changed, were added or were deleted
 * on them ({@link Catalog#touchedOn}); earlier dates, which the simulator never lived, name about
 * 1% of the catalog a day, decided by a hash of (seed, id, day), so any range answers the same on
 * every run.
 */
@Component
public class ChangeLog {

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
		return cache.computeIfAbsent(from + "/" + to + "@" + catalog.day(), (key) -> scan(from, to));
	}

	private int[] scan(LocalDate from, LocalDate to) {
		boolean[] changed = new boolean[catalog.rows()];
		LocalDate genesis = catalog.genesis();
		for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
			if (date.isBefore(genesis)) {
				long day = date.toEpochDay();
				for (int i = 0; i < catalog.rows(); i++) {
					changed[i] |= catalog.liveOn(i, 0)
							&& Math.floorMod(Seeds.hash(catalog.seed(), catalog.id(i), day), 1000) < Catalog.CHANGED_PER_1000;
				}
			}
			else {
				for (int index : catalog.touchedOn(date)) {
					changed[index] = true;
				}
			}
		}
		return IntStream.range(0, changed.length).filter(i -> changed[i]).toArray();
	}

}
