package org.tmdbfleet.fetch.ratelimit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Spaces this instance's TMDB requests evenly at its share of the fleet's budget. On a 429 the rate is cut
 * (multiplicative decrease) and then probed back up step by step while TMDB stays quiet.
 */
@Component
public class RequestRateLimiter {

	/** An instance that owns no page partition still plans imports, at this pace. */
	private static final double FLOOR_PER_SECOND = 0.5;

	private final RateLimitProperties properties;

	private final PartitionShare share;

	/** One second plus the jitter allowance: what TMDB counts per second, we count over longer. */
	private final long windowNanos;

	private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Deque<Long> sent = new ArrayDeque<>();

	private long nextSlot = System.nanoTime();

	private double backoff = 1.0;

	private long lastThrottleOrRecovery = System.nanoTime();

	RequestRateLimiter(RateLimitProperties properties, PartitionShare share, MeterRegistry registry) {
		this.properties = properties;
		this.share = share;
		this.windowNanos = SECOND_NANOS + properties.jitterAllowance().toNanos();
		Gauge.builder("fleet.rate.limit", this, RequestRateLimiter::currentRate)
			.description("TMDB requests per second this instance may send now")
			.register(registry);
		Gauge.builder("fleet.rate.share", share, PartitionShare::fraction)
			.description("This instance's share of the fleet's TMDB budget (its page partitions)")
			.register(registry);
	}

	/**
	 * Blocks until this caller may send one request. Two rules: consecutive requests are at least
	 * one interval apart, and no window of 1 s plus the jitter allowance holds more than the whole
	 * number of requests the rate allows — so requests that travel at different speeds still
	 * arrive at most that many in any second. Nobody reserves a slot ahead: a thread that wakes late competes again, so a stall
	 * never releases a burst of waiting threads at once.
	 */
	public void acquire() {
		while (true) {
			long waitNanos;
			synchronized (this) {
				long now = System.nanoTime();
				recover(now);
				double rate = currentRate();
				while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
					sent.removeFirst();
				}
				if (sent.size() >= Math.max(1, (int) Math.floor(rate))) {
					waitNanos = sent.peekFirst() + windowNanos - now;
				}
				else if (nextSlot <= now) {
					nextSlot = now + (long) (SECOND_NANOS / rate);
					sent.addLast(now);
					return;
				}
				else {
					waitNanos = nextSlot - now;
				}
			}
			LockSupport.parkNanos(waitNanos);
		}
	}

	/** TMDB answered 429: slow down now, for the whole instance. */
	public synchronized void throttled() {
		backoff = Math.max(0.05, backoff * properties.backoffFactor());
		lastThrottleOrRecovery = System.nanoTime();
	}

	/** Requests per second allowed now: the share of the budget, less headroom, less backoff. */
	synchronized double currentRate() {
		double rate = properties.requestsPerSecond() * (1 - properties.headroom()) * share.fraction() * backoff;
		return Math.max(rate, FLOOR_PER_SECOND);
	}

	private void recover(long now) {
		long interval = properties.recoveryInterval().toNanos();
		while (backoff < 1.0 && now - lastThrottleOrRecovery >= interval) {
			backoff = Math.min(1.0, backoff + properties.recoveryStep());
			lastThrottleOrRecovery += interval;
		}
	}

}
