package org.tmdbfleet.gateway.imports;

import java.time.LocalDate;
import java.util.Optional;

import org.tmdbfleet.common.messages.ImportSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The days of a changes import asked for without any: from where the last whole sync ended (the
 * last day of the last changes import that completed whole, or the export date of the last catalog
 * import that did) until today, so that nightly syncs leave no gap however late or early they run.
 * When that is further back than TMDB's changes reach, only a sweep heals the gap: the import
 * becomes a catalog import, and its note says why. With no sync before, TMDB's default: the last
 * 24 hours.
 * <p>
 * A sync is whole when every page and movie succeeded ({@code COMPLETED}, not
 * {@code COMPLETED_WITH_ERRORS}) and {@code maxPages} cut nothing off: no request of its days has
 * more pages than it fetched ({@code truncated} on its windows), and no day was left unasked
 * because the pages ran out before it. A sync that is not whole is gone over again by the next,
 * which fetches the movies it failed to.
 */
@Component
class SyncDefaults {

	private static final String LAST_SYNC = """
			select source, coalesce(cast(params -> 'filters' ->> 'changedTo' as date), export_date,
			                        cast(created_at at time zone 'UTC' as date)) as synced_to
			from import_jobs j
			where source in ('changes', 'catalog') and status = 'COMPLETED'
			  and not exists (select 1 from jsonb_array_elements(coalesce(j.windows, '[]')) w
			                  where cast(w ->> 'truncated' as boolean))
			  and not (j.requested_pages is not null and j.total_pages >= j.requested_pages
			           and coalesce((select max(cast(w ->> 'to' as date)) from jsonb_array_elements(coalesce(j.windows, '[]')) w),
			                         '-infinity') < cast(params -> 'filters' ->> 'changedTo' as date))
			order by finished_at desc limit 1
			""";

	private final JdbcClient jdbc;

	SyncDefaults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The request with its days decided, and why, when the gateway decided them. */
	Resolved resolve(ImportRequest request, LocalDate today) {
		if (request.source() != ImportSource.CHANGES || request.from() != null || request.to() != null) {
			return new Resolved(request, null);
		}
		Optional<LastSync> last = jdbc.sql(LAST_SYNC)
			.query((row, n) -> new LastSync(row.getString(1), row.getObject(2, LocalDate.class)))
			.optional();
		if (last.isEmpty()) {
			return new Resolved(request, null);
		}
		LocalDate from = last.get().syncedTo().isAfter(today) ? today : last.get().syncedTo();
		if (from.isBefore(today.minusDays(ImportRequest.CHANGES_REACH))) {
			return new Resolved(new ImportRequest(ImportSource.CATALOG, null, null, null, null, null, null),
					"a catalog sync instead of changes: the last sync (" + last.get().source() + ") ended on " + from
							+ ", and TMDB's changes reach " + ImportRequest.CHANGES_REACH + " days back (to "
							+ today.minusDays(ImportRequest.CHANGES_REACH) + ")");
		}
		return new Resolved(new ImportRequest(ImportSource.CHANGES, request.maxPages(), null, request.details(), from,
				today, null), "changes from " + from + ", where the last sync (" + last.get().source() + ") ended");
	}

	record Resolved(ImportRequest request, String note) {
	}

	private record LastSync(String source, LocalDate syncedTo) {
	}

}
