package org.tmdbfleet.gateway.tracking;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a stalled import from a waiting one. An unfinished import that has not progressed for
 * {@code stalledAfter} is stalled only if the fleet as a whole has not progressed either: an
 * import queued behind a big one waits its turn in the same partitions, and is not stalled while
 * the big one moves. So "stalled" means "no worker is doing anything", which is what an operator
 * must act on. The status is derived when read, never stored, so an import goes on by itself
 * when workers return.
 */
@Component
class StallWatch {

	/**
	 * Read on every import read and stream tick: the index on {@code heartbeat_at} makes it one
	 * step down the index, however many imports there are.
	 */
	static final String LAST_PROGRESS = "select max(heartbeat_at) from import_jobs";

	private static final List<ImportStatus> UNFINISHED = List.of(ImportStatus.QUEUED, ImportStatus.RUNNING);

	private final TrackingProperties properties;

	private final JdbcClient jdbc;

	private final ImportJobRepository jobs;

	/** The imports by status as last counted, and when; one count serves a whole scrape. */
	private volatile Counted counted = new Counted(Map.of(), 0);

	StallWatch(TrackingProperties properties, JdbcClient jdbc, ImportJobRepository jobs, MeterRegistry registry) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.jobs = jobs;
		for (ImportStatus status : ImportStatus.values()) {
			Gauge.builder("fleet.imports", () -> countsByStatus().getOrDefault(status, 0L))
				.description("Imports by status as the API shows it (STALLED derived by the same rule); "
						+ "every gateway reports the same numbers")
				.tag("status", status.name())
				.register(registry);
		}
	}

	/** Imports by status as the API tells them, counted in the database at most once a second. */
	Map<ImportStatus, Long> countsByStatus() {
		Counted last = counted;
		long now = System.nanoTime();
		if (now - last.at() < TimeUnit.SECONDS.toNanos(1) && !last.counts().isEmpty()) {
			return last.counts();
		}
		Snapshot snapshot = now();
		Map<ImportStatus, Long> counts = new EnumMap<>(ImportStatus.class);
		for (ImportStatus status : ImportStatus.values()) {
			counts.put(status, jobs.count(snapshot.withStatus(status)));
		}
		counted = new Counted(counts, now);
		return counts;
	}

	private record Counted(Map<ImportStatus, Long> counts, long at) {
	}

	/** The fleet as it stands now; read once per request. */
	Snapshot now() {
		Instant cutoff = Instant.now().minus(properties.stalledAfter());
		Instant lastProgress = jdbc.sql(LAST_PROGRESS).query(Instant.class).optional().orElse(null);
		return new Snapshot(cutoff, lastProgress == null || lastProgress.isBefore(cutoff));
	}

	/**
	 * @param cutoff progress before this is old
	 * @param fleetQuiet whether no import has progressed since the cutoff
	 */
	record Snapshot(Instant cutoff, boolean fleetQuiet) {

		ImportStatus statusOf(ImportJob job) {
			return stalled(job) ? ImportStatus.STALLED : job.getStatus();
		}

		boolean stalled(ImportJob job) {
			return fleetQuiet && UNFINISHED.contains(job.getStatus()) && lastProgress(job).isBefore(cutoff);
		}

		/** Imports whose status reads {@code status}: a stored one, or the derived STALLED. */
		Specification<ImportJob> withStatus(ImportStatus status) {
			if (status == null) {
				return Specification.unrestricted();
			}
			if (status == ImportStatus.STALLED) {
				return fleetQuiet ? (root, query, builder) -> builder.and(root.get("status").in(UNFINISHED),
						builder.lessThan(lastProgress(root, builder), cutoff)) : (root, query, builder) -> builder.disjunction();
			}
			Specification<ImportJob> stored = (root, query, builder) -> builder.equal(root.get("status"), status);
			if (!fleetQuiet || !UNFINISHED.contains(status)) {
				return stored;
			}
			return stored.and((root, query, builder) -> builder.greaterThanOrEqualTo(lastProgress(root, builder),
					cutoff));
		}

		private static Instant lastProgress(ImportJob job) {
			return (job.getHeartbeatAt() != null) ? job.getHeartbeatAt() : job.getCreatedAt();
		}

		private static Expression<Instant> lastProgress(Root<ImportJob> root, CriteriaBuilder builder) {
			return builder.coalesce(root.<Instant>get("heartbeatAt"), root.<Instant>get("createdAt"));
		}

	}

}
