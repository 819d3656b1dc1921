package org.tmdbfleet.gateway.progress;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Decides every running import again, every {@code recheck-interval}. An import is decided after
 * each of its progress events; if the last of them is lost (dead-lettered, say, or consumed
 * while its movies' outcomes were still being written), nothing else would end it. Reads one
 * row per running import; every gateway may run it, the decision is one idempotent statement.
 */
@Component
class CompletionRecheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CompletionRecheck.class);

	private final ImportProgressRepository progress;

	private final ImportProperties properties;

	private ScheduledExecutorService scheduler;

	CompletionRecheck(ImportProgressRepository progress, ImportProperties properties) {
		this.progress = progress;
		this.properties = properties;
	}

	void recheck() {
		try {
			for (UUID id : progress.running()) {
				progress.completeIfDone(id);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Running imports not rechecked (next try in {}): {}", properties.recheckInterval(), ex.toString());
		}
	}

	@Override
	public synchronized void start() {
		long interval = properties.recheckInterval().toMillis();
		scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("import-recheck").daemon().factory());
		scheduler.scheduleWithFixedDelay(this::recheck, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		scheduler.shutdownNow();
		scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
