package org.tmdbfleet.catalog.changes;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.tmdbfleet.catalog.web.Paging;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's {@code /3/movie/changes}: the movies whose stored data changed on the days asked for
 * (inserted, changed by a newer fetch, or deleted), so a client that keeps itself fresh from
 * TMDB's change list can keep itself fresh from the mirror instead. A day is a UTC day of the
 * mirror's writes, not of TMDB's edits; the persist workers keep {@code retention-days} of them.
 */
@RestController
class ChangesController {

	private final ChangesRepository changes;

	ChangesController(ChangesRepository changes) {
		this.changes = changes;
	}

	@GetMapping("/3/movie/changes")
	ResponseEntity<String> changes(@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String page) {
		int number = Paging.page(page);
		ChangedDays days = ChangedDays.of(startDate, endDate, LocalDate.now(ZoneOffset.UTC));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.changes.page(days, number));
	}

}
