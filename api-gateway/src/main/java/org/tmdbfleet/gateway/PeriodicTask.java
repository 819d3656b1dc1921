package org.tmdbfleet.gateway;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

/**
 * Something every gateway does every so often, on a thread of its own, from start to stop: the
 * task runs with a fixed delay after the previous run ended, the first one an interval after
 * start. The task itself must not throw (a thrown exception would end the schedule).
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private final String name;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	protected PeriodicTask(String name, Duration interval) {
		this.name = name;
		this.interval = interval;
	}

	protected Duration interval() {
		return interval;
	}

	/** One run; catches what it can survive. */
	protected abstract void runOnce();

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
		scheduler.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops the schedule and waits (a little) for a run in progress to end. */
	@Override
	public synchronized void stop() {
		scheduler.shutdownNow();
		try {
			scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
