package org.tmdbfleet.fetch.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Paces this instance's TMDB requests at its share of the fleet's budget, counted exactly: a log
 * of send times caps every window of 1 s plus the jitter allowance at the whole number of requests
 * just below the share, and the requests are spread evenly over that window. On a 429 the rate is
 * cut (multiplicative decrease) and then probed back up step by step while TMDB stays quiet.
 */
@Component
public class RequestRateLimiter {

	/** An instance that owns no page partition still plans imports, at this pace. */
	private static final double FLOOR_PER_SECOND = 0.5;

	private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final RateLimitProperties properties;

	private final PartitionShare share;

	/** One second plus the jitter allowance: what TMDB counts per second, we count over longer. */
	private final long windowNanos;

	/** Waking later than due by more than the jitter allowance (at least 1 ms) is a stall. */
	private final long stallNanos;

	/** This instance's send times within the last window, oldest first. */
	private final Deque<Long> sent = new ArrayDeque<>();

	/**
	 * The callers in the order they asked: only the first waits for the next slot, the others
	 * wait for it. Racing for each slot, some callers get a few percent fewer requests than
	 * others over a long import, and as each caller is one Kafka partition's listener, that
	 * partition drains last and the import's end runs below the budget.
	 */
	private final ReentrantLock line = new ReentrantLock(true);

	private final Ticker ticker;

	private long nextSlot;

	/** The spacing of the last request let go. */
	private long lastInterval;

	private double backoff = 1.0;

	private long lastThrottleOrRecovery;

	/** When the rate was last cut for a 429; null before the first. */
	private Long lastThrottle;

	private final Timer waits;

	private final Counter cuts;

	/** Spring's: the system's time (the other constructor is for tests that drive their own). */
	@Autowired
	RequestRateLimiter(RateLimitProperties properties, PartitionShare share, MeterRegistry registry) {
		this(properties, share, registry, Ticker.SYSTEM);
	}

	RequestRateLimiter(RateLimitProperties properties, PartitionShare share, MeterRegistry registry, Ticker ticker) {
		this.properties = properties;
		this.share = share;
		this.ticker = ticker;
		this.nextSlot = ticker.nanoTime();
		this.lastThrottleOrRecovery = nextSlot;
		this.windowNanos = SECOND_NANOS + properties.jitterAllowance().toNanos();
		this.stallNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1), properties.jitterAllowance().toNanos());
		Gauge.builder("fleet.rate.limit", this, RequestRateLimiter::currentRate)
			.description("TMDB requests per second this instance may send now")
			.register(registry);
		Gauge.builder("fleet.rate.budget", properties, RateLimitProperties::requestsPerSecond)
			.description("The whole fleet's TMDB budget in requests per second, as this instance is configured")
			.register(registry);
		Gauge.builder("fleet.rate.share", share, PartitionShare::fraction)
			.description("This instance's share of the fleet's TMDB budget (its page partitions)")
			.register(registry);
		this.waits = Timer.builder("fleet.rate.wait")
			.description("How long a TMDB request waited for its slot in this instance's share of the budget")
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofSeconds(30))
			.register(registry);
		this.cuts = Counter.builder("fleet.rate.cuts")
			.description("Times a 429 from TMDB cut this instance's rate (once per window, however many 429s)")
			.register(registry);
	}

	/**
	 * Blocks until this caller may send one request. Two rules: no window of 1 s plus the jitter
	 * allowance holds more than {@link #requestsPerWindow(double)} requests, and the requests are
	 * spaced evenly over that window (never faster than the share itself), so that no second of
	 * TMDB's sees them bunched. A caller that wakes a little late does not cost the pace its slot,
	 * but nobody reserves a slot ahead and a stall is never made up for: after one, the next two
	 * requests are at least half an interval apart, then the pace resumes. A caller that wakes
	 * much later than it was due tells of a stall (see {@link #wokeLate(long, long)}). Callers
	 * are let go in the order they asked.
	 */
	public void acquire() {
		line.lock();
		try {
			acquireInTurn();
		}
		finally {
			line.unlock();
		}
	}

	private void acquireInTurn() {
		long asked = ticker.nanoTime();
		long due = 0;
		boolean parked = false;
		while (true) {
			long waitNanos;
			synchronized (this) {
				long now = ticker.nanoTime();
				if (parked) {
					wokeLate(now, now - due);
				}
				recover(now);
				double shareOfBudget = shareOfBudget();
				int cap = requestsPerWindow(shareOfBudget);
				while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
					sent.removeFirst();
				}
				long interval = Math.max(windowNanos / cap, (long) (SECOND_NANOS / shareOfBudget));
				if (sent.size() >= cap) {
					waitNanos = sent.peekFirst() + windowNanos - now;
				}
				else if (nextSlot <= now) {
					nextSlot = Math.max(nextSlot + interval, now + interval / 2);
					lastInterval = interval;
					sent.addLast(now);
					waits.record(now - asked, TimeUnit.NANOSECONDS);
					return;
				}
				else {
					waitNanos = nextSlot - now;
				}
				due = now + waitNanos;
				parked = true;
			}
			ticker.parkNanos(waitNanos);
		}
	}

	/**
	 * A caller woke {@code lateness} after it was due. Beyond the jitter allowance that is a stall —
	 * a GC pause, a starved CPU — and the requests let go during it, or just before it, left late
	 * too: they may reach TMDB together with the requests that follow, crowding one of its
	 * seconds. They are counted as sent now, so the window holds the next ones back by as much.
	 * On a host that never stalls this costs nothing; a busy small host stalls every few hundred
	 * requests.
	 */
	synchronized void wokeLate(long now, long lateness) {
		if (lateness < stallNanos) {
			return;
		}
		long since = now - lateness - lastInterval;
		int late = 0;
		while (!sent.isEmpty() && sent.peekLast() >= since && sent.peekLast() < now) {
			sent.removeLast();
			late++;
		}
		for (int i = 0; i < late; i++) {
			sent.addLast(now);
		}
	}

	/**
	 * TMDB answered 429: slow down now, for the whole instance — once per window: the other
	 * requests of the same window that TMDB refuses were sent at the old rate already, and must
	 * not cut the new one again (twelve refusals in flight would otherwise cut it twelve times).
	 * A 429 while the rate is whole says a request brushed TMDB's limit — a late one crowding a
	 * second — and costs a gentle cut; one while the rate is still cut says TMDB's limit is well
	 * below ours, and the cuts get deeper until it stops refusing.
	 */
	public synchronized void throttled() {
		long now = ticker.nanoTime();
		if (lastThrottle != null && now - lastThrottle < windowNanos) {
			return;
		}
		recover(now);
		double factor = backoff < 1.0 ? properties.backoffFactor() : properties.firstBackoffFactor();
		backoff = Math.max(0.05, backoff * factor);
		cuts.increment();
		lastThrottle = now;
		lastThrottleOrRecovery = now;
	}

	/** Requests per second this instance sends at most now: its requests per window, over the window. */
	synchronized double currentRate() {
		double shareOfBudget = shareOfBudget();
		return Math.min(requestsPerWindow(shareOfBudget) * (double) SECOND_NANOS / windowNanos, shareOfBudget);
	}

	/**
	 * The whole number of requests strictly below this instance's share of the budget (at least
	 * one). Strictly: then the caps of all instances add up to less than the budget, so every
	 * second of TMDB's keeps at least one request free for a request that arrives later than its
	 * neighbours — one instance of a 35/s budget sends 34, two send 17 each.
	 */
	static int requestsPerWindow(double shareOfBudget) {
		return Math.max(1, (int) Math.ceil(shareOfBudget - 1e-9) - 1);
	}

	/** Requests per second of the budget that are this instance's: its partitions' share, less headroom and backoff. */
	private double shareOfBudget() {
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
