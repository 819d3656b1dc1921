package org.tmdbfleet.gateway.schedules;

import java.util.UUID;

import org.tmdbfleet.gateway.web.NotFound;

/** No schedule has the id a request names. */
final class ScheduleNotFound extends NotFound {

	ScheduleNotFound(UUID id) {
		super("No schedule with id " + id);
	}

}
