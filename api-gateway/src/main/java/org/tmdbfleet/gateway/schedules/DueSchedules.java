package org.tmdbfleet.gateway.schedules;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.gateway.imports.ImportRequest;
import org.tmdbfleet.gateway.imports.ImportService;
import org.tmdbfleet.gateway.web.InvalidInput;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due schedules. A due schedule is fired by whichever gateway takes its row first
 * ({@code for update skip locked}): the import it starts, its run and its next due time are one
 * transaction, so a due time fires once however many gateways run, and a gateway that dies half
 * way leaves it due for the next. The next due time is counted from now, not from the one that
 * fired: after downtime a schedule runs once, however many due times passed (the run says how
 * many). A run is skipped, and recorded as skipped, while the import of the schedule's previous
 * run is still queued or running. Each due schedule is decided in a transaction of its own, so one
 * that fails is skipped while the others fire; "now" is the database's ({@link ScheduleClock}).
 */
@Service
class DueSchedules {

	/** Due schedules one tick decides at most; the rest wait for the next tick. */
	private static final int MAX_PER_TICK = 100;

	/** Characters of an error kept as a skipped run's reason. */
	private static final int MAX_REASON = 300;

	private static final Logger log = LoggerFactory.getLogger(DueSchedules.class);

	private final JdbcClient jdbc;

	private final ImportService imports;

	private final ScheduledImports importChecks;

	private final TransactionTemplate transactions;

	private final ScheduleClock clock;

	DueSchedules(JdbcClient jdbc, ImportService imports, ScheduledImports importChecks,
			TransactionTemplate transactions, ScheduleClock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.importChecks = importChecks;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Decides every due schedule no other gateway is deciding, each in a transaction of its own:
	 * one that cannot fire (its run already recorded, its row unreadable) is recorded as skipped
	 * in another, and the others fire all the same.
	 * @return how many were decided, fired or skipped
	 */
	int fireDue() {
		List<UUID> decided = new ArrayList<>();
		while (decided.size() < MAX_PER_TICK) {
			Due due;
			try {
				due = transactions.execute(status -> fireNext(decided));
			}
			catch (NotFired ex) {
				due = ex.schedule;
				skip(ex.schedule, ex.now, ex.getCause());
			}
			if (due == null) {
				break;
			}
			decided.add(due.id());
		}
		return decided.size();
	}

	/** The earliest due schedule not decided in this tick, fired; null if none is due. */
	private Due fireNext(List<UUID> decided) {
		Instant now = clock.now();
		Optional<Due> due = jdbc.sql("""
				select id, name, cron, zone, import::text, next_run_at from schedules
				where not paused and next_run_at <= :now and not (id = any(cast(:decided as uuid[])))
				order by next_run_at limit 1
				for update skip locked
				""")
			.param("now", Timestamp.from(now))
			.param("decided", decided.toArray(UUID[]::new))
			.query((row, n) -> new Due(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getString(4), row.getString(5), row.getTimestamp(6).toInstant()))
			.optional();
		if (due.isEmpty()) {
			return null;
		}
		try {
			fire(due.get(), now);
		}
		catch (RuntimeException ex) {
			throw new NotFired(due.get(), now, ex);
		}
		return due.get();
	}

	private void fire(Due schedule, Instant now) {
		Cron cron = Cron.parse(schedule.cron(), schedule.zone());
		int missed = cron.between(schedule.dueAt(), now);
		Run run = run(schedule, LocalDate.ofInstant(now, ZoneOffset.UTC));
		jdbc.sql("""
				insert into schedule_runs (schedule_id, due_at, outcome, import_id, missed, reason)
				values (:id, :due, :outcome, :importId, :missed, :reason)
				""")
			.param("id", schedule.id())
			.param("due", Timestamp.from(schedule.dueAt()))
			.param("outcome", run.importId() != null ? "STARTED" : "SKIPPED")
			.param("importId", run.importId())
			.param("missed", missed)
			.param("reason", run.reason())
			.update();
		moveOn(schedule, cron.next(now), now);
		log.info("Schedule '{}' due at {}{}: {}", schedule.name(), schedule.dueAt(),
				(missed > 0) ? " (catching up " + missed + " more due times)" : "",
				(run.importId() != null) ? "started import " + run.importId() : "skipped, " + run.reason());
	}

	/**
	 * A due time that could not fire is skipped, in a transaction of its own, unless another
	 * gateway decided it meanwhile; a due time that has its run already keeps that run. A cron that
	 * no longer parses pauses the schedule.
	 */
	private void skip(Due schedule, Instant now, Throwable cause) {
		// the primary key refused a second run of this due time: the one recorded stands
		String reason = (cause instanceof DuplicateKeyException) ? "this due time has a run already"
				: "the import could not be started: " + abbreviated(cause.toString());
		log.warn("Schedule '{}' due at {} skipped: {}", schedule.name(), schedule.dueAt(), reason);
		transactions.executeWithoutResult(status -> {
			boolean stillDue = jdbc.sql("""
					select id from schedules where id = :id and next_run_at = :due and not paused
					for update skip locked
					""")
				.param("id", schedule.id())
				.param("due", Timestamp.from(schedule.dueAt()))
				.query(UUID.class)
				.optional()
				.isPresent();
			if (!stillDue) {
				return;
			}
			jdbc.sql("""
					insert into schedule_runs (schedule_id, due_at, outcome, missed, reason)
					values (:id, :due, 'SKIPPED', 0, :reason) on conflict (schedule_id, due_at) do nothing
					""")
				.param("id", schedule.id())
				.param("due", Timestamp.from(schedule.dueAt()))
				.param("reason", reason)
				.update();
			Instant next;
			try {
				next = Cron.parse(schedule.cron(), schedule.zone()).next(now);
			}
			catch (InvalidInput ex) {
				next = null;
			}
			moveOn(schedule, next, now);
		});
	}

	/** The next due time; none pauses the schedule, as it will never be due again. */
	private void moveOn(Due schedule, Instant next, Instant now) {
		jdbc.sql("update schedules set next_run_at = :next, paused = paused or :never, updated_at = now() where id = :id")
			.param("next", Timestamp.from(next != null ? next : now))
			.param("never", next == null)
			.param("id", schedule.id())
			.update();
	}

	/** Starts the schedule's import, unless its previous one still goes or the import cannot start now. */
	private Run run(Due schedule, LocalDate today) {
		Optional<Previous> previous = jdbc.sql("""
				select r.import_id, j.status from schedule_runs r join import_jobs j on j.id = r.import_id
				where r.schedule_id = :id and r.outcome = 'STARTED' order by r.due_at desc limit 1
				""")
			.param("id", schedule.id())
			.query((row, n) -> new Previous(row.getObject(1, UUID.class), row.getString(2)))
			.optional();
		if (previous.isPresent() && List.of("QUEUED", "RUNNING").contains(previous.get().status())) {
			return new Run(null, "the previous run's import " + previous.get().importId() + " is still "
					+ previous.get().status());
		}
		ImportRequest request;
		try {
			request = FleetJson.MAPPER.readValue(schedule.importJson(), ImportRequest.class);
		}
		catch (JacksonException ex) {
			return new Run(null, "the import no longer reads as one: " + abbreviated(ex.getOriginalMessage()));
		}
		try {
			importChecks.validate(request);
			return new Run(imports.startInTransaction(request.checked(today)), null);
		}
		catch (InvalidInput ex) {
			return new Run(null, "the import cannot start now: " + ex.getMessage());
		}
	}

	private static String abbreviated(String text) {
		return (text == null || text.length() <= MAX_REASON) ? text : text.substring(0, MAX_REASON) + "...";
	}

	private record Due(UUID id, String name, String cron, String zone, String importJson, Instant dueAt) {
	}

	private record Previous(UUID importId, String status) {
	}

	private record Run(UUID importId, String reason) {
	}

	/** A due schedule whose firing failed; its transaction is rolled back. */
	private static final class NotFired extends RuntimeException {

		private final transient Due schedule;

		private final Instant now;

		NotFired(Due schedule, Instant now, RuntimeException cause) {
			super(cause);
			this.schedule = schedule;
			this.now = now;
		}

	}

}
