package org.tmdbfleet.gateway.schedules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.gateway.PeriodicTask;

import org.springframework.stereotype.Component;

/**
 * Looks for due schedules every {@code tick-interval}, on every gateway: the database decides
 * which gateway fires a due time ({@link DueSchedules#fireDue}), never an in-memory timer.
 */
@Component
class ScheduleTicker extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

	private final DueSchedules schedules;

	private final ScheduleProperties properties;

	ScheduleTicker(DueSchedules schedules, ScheduleProperties properties) {
		super("schedule-ticker", properties.tickInterval());
		this.schedules = schedules;
		this.properties = properties;
	}

	@Override
	protected void runOnce() {
		try {
			schedules.fireDue();
		}
		catch (RuntimeException ex) {
			log.warn("Schedules not looked at (next try in {}): {}", properties.tickInterval(), ex.toString());
		}
	}

}
