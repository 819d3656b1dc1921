package org.tmdbfleet.fetch.planning;

import java.time.LocalDate;
import java.util.Optional;

import org.tmdbfleet.common.messages.ImportFilters;

/**
 * The planner's own bound on the dates of an import, behind the gateway's: a command already on
 * the topic, or one from an older gateway, may carry any date the type allows, and a changes import
 * to {@code +999999999-12-31} once built date ranges until the planner ran out of memory, blocking
 * every import of its partition. A date refused here ends the import {@code FAILED} with the
 * reason, before any date arithmetic or TMDB request.
 */
final class RequestedDates {

	/** TMDB's dates have four-digit years. */
	static final LocalDate FIRST_DAY = LocalDate.of(1000, 1, 1);

	static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

	/**
	 * The most days of a changes import: TMDB's changes reach 14 days back, so a longer span only
	 * costs requests (one per 14 days) and a plan too large for one Kafka record.
	 */
	static final int CHANGES_MAX_DAYS = 366;

	private RequestedDates() {
	}

	/** Why the filters' dates cannot be planned; empty when they can. */
	static Optional<String> refusal(ImportFilters filters) {
		if (filters == null) {
			return Optional.empty();
		}
		return firstOf(outside("releaseDateFrom", filters.releaseDateFrom()),
				outside("releaseDateTo", filters.releaseDateTo()), outside("changedFrom", filters.changedFrom()),
				outside("changedTo", filters.changedTo()),
				reversed("releaseDateFrom", filters.releaseDateFrom(), "releaseDateTo", filters.releaseDateTo()),
				reversed("changedFrom", filters.changedFrom(), "changedTo", filters.changedTo()),
				tooLong(filters.changedFrom(), filters.changedTo()));
	}

	private static Optional<String> outside(String field, LocalDate date) {
		if (date == null || (!date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY))) {
			return Optional.empty();
		}
		return Optional.of(field + " " + date + " is not a date TMDB can answer (" + FIRST_DAY + " to " + LAST_DAY + ")");
	}

	private static Optional<String> reversed(String fromField, LocalDate from, String toField, LocalDate to) {
		if (from == null || to == null || !from.isAfter(to)) {
			return Optional.empty();
		}
		return Optional.of(fromField + " " + from + " is after " + toField + " " + to);
	}

	/** Any date's epoch day fits a long with room to spare: the difference cannot overflow. */
	private static Optional<String> tooLong(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.toEpochDay() - from.toEpochDay() + 1 <= CHANGES_MAX_DAYS) {
			return Optional.empty();
		}
		return Optional.of("changedFrom " + from + " to changedTo " + to + " is more than " + CHANGES_MAX_DAYS
				+ " days of changes (TMDB's reach back is 14 days)");
	}

	@SafeVarargs
	private static Optional<String> firstOf(Optional<String>... checks) {
		for (Optional<String> check : checks) {
			if (check.isPresent()) {
				return check;
			}
		}
		return Optional.empty();
	}

}
