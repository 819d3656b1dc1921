package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.time.LocalTime;

import org.tmdbfleet.simulator.catalog.Catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The catalog's clock: {@code GET} shows it, {@code PUT {"advanceDays": 3, "time": "07:00"}}
 * lets days pass (each changes, adds and deletes movies, which {@code /3/movie/changes} and the
 * next day's export then show) and sets the time of day (the day's export appears at 08:00). The
 * clock only moves forward. Needs no credentials, unlike {@code /3/**}.
 */
@RestController
@RequestMapping("/admin/clock")
class ClockController {

	private final Catalog catalog;

	ClockController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	Clock show() {
		return Clock.of(catalog);
	}

	@PutMapping
	Clock change(@RequestBody ClockChange change) {
		if (change == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a body is required");
		}
		try {
			if (change.advanceDays() != null) {
				catalog.advance(change.advanceDays());
			}
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		if (change.time() != null) {
			catalog.setTime(change.time());
		}
		return Clock.of(catalog);
	}

	/**
	 * @param advanceDays days to let pass, if any
	 * @param time the new time of day (UTC), if any
	 */
	record ClockChange(Integer advanceDays, LocalTime time) {
	}

	/**
	 * @param today the catalog's date
	 * @param time its time of day (UTC)
	 * @param generatedFor the date the catalog was generated for ({@code simulator.today})
	 * @param daysAdvanced days passed since
	 */
	record Clock(LocalDate today, LocalTime time, LocalDate generatedFor, int daysAdvanced) {

		static Clock of(Catalog catalog) {
			return new Clock(catalog.today(), catalog.time(), catalog.genesis(), catalog.day());
		}

	}

}
