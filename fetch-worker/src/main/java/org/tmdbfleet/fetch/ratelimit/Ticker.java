package org.tmdbfleet.fetch.ratelimit;

import java.util.concurrent.locks.LockSupport;

/**
 * The limiter's time: a monotonic clock in nanoseconds, and a way to wait on it. Tests drive one
 * of their own, so that pacing over seconds is checked in no time and never depends on how busy
 * the machine is.
 */
interface Ticker {

	Ticker SYSTEM = new Ticker() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void parkNanos(long nanos) {
			LockSupport.parkNanos(nanos);
		}

	};

	long nanoTime();

	/** Waits about {@code nanos}, or less: callers check the time again when it returns. */
	void parkNanos(long nanos);

}
