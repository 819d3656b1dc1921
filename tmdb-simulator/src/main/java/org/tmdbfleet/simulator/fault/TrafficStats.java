package org.tmdbfleet.simulator.fault;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What the simulator saw of its clients' politeness: every {@code /3/**} request's arrival, the
 * highest number of them in any 1 s window, the 429s it sent and the faults it injected. Also
 * decides the 429s: a request is refused when the requests already accepted in the last second
 * reach the limit.
 */
@Component
public class TrafficStats {

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private final Deque<Long> seen = new ArrayDeque<>();

	private final Deque<Long> accepted = new ArrayDeque<>();

	private long requests;

	private long maxPerSecond;

	private long rateLimited;

	private final Map<InjectedFault, Long> injected = new EnumMap<>(InjectedFault.class);

	/** Records an arrival; returns false when it must be refused with 429. */
	synchronized boolean arrive(double rateLimit) {
		long now = System.nanoTime();
		requests++;
		seen.addLast(now);
		evict(seen, now);
		maxPerSecond = Math.max(maxPerSecond, seen.size());
		evict(accepted, now);
		if (rateLimit > 0 && accepted.size() >= rateLimit) {
			rateLimited++;
			return false;
		}
		accepted.addLast(now);
		return true;
	}

	synchronized void injected(InjectedFault fault) {
		injected.merge(fault, 1L, Long::sum);
	}

	public synchronized Snapshot snapshot() {
		Map<String, Long> faults = new LinkedHashMap<>();
		for (InjectedFault fault : InjectedFault.values()) {
			faults.put(fault.key(), injected.getOrDefault(fault, 0L));
		}
		return new Snapshot(requests, maxPerSecond, rateLimited, Collections.unmodifiableMap(faults));
	}

	synchronized void reset() {
		seen.clear();
		accepted.clear();
		requests = 0;
		maxPerSecond = 0;
		rateLimited = 0;
		injected.clear();
	}

	private static void evict(Deque<Long> arrivals, long now) {
		while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= WINDOW_NANOS) {
			arrivals.removeFirst();
		}
	}

	/**
	 * @param requests {@code /3/**} requests seen
	 * @param maxRequestsPerSecond the most requests seen in any 1 s window
	 * @param rateLimited 429s sent
	 * @param injected faults injected, by kind: {@code "500"}, {@code "502"}, {@code "503"},
	 * {@code "504"}, {@code "reset"}, {@code "malformed"}, {@code "slow"}, {@code "blank"},
	 * {@code "foreign_not_found"}
	 */
	public record Snapshot(long requests, long maxRequestsPerSecond, long rateLimited, Map<String, Long> injected) {
	}

}
