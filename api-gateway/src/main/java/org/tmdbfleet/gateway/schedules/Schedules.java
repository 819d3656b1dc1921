package org.tmdbfleet.gateway.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.gateway.imports.ImportRequest;
import org.tmdbfleet.gateway.imports.ImportService;
import org.tmdbfleet.gateway.web.Problems;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Schedules and their runs. A due schedule is fired by whichever gateway takes its row first
 * ({@code for update skip locked}): the import it starts, its run and its next due time are one
 * transaction, so a due time fires once however many gateways run, and a gateway that dies half
 * way leaves it due for the next. The next due time is counted from now, not from the one that
 * fired: after downtime a schedule runs once, however many due times passed (the run says how
 * many). A run is skipped, and recorded as skipped, while the import of the schedule's previous
 * run is still queued or running.
 */
@Service
class Schedules {

	static final int RECENT_RUNS = 10;

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	private static final String VIEW = """
			select s.id, s.name, s.cron, s.zone, s.import::text as import, s.paused, s.next_run_at, s.created_at
			from schedules s
			""";

	private static final String RUNS = """
			select r.due_at, r.ran_at, r.outcome, r.import_id, j.status, r.missed, r.reason
			from schedule_runs r left join import_jobs j on j.id = r.import_id
			where r.schedule_id = :id order by r.due_at desc limit :limit
			""";

	private final JdbcClient jdbc;

	private final ImportService imports;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Schedules(JdbcClient jdbc, ImportService imports, TransactionTemplate transactions, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.imports = imports;
		this.transactions = transactions;
	}

	ScheduleView create(ScheduleRequest request, Cron cron) {
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into schedules (id, name, cron, zone, import, next_run_at)
					values (:id, :name, :cron, :zone, cast(:import as jsonb), :next)
					""")
				.param("id", id)
				.param("name", request.name())
				.param("cron", request.cron().trim())
				.param("zone", request.zoneOrUtc())
				.param("import", FleetJson.MAPPER.writeValueAsString(request.importRequest()))
				.param("next", Timestamp.from(cron.next(clock.instant())))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw Problems.of(HttpStatus.CONFLICT, "Schedule name taken", "name",
					"is the name of another schedule; pick another or delete that one");
		}
		return find(id).orElseThrow();
	}

	List<ScheduleView> list() {
		return jdbc.sql(VIEW + " order by s.name").query((row, n) -> view(row)).list();
	}

	Optional<ScheduleView> find(UUID id) {
		return jdbc.sql(VIEW + " where s.id = :id").param("id", id).query((row, n) -> view(row)).optional();
	}

	/** Paused, it fires no more; resumed, its next due time is counted from now (no catch-up for the pause). */
	ScheduleView pause(UUID id, boolean paused) {
		ScheduleView schedule = existing(id);
		Instant next = paused ? schedule.nextRunAt()
				: Cron.parse(schedule.cron(), schedule.zone()).next(clock.instant());
		jdbc.sql("update schedules set paused = :paused, next_run_at = :next, updated_at = now() where id = :id")
			.param("paused", paused)
			.param("next", Timestamp.from(next))
			.param("id", id)
			.update();
		return existing(id);
	}

	void delete(UUID id) {
		if (jdbc.sql("delete from schedules where id = :id").param("id", id).update() == 0) {
			throw notFound(id);
		}
	}

	ScheduleView existing(UUID id) {
		return find(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Fires the schedules due at {@code now} that no other gateway is firing.
	 * @return how many fired
	 */
	int fireDue() {
		Instant now = clock.instant();
		Integer fired = transactions.execute(status -> {
			List<Due> due = jdbc.sql("""
					select id, name, cron, zone, import::text, next_run_at from schedules
					where not paused and next_run_at <= :now
					order by next_run_at limit 100
					for update skip locked
					""").param("now", Timestamp.from(now)).query((row, n) -> new Due(row.getObject(1, UUID.class),
					row.getString(2), row.getString(3), row.getString(4), row.getString(5),
					row.getTimestamp(6).toInstant()))
				.list();
			due.forEach(schedule -> fire(schedule, now));
			return due.size();
		});
		return (fired != null) ? fired : 0;
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
		Instant next = cron.next(now);
		jdbc.sql("update schedules set next_run_at = :next, paused = paused or :never, updated_at = now() where id = :id")
			.param("next", Timestamp.from(next != null ? next : now))
			.param("never", next == null)
			.param("id", schedule.id())
			.update();
		log.info("Schedule '{}' due at {}{}: {}", schedule.name(), schedule.dueAt(),
				(missed > 0) ? " (catching up " + missed + " more due times)" : "",
				(run.importId() != null) ? "started import " + run.importId() : "skipped, " + run.reason());
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
		try {
			ImportRequest request = FleetJson.MAPPER.readValue(schedule.importJson(), ImportRequest.class).checked(today);
			return new Run(imports.startInTransaction(request), null);
		}
		catch (ErrorResponseException ex) {
			return new Run(null, "the import cannot start now: " + ex.getBody().getDetail());
		}
	}

	private ScheduleView view(ResultSet row) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		List<ScheduleView.Run> runs = jdbc.sql(RUNS)
			.param("id", id)
			.param("limit", RECENT_RUNS)
			.query((r, n) -> new ScheduleView.Run(r.getTimestamp(1).toInstant(), r.getTimestamp(2).toInstant(),
					r.getString(3), r.getObject(4, UUID.class), r.getString(5), r.getInt(6), r.getString(7)))
			.list();
		return new ScheduleView(id, row.getString("name"), row.getString("cron"), row.getString("zone"),
				FleetJson.MAPPER.readTree(row.getString("import")), row.getBoolean("paused"),
				row.getTimestamp("next_run_at").toInstant(), runs.isEmpty() ? null : runs.getFirst(), runs,
				row.getTimestamp("created_at").toInstant());
	}

	private static ResponseStatusException notFound(UUID id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No schedule with id " + id);
	}

	private record Due(UUID id, String name, String cron, String zone, String importJson, Instant dueAt) {
	}

	private record Previous(UUID importId, String status) {
	}

	private record Run(UUID importId, String reason) {
	}

}
