package org.tmdbfleet.simulator.catalog;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Query results (arrays of catalog indices), the least recently used leaving first. It is bounded
 * by the indices it holds in all, not by the number of results: a query matching half the
 * catalog weighs what it costs, one matching three movies next to nothing.
 */
final class ResultCache<K> {

	private final long maxIndices;

	private final LinkedHashMap<K, int[]> results = new LinkedHashMap<>(64, 0.75f, true);

	private long indices;

	ResultCache(long maxIndices) {
		this.maxIndices = maxIndices;
	}

	synchronized int[] get(K key) {
		return results.get(key);
	}

	/** Keeps the result, and always the newest one, even alone beyond the bound. */
	synchronized void put(K key, int[] result) {
		int[] replaced = results.put(key, result);
		indices += result.length - ((replaced != null) ? replaced.length : 0);
		Iterator<int[]> eldest = results.values().iterator();
		while (indices > maxIndices && results.size() > 1) {
			indices -= eldest.next().length;
			eldest.remove();
		}
	}

	synchronized void clear() {
		results.clear();
		indices = 0;
	}

}
