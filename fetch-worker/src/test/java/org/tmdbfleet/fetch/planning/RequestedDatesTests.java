package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.messages.ImportFilters;

import static org.assertj.core.api.Assertions.assertThat;

/** The dates a command may carry, down to the extremes the type allows, and the planner's answer to each. */
class RequestedDatesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	@Test
	void ordinaryDatesArePlanned() {
		assertThat(RequestedDates.refusal(ImportFilters.NONE)).isEmpty();
		assertThat(RequestedDates.refusal(null)).isEmpty();
		assertThat(RequestedDates.refusal(ImportFilters.changed(TODAY.minusDays(14), TODAY))).isEmpty();
		assertThat(RequestedDates.refusal(ImportFilters.changed(null, null))).isEmpty();
		assertThat(RequestedDates.refusal(discover(LocalDate.of(1874, 1, 1), TODAY.plusYears(2)))).isEmpty();
		assertThat(RequestedDates.refusal(discover(null, LocalDate.of(1990, 1, 1)))).isEmpty();
	}

	@Test
	void changesToTheLastDayTheTypeAllowsAreRefusedNamingTheField() {
		assertThat(RequestedDates.refusal(ImportFilters.changed(TODAY, LocalDate.MAX)))
			.hasValue("changedTo +999999999-12-31 is not a date TMDB can answer (1000-01-01 to 9999-12-31)");
	}

	@Test
	void changesFromTheFirstDayTheTypeAllowsAreRefusedNamingTheField() {
		assertThat(RequestedDates.refusal(ImportFilters.changed(LocalDate.MIN, TODAY)))
			.hasValue("changedFrom -999999999-01-01 is not a date TMDB can answer (1000-01-01 to 9999-12-31)");
	}

	@Test
	void changesUpToTheYear9999AreRefusedInsteadOfCostingTmdbYearsOfRequests() {
		assertThat(RequestedDates.refusal(ImportFilters.changed(TODAY, LocalDate.of(9999, 12, 31))))
			.hasValue("changedFrom 2026-12-07 to changedTo 9999-12-31 is more than 366 days of changes "
					+ "(TMDB's reach back is 14 days)");
	}

	@Test
	void aDiscoverOverEveryDateTheTypeAllowsIsRefusedNamingTheField() {
		assertThat(RequestedDates.refusal(discover(LocalDate.MIN, LocalDate.MAX)))
			.hasValue("releaseDateFrom -999999999-01-01 is not a date TMDB can answer (1000-01-01 to 9999-12-31)");
		assertThat(RequestedDates.refusal(discover(null, LocalDate.MAX)))
			.hasValue("releaseDateTo +999999999-12-31 is not a date TMDB can answer (1000-01-01 to 9999-12-31)");
	}

	@Test
	void aFromAfterItsToIsRefused() {
		assertThat(RequestedDates.refusal(ImportFilters.changed(TODAY, TODAY.minusDays(1))))
			.hasValue("changedFrom 2026-12-07 is after changedTo 2026-12-06");
		assertThat(RequestedDates.refusal(discover(LocalDate.of(2000, 1, 2), LocalDate.of(2000, 1, 1))))
			.hasValue("releaseDateFrom 2000-01-02 is after releaseDateTo 2000-01-01");
	}

	private static ImportFilters discover(LocalDate from, LocalDate to) {
		return new ImportFilters(from, to, null, null, null, null);
	}

}
