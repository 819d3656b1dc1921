package org.tmdbfleet.simulator.fault;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.stereotype.Component;

/**
 * What the simulator saw of its clients' politeness: every {@code /3/**} request's arrival, the
 * highest number of them in any 1 s window, and the 429s it sent. Also decides the 429s: a
 * request is refused when the requests already accepted in the last second reach the limit.
 */
@Component
public class TrafficStats {

	private static final long WINDOW_NANOS = 1_000_000_000L;

	private final Deque<Long> seen = new ArrayDeque<>();

	private final Deque<Long> accepted = new ArrayDeque<>();

	private long requests;

	private long maxPerSecond;

	private long rateLimited;

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

	public synchronized Snapshot snapshot() {
		return new Snapshot(requests, maxPerSecond, rateLimited);
	}

	synchronized void reset() {
		seen.clear();
		accepted.clear();
		requests = 0;
		maxPerSecond = 0;
		rateLimited = 0;
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
	 */
	public record Snapshot(long requests, long maxRequestsPerSecond, long rateLimited) {
	}

}
