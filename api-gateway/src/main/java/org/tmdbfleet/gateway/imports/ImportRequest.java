package org.tmdbfleet.gateway.imports;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.gateway.web.InvalidInput;

/**
 * The body of {@code POST /api/imports}. Its filters are checked here, at the edge, so that a
 * worker never receives a command TMDB would refuse.
 *
 * @param source the TMDB list to import
 * @param maxPages how many pages at most; absent means every page: TMDB serves 500 of a list, and
 * a discover import beyond that is split into release-date windows of 500 pages at most each
 * @param filters discover filters, only for {@code discover} ({@code region} for every list)
 * @param details whether to fetch every movie's details too (runtime, genres, imdb id, cast, crew)
 * @param from the first day of a {@code changes} import
 * @param to the last day of a {@code changes} import, inclusive
 * @param includeAdult a {@code catalog} import also takes the adult titles
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // as a schedule keeps it: what was given
public record ImportRequest(@Schema(description = "The TMDB list to import", example = "popular") @NotNull ImportSource source,
		@Schema(description = "Pages at most; absent means every page. TMDB serves 500 pages of a list; "
				+ "a discover import beyond that is split into release-date windows, so only discover "
				+ "takes more than 500", example = "25", minimum = "1", maximum = "100000")
		@Min(1) @Max(MAX_PAGES) Integer maxPages,
		@Valid Filters filters,
		@Schema(description = "Also fetch every movie's details (runtime, genres, imdb id, top cast, director, "
				+ "keywords, release dates): one more TMDB request per movie. Default: list data only",
				example = "false") Boolean details,
		@Schema(description = "changes only: the first day of the changes (UTC). Without from and to, the last "
				+ "24 hours; without to, until today; without from, the day before to. TMDB's changes reach "
				+ CHANGES_REACH + " days back; no day is after today", example = "2026-11-20") LocalDate from,
		@Schema(description = "changes only: the last day of the changes, inclusive; not after today",
				example = "2026-11-24")
		LocalDate to,
		@Schema(description = "catalog only: also import the adult titles (TMDB's separate export). Default: no",
				example = "false") Boolean includeAdult) {

	/** A changes import fetches every movie by its details: the changes list carries none of their data. */
	boolean wantsDetails() {
		return Boolean.TRUE.equals(details) || source == ImportSource.CHANGES;
	}

	/** Days back TMDB's changes list reaches; older changes need a catalog import. */
	static final int CHANGES_REACH = 14;

	/** Pages of a discover import at most: beyond TMDB's whole catalog (about 1.2M movies). */
	static final int MAX_PAGES = 100_000;

	/**
	 * Release dates a discover filter may name: the catalog's own years (1800 to 2200, as a movie
	 * search takes them). Fixed, not relative to today, so that a schedule's filters stay valid.
	 */
	static final LocalDate EARLIEST_RELEASE = LocalDate.of(1800, 1, 1);

	static final LocalDate LATEST_RELEASE = LocalDate.of(2200, 12, 31);

	/** TMDB serves no list page beyond this one. */
	static final int LIST_MAX_PAGES = 500;

	/** TMDB's {@code sort_by} values for discover. */
	static final String SORT_BY = "(popularity|vote_average|vote_count|primary_release_date|title)\\.(asc|desc)";

	/**
	 * Only discover goes past TMDB's 500 pages (in release-date windows); a list cannot. Only
	 * changes takes days, and nothing else: its days must be ones TMDB's changes list still holds.
	 */
	public ImportRequest checked(LocalDate today) {
		if (includeAdult != null && source != ImportSource.CATALOG) {
			throw new InvalidInput("includeAdult", "is only for catalog imports: lists leave adult titles out");
		}
		if (source == ImportSource.CHANGES) {
			return checkedChanges(today);
		}
		if (from != null || to != null) {
			throw new InvalidInput(from != null ? "from" : "to", "is only for changes imports");
		}
		if (source == ImportSource.CATALOG) {
			if (filters != null) {
				throw new InvalidInput("filters", "are for lists and discover; a catalog import takes every movie");
			}
			if (maxPages != null) {
				throw new InvalidInput("maxPages", "is for lists and discover; a catalog import takes every movie");
			}
			return this;
		}
		if (filters != null) {
			filters.checkReleaseDates();
		}
		if (maxPages != null && maxPages > LIST_MAX_PAGES && source != ImportSource.DISCOVER) {
			throw new InvalidInput("maxPages", "must be at most " + LIST_MAX_PAGES + " for " + source.wireName()
					+ ": TMDB serves no further page; only discover goes beyond, in release-date windows");
		}
		return this;
	}

	/**
	 * Every day is checked against TMDB's reach before any arithmetic on it: the type allows
	 * {@code +999999999-12-31}, where {@code plusDays} throws and a plan of its days never ends.
	 */
	private ImportRequest checkedChanges(LocalDate today) {
		if (filters != null) {
			throw new InvalidInput("filters", "are for lists and discover; a changes import takes from and to");
		}
		LocalDate earliest = today.minusDays(CHANGES_REACH);
		checkChangesDay("from", from, today, earliest);
		checkChangesDay("to", to, today, earliest);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInput("from", "must not be after to");
		}
		if (from == null && to == null) {
			return this;
		}
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : to.minusDays(1);
		if (first.isBefore(earliest)) {
			throw new InvalidInput("to", "without from means the day before to, and TMDB's changes reach "
					+ CHANGES_REACH + " days back (to " + earliest + "); give from, or a later to");
		}
		return new ImportRequest(source, maxPages, null, details, first, last, null);
	}

	private static void checkChangesDay(String field, LocalDate day, LocalDate today, LocalDate earliest) {
		if (day != null && day.isAfter(today)) {
			throw new InvalidInput(field, "must not be after today (" + today + "): TMDB lists no changes yet");
		}
		if (day != null && day.isBefore(earliest)) {
			throw new InvalidInput(field, "TMDB's changes reach " + CHANGES_REACH + " days back (to " + earliest
					+ "); older changes need a catalog import");
		}
	}

	ImportFilters filtersOrNone() {
		if (source == ImportSource.CHANGES) {
			return ImportFilters.changed(from, to);
		}
		if (source == ImportSource.CATALOG) {
			return ImportFilters.catalog(Boolean.TRUE.equals(includeAdult));
		}
		return (filters == null) ? ImportFilters.NONE : filters.toMessage();
	}

	/**
	 * TMDB discover filters; every field is optional.
	 *
	 * @param releaseDateFrom {@code primary_release_date.gte}
	 * @param releaseDateTo {@code primary_release_date.lte}
	 * @param genres {@code with_genres}: movies of all these genres
	 * @param sortBy {@code sort_by}
	 * @param language {@code with_original_language}, ISO 639-1
	 * @param region {@code region}, ISO 3166-1
	 */
	@Schema(name = "ImportFilters", description = "TMDB discover filters; every field is optional")
	public record Filters(
			@Schema(description = "1800-01-01 to 2200-12-31", example = "1990-01-01") LocalDate releaseDateFrom,
			@Schema(description = "1800-01-01 to 2200-12-31", example = "1999-12-31") LocalDate releaseDateTo,
			@Schema(example = "[28]") @Size(max = 20) List<@NotNull @Positive Integer> genres,
			@Schema(example = "popularity.desc") @Pattern(regexp = SORT_BY,
					message = "must be popularity, vote_average, vote_count, primary_release_date or title, "
							+ "then .asc or .desc") String sortBy,
			@Schema(example = "en") @Pattern(regexp = "[a-z]{2}",
					message = "must be an ISO 639-1 code: two lowercase letters, e.g. en") String language,
			@Schema(example = "US") @Pattern(regexp = "[A-Z]{2}",
					message = "must be an ISO 3166-1 code: two uppercase letters, e.g. US") String region) {

		@Schema(hidden = true)
		@AssertTrue(message = "releaseDateFrom must not be after releaseDateTo")
		boolean isReleaseDateRangeOrdered() {
			return releaseDateFrom == null || releaseDateTo == null || !releaseDateFrom.isAfter(releaseDateTo);
		}

		/** The planner cuts these days into windows: a day the type allows but no movie has would never end. */
		void checkReleaseDates() {
			checkReleaseDate("filters.releaseDateFrom", releaseDateFrom);
			checkReleaseDate("filters.releaseDateTo", releaseDateTo);
		}

		private static void checkReleaseDate(String field, LocalDate day) {
			if (day != null && (day.isBefore(EARLIEST_RELEASE) || day.isAfter(LATEST_RELEASE))) {
				throw new InvalidInput(field, "must be from " + EARLIEST_RELEASE + " to " + LATEST_RELEASE);
			}
		}

		ImportFilters toMessage() {
			return new ImportFilters(releaseDateFrom, releaseDateTo, genres, sortBy, language, region);
		}

	}

}
