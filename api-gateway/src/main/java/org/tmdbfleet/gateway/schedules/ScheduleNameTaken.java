package org.tmdbfleet.gateway.schedules;

import org.tmdbfleet.gateway.web.Conflict;

/** A new schedule named as one that exists: names are unique, for people and {@code ./fleet}. */
final class ScheduleNameTaken extends Conflict {

	ScheduleNameTaken() {
		super("Schedule name taken", "name", "is the name of another schedule; pick another or delete that one");
	}

}
