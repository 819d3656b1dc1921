package org.tmdbfleet.gateway.schedules;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Imports on a schedule: a nightly changes sync, a weekly catalog sync. Mutations need the API token. */
@Tag(name = "schedules")
@RestController
@RequestMapping("/api/schedules")
class ScheduleController {

	private final Schedules schedules;

	private final ScheduledImports imports;

	private final Clock clock;

	ScheduleController(Schedules schedules, ScheduledImports imports, Clock clock) {
		this.schedules = schedules;
		this.imports = imports;
		this.clock = clock;
	}

	@Operation(operationId = "createSchedule", summary = "Run an import on a cron schedule",
			description = "Each due time starts the import once, however many gateways run; after downtime it "
					+ "runs once, not once per missed due time; a due time is skipped, and recorded, while the "
					+ "previous run's import is still going. A wall time that comes twice (when daylight saving time "
					+ "ends) is due once, at its first occurrence.")
	@ApiResponse(responseCode = "201", description = "Created; Location is the schedule")
	@ApiResponse(responseCode = "409", description = "A schedule of that name exists")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ScheduleView> create(@Valid @RequestBody ScheduleRequest request) {
		imports.validate(request.importRequest());
		ScheduleView created = schedules.create(request, request.checked(clock.instant()));
		return ResponseEntity.created(URI.create("/api/schedules/" + created.id())).body(created);
	}

	@Operation(operationId = "listSchedules", summary = "Every schedule, by name")
	@GetMapping
	List<ScheduleView> list() {
		return schedules.list();
	}

	@Operation(operationId = "getSchedule", summary = "A schedule, its next due time and its last runs")
	@GetMapping("/{id}")
	ScheduleView get(@PathVariable UUID id) {
		return schedules.existing(id);
	}

	@Operation(operationId = "pauseSchedule", summary = "Stop firing until resumed")
	@PostMapping("/{id}/pause")
	ScheduleView pause(@PathVariable UUID id) {
		return schedules.pause(id, true);
	}

	@Operation(operationId = "resumeSchedule", summary = "Fire again, from the next due time on (no catch-up)")
	@PostMapping("/{id}/resume")
	ScheduleView resume(@PathVariable UUID id) {
		return schedules.pause(id, false);
	}

	@Operation(operationId = "deleteSchedule", summary = "Delete a schedule; the imports it started stay")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		schedules.delete(id);
		return ResponseEntity.noContent().build();
	}

}
