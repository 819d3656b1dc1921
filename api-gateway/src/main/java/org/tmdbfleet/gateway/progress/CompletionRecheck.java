package org.tmdbfleet.gateway.progress;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.gateway.PeriodicTask;

import org.springframework.stereotype.Component;

/**
 * Decides every running import again, every {@code recheck-interval}. An import is decided after
 * each of its progress events; if the last of them is lost (dead-lettered, say, or consumed
 * while its movies' outcomes were still being written), nothing else would end it. Reads one
 * row per running import; every gateway may run it, the decision is one idempotent statement.
 */
@Component
class CompletionRecheck extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(CompletionRecheck.class);

	private final ImportProgressRepository progress;

	private final ProgressProperties properties;

	CompletionRecheck(ImportProgressRepository progress, ProgressProperties properties) {
		super("import-recheck", properties.recheckInterval());
		this.progress = progress;
		this.properties = properties;
	}

	@Override
	protected void runOnce() {
		try {
			for (UUID id : progress.running()) {
				progress.completeIfDone(id);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Running imports not rechecked (next try in {}): {}", properties.recheckInterval(), ex.toString());
		}
	}

}
