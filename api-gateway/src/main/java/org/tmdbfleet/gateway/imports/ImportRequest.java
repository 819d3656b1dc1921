package org.tmdbfleet.gateway.imports;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportSource;

/**
 * The body of {@code POST /api/imports}.
 *
 * @param source the TMDB list to import
 * @param maxPages how many pages at most; absent means every page TMDB serves (500 at most)
 * @param filters discover filters, only for {@code discover}
 */
record ImportRequest(@NotNull ImportSource source, @Min(1) @Max(500) Integer maxPages, ImportFilters filters) {

	ImportFilters filtersOrNone() {
		return filters == null ? ImportFilters.NONE : filters;
	}

	@AssertTrue(message = "releaseDateFrom must not be after releaseDateTo")
	boolean isDateRangeOrdered() {
		return filters == null || filters.releaseDateFrom() == null || filters.releaseDateTo() == null
				|| !filters.releaseDateFrom().isAfter(filters.releaseDateTo());
	}

}
