package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.ChangeLog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TMDB's movie change list: 100 ids per page, by default for the last day before "today". Like
 * TMDB, a range longer than 14 days (or reversed) answers 422 with status code 20.
 */
@RestController
class ChangesController {

	private static final int PAGE_SIZE = 100;

	private static final int MAX_DAYS = 14;

	private final Catalog catalog;

	private final ChangeLog changeLog;

	ChangesController(Catalog catalog, ChangeLog changeLog) {
		this.catalog = catalog;
		this.changeLog = changeLog;
	}

	@GetMapping("/3/movie/changes")
	ResultsPage<Change> changes(@RequestParam(name = "start_date", required = false) String startDate,
			@RequestParam(name = "end_date", required = false) String endDate,
			@RequestParam(required = false) String page) {
		int number = Paging.page(page);
		LocalDate end = Paging.date(endDate);
		LocalDate start = Paging.date(startDate);
		if (end == null) {
			end = (start != null) ? start.plusDays(1) : catalog.today();
		}
		if (start == null) {
			start = end.minusDays(1);
		}
		long days = ChronoUnit.DAYS.between(start, end);
		if (days < 0 || days > MAX_DAYS) {
			throw TmdbApiException.invalidDateRange();
		}
		return Paging.slice(changeLog.changed(start, end), number, PAGE_SIZE, 0, null,
				(index) -> new Change(catalog.id(index), catalog.adult(index)));
	}

	record Change(int id, boolean adult) {
	}

}
