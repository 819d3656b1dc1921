package org.tmdbfleet.gateway.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts imports as they end, by outcome and source, with how long they took from the request
 * ({@code fleet_imports_finished_seconds}). Recorded when the transaction that ended them
 * commits, so a rolled-back ending is not counted; each ending is decided by one statement on
 * the import's row, so it is counted by the one gateway that made it. An import retried after
 * {@code COMPLETED_WITH_ERRORS} or {@code FAILED} ends (and is counted) again.
 */
@Component
public class ImportOutcomes {

	/** The statements that end imports answer these columns (a {@code returning} clause). */
	public static final String RETURNING = "returning source, status, extract(epoch from finished_at - created_at)";

	private final MeterRegistry registry;

	ImportOutcomes(MeterRegistry registry) {
		this.registry = registry;
	}

	/** An import that ended, as the ending statement returned it. */
	public record Ended(String source, String status, double seconds) {
	}

	/** Maps a row of {@link #RETURNING}. */
	public static Ended ended(ResultSet row, int rowNumber) throws SQLException {
		return new Ended(row.getString(1), row.getString(2), row.getDouble(3));
	}

	/** Records the endings once the current transaction commits (at once outside one). */
	public void record(List<Ended> endings) {
		if (endings.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			endings.forEach(this::record);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				endings.forEach(ImportOutcomes.this::record);
			}
		});
	}

	private void record(Ended ended) {
		Timer.builder("fleet.imports.finished")
			.description("Imports that ended, by outcome and source, and how long each took from its request")
			.tags("outcome", ended.status().toLowerCase(Locale.ROOT), "source", ended.source())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofSeconds(1))
			.maximumExpectedValue(Duration.ofHours(24))
			.register(registry)
			.record(Duration.ofMillis(Math.round(Math.max(0, ended.seconds()) * 1000)));
	}

}
