package org.tmdbfleet.simulator.fault;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Simulates movies moving between pages while a client pages through a list: every
 * {@code shiftEvery} list-page requests (counted over all lists) the drift grows by one, and
 * each list is rotated by the drift, so the last movie of a page reappears first on the next.
 */
@Component
public class PageShift {

	private final Faults faults;

	private final AtomicLong listRequests = new AtomicLong();

	private final AtomicLong drift = new AtomicLong();

	PageShift(Faults faults) {
		this.faults = faults;
	}

	/** Counts one list-page request and returns the drift this request sees. */
	public long nextDrift() {
		int every = faults.current().shiftEvery();
		long count = listRequests.incrementAndGet();
		return (every > 0 && count % every == 0) ? drift.incrementAndGet() : drift.get();
	}

	long drift() {
		return drift.get();
	}

	void reset() {
		listRequests.set(0);
		drift.set(0);
	}

}
