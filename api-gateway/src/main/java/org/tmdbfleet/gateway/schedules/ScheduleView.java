package org.tmdbfleet.gateway.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * A schedule as the API shows it.
 *
 * @param importRequest the import each run starts (as {@code import} on the wire)
 * @param nextRunAt the next due time; while paused, the one it would have
 * @param lastRun the latest due time it fired at, null before the first
 * @param recentRuns the last runs, newest first (at most {@value Schedules#RECENT_RUNS})
 */
record ScheduleView(UUID id, String name, String cron, String zone,
		@com.fasterxml.jackson.annotation.JsonProperty("import") JsonNode importRequest, boolean paused,
		Instant nextRunAt, Run lastRun, List<Run> recentRuns, Instant createdAt) {

	/**
	 * One due time the schedule fired at.
	 *
	 * @param outcome {@code STARTED} (an import), or {@code SKIPPED} (none: the previous run's
	 * import was still going, or the import could not be started; {@code reason} says which)
	 * @param importStatus the started import's status now
	 * @param missed due times that passed while no gateway ran, caught up by this one run
	 */
	@Schema(name = "ScheduleRun")
	record Run(Instant dueAt, Instant ranAt, String outcome, UUID importId, String importStatus, int missed,
			String reason) {
	}

}
