package org.tmdbfleet.persist.movies;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code movie_changes} bounded: every {@code prune-interval}, the days older than
 * {@code retention-days} before today (UTC, by the database's clock) are deleted, in a
 * transaction of their own, off the listener's threads. Every instance prunes; a second delete of
 * the same days waits for the first and finds nothing left.
 */
@Component
class ChangeLogRetention implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeLogRetention.class);

	private static final String PRUNE = "delete from movie_changes where changed_on < " + MovieRepository.TODAY
			+ " - ?";

	private final JdbcTemplate jdbc;

	private final ChangeLogProperties properties;

	private ScheduledExecutorService scheduler;

	ChangeLogRetention(JdbcTemplate jdbc, ChangeLogProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** @return the (day, movie) rows deleted */
	int prune() {
		return jdbc.update(PRUNE, properties.retentionDays());
	}

	private void pruneQuietly() {
		try {
			int deleted = prune();
			if (deleted > 0) {
				log.info("Change list: {} (day, movie) rows older than {} days deleted", deleted,
						properties.retentionDays());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Change list not pruned, tried again in {}: {}", properties.pruneInterval(), ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("change-log-retention").daemon().factory());
		scheduler.scheduleWithFixedDelay(this::pruneQuietly, 0, properties.pruneInterval().toMillis(),
				TimeUnit.MILLISECONDS);
	}

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
