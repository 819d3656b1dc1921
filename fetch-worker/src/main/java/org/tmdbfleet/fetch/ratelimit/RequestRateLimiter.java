package org.tmdbfleet.fetch.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.springframework.stereotype.Component;

/**
 * Spaces TMDB requests evenly: each caller reserves the next free slot and waits for it outside
 * the lock, so a burst of threads becomes a steady stream at the configured rate.
 */
@Component
public class RequestRateLimiter {

	private final long intervalNanos;

	private long nextSlot = System.nanoTime();

	RequestRateLimiter(RateLimitProperties properties) {
		this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / properties.requestsPerSecond());
	}

	/** Blocks until this caller may send one request. */
	public void acquire() {
		long waitNanos;
		synchronized (this) {
			long now = System.nanoTime();
			long slot = Math.max(now, nextSlot);
			nextSlot = slot + intervalNanos;
			waitNanos = slot - now;
		}
		while (waitNanos > 0) {
			long start = System.nanoTime();
			LockSupport.parkNanos(waitNanos);
			waitNanos -= System.nanoTime() - start;
		}
	}

}
