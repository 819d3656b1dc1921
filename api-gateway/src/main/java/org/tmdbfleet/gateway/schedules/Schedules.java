package org.tmdbfleet.gateway.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Schedules and their runs as the API keeps and shows them; {@link DueSchedules} fires them.
 */
@Service
class Schedules {

	static final int RECENT_RUNS = 10;

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

	private final ScheduleClock clock;

	Schedules(JdbcClient jdbc, ScheduleClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
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
				.param("next", Timestamp.from(cron.next(clock.now())))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ScheduleNameTaken();
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
				: Cron.parse(schedule.cron(), schedule.zone()).next(clock.now());
		jdbc.sql("update schedules set paused = :paused, next_run_at = :next, updated_at = now() where id = :id")
			.param("paused", paused)
			.param("next", Timestamp.from(next))
			.param("id", id)
			.update();
		return existing(id);
	}

	void delete(UUID id) {
		if (jdbc.sql("delete from schedules where id = :id").param("id", id).update() == 0) {
			throw new ScheduleNotFound(id);
		}
	}

	ScheduleView existing(UUID id) {
		return find(id).orElseThrow(() -> new ScheduleNotFound(id));
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

}
