package org.tmdbfleet.gateway.progress;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.common.progress.ProgressTables;
import org.tmdbfleet.gateway.progress.ProgressBatch.PageKey;
import org.tmdbfleet.gateway.progress.ProgressBatch.PageOutcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies progress to an import's rows and counters. Every event may be delivered more than once
 * and out of order, so every statement is idempotent, and a counter moves only with a row the
 * statement itself changed: each page and each (import, movie) is counted exactly once. Each
 * statement touches the event's rows and the import's one row, whatever the size of the import.
 * Locks are taken in the order {@link ProgressTables} gives every writer of these tables.
 */
@Repository
class ImportProgressRepository {

	/*
	 * Done when every planned page has an outcome, none is being retried, and every movie the
	 * fetched pages listed has an outcome. Counters, not a count of rows: one row is read. An
	 * import that ended with errors is COMPLETED once a late success (a re-delivered or reordered
	 * event) leaves it none: the status follows the counters.
	 */
	private static final String COMPLETE_IF_DONE = """
			update import_jobs
			set status = case when pages_failed > 0 or movies_failed > 0 then 'COMPLETED_WITH_ERRORS' else 'COMPLETED' end,
			    finished_at = now()
			where id = any(cast(:ids as uuid[])) and total_pages is not null
			  and (status = 'RUNNING' or (status = 'COMPLETED_WITH_ERRORS' and pages_failed = 0 and movies_failed = 0))
			  and pages_fetched + pages_failed >= total_pages and pages_retrying = 0
			  and movies_persisted + movies_not_found + movies_failed >= movies_expected
			  and (source <> 'catalog' or swept_at is not null)
			""" + ImportOutcomes.RETURNING;

	private static final String LOCK_PAGES = """
			select p.import_id, p.page, p.status
			from import_pages p
			join unnest(cast(:imports as uuid[]), cast(:pages as integer[])) as b(import_id, page) using (import_id, page)
			order by p.import_id, p.page
			for update of p
			""";

	private static final String WRITE_PAGES = """
			insert into import_pages (import_id, page, status, error)
			select b.import_id, b.page, b.status, b.error
			from unnest(cast(:imports as uuid[]), cast(:pages as integer[]), cast(:statuses as text[]), cast(:errors as text[]))
			    as b(import_id, page, status, error)
			order by b.import_id, b.page
			on conflict (import_id, page) do update set status = excluded.status, error = excluded.error, updated_at = now()
			""";

	/*
	 * Marks the pages' movies listed; a movie listed before (on another page, or by a re-delivered
	 * event) is not counted again. A movie whose outcome a persist worker recorded before it was
	 * listed has its outcome counted now: whichever of the two comes second counts it.
	 */
	private static final String LIST_MOVIES = """
			with listed as (
			    insert into import_items as i (import_id, tmdb_id, listed)
			    select b.import_id, b.tmdb_id, true
			    from unnest(cast(:imports as uuid[]), cast(:ids as bigint[])) as b(import_id, tmdb_id)
			    group by b.import_id, b.tmdb_id
			    order by b.import_id, b.tmdb_id
			    on conflict (import_id, tmdb_id) do update set listed = true where not i.listed
			    returning i.import_id, i.outcome)
			select import_id, count(*) as expected,
			       count(*) filter (where outcome = 'PERSISTED') as persisted,
			       count(*) filter (where outcome = 'NOT_FOUND') as not_found,
			       count(*) filter (where outcome = 'FAILED') as failed
			from listed
			group by import_id
			""";

	/*
	 * The ids of a catalog import's export become its items, not yet expected: the pages that
	 * list them, or the sweep after the last page, make them expected.
	 */
	private static final String EXPORT_MOVIES = """
			with exported as (
			    insert into import_items as i (import_id, tmdb_id, exported)
			    select b.import_id, b.tmdb_id, true
			    from unnest(cast(:imports as uuid[]), cast(:ids as bigint[])) as b(import_id, tmdb_id)
			    group by b.import_id, b.tmdb_id
			    order by b.import_id, b.tmdb_id
			    on conflict (import_id, tmdb_id) do update set exported = true where not i.exported
			    returning i.import_id)
			select import_id, count(*) from exported group by import_id
			""";

	/* an import whose pages come while it is still being planned runs from its first page on */
	private static final String COUNT = """
			update import_jobs j set
			    status = case when j.status = 'QUEUED' then 'RUNNING' else j.status end,
			    started_at = coalesce(j.started_at, now()),
			    pages_fetched = j.pages_fetched + c.pages_fetched,
			    pages_failed = j.pages_failed + c.pages_failed,
			    pages_retrying = j.pages_retrying + c.pages_retrying,
			    movies_expected = j.movies_expected + c.expected,
			    movies_persisted = j.movies_persisted + c.persisted,
			    movies_not_found = j.movies_not_found + c.not_found,
			    movies_failed = j.movies_failed + c.failed,
			    heartbeat_at = now()
			from unnest(cast(:ids as uuid[]), cast(:pagesFetched as integer[]), cast(:pagesFailed as integer[]),
			        cast(:pagesRetrying as integer[]), cast(:expected as bigint[]), cast(:persisted as bigint[]),
			        cast(:notFound as bigint[]), cast(:failed as bigint[]))
			    as c(id, pages_fetched, pages_failed, pages_retrying, expected, persisted, not_found, failed)
			where j.id = c.id
			""";

	private final JdbcClient jdbc;

	private final CatalogSweeps sweeps;

	private final ImportOutcomes outcomes;

	ImportProgressRepository(JdbcClient jdbc, CatalogSweeps sweeps, ImportOutcomes outcomes) {
		this.jdbc = jdbc;
		this.sweeps = sweeps;
		this.outcomes = outcomes;
	}

	/** @param windows the release-date windows of a windowed discover import, else empty */
	private void markPlanned(UUID id, int totalPages, long totalResults, List<ImportWindow> windows) {
		jdbc.sql("""
				update import_jobs set status = 'RUNNING', total_pages = :pages, total_results = :results,
				    windows = cast(:windows as jsonb), started_at = coalesce(started_at, now()), heartbeat_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING')
				""")
			.param("id", id)
			.param("pages", totalPages)
			.param("results", totalResults)
			.param("windows", windows.isEmpty() ? null : FleetJson.MAPPER.writeValueAsString(windows), Types.VARCHAR)
			.update();
	}

	/**
	 * Applies a poll's events: the pages' outcomes (a page fetched once stays fetched), the movies
	 * their pages listed, every touched import's counters in one statement, then the imports'
	 * status changes in the order they were written, then decides the touched imports. Locks in
	 * the one order: pages, movies, import rows.
	 */
	void apply(ProgressBatch batch) {
		Map<UUID, Counts> counts = new TreeMap<>();
		batch.imports().forEach(id -> counts.put(id, new Counts()));
		recordPages(batch.pages(), counts);
		listMovies(batch.listed(), counts);
		Map<UUID, Long> exported = exportMovies(batch.exported());
		count(counts);
		batch.exportDates().forEach((id, date) -> jdbc.sql("""
				update import_jobs set export_date = :date, export_ids = export_ids + :ids where id = :id
				""").param("id", id).param("date", date).param("ids", exported.getOrDefault(id, 0L)).update());
		for (ImportProgress change : batch.statusChanges()) {
			switch (change) {
				case ImportPlanned planned ->
					markPlanned(planned.importId(), planned.totalPages(), planned.totalResults(), planned.windows());
				case ImportFailed failed -> markFailed(failed.importId(), failed.reason());
				default -> throw new IllegalArgumentException("not a status change: " + change);
			}
		}
		sweeps.sweepReady(counts.keySet());
		outcomes.record(jdbc.sql(COMPLETE_IF_DONE).param("ids", uuids(counts.keySet())).query(ImportOutcomes::ended).list());
	}

	private void recordPages(Map<PageKey, PageOutcome> pages, Map<UUID, Counts> counts) {
		if (pages.isEmpty()) {
			return;
		}
		Map<PageKey, PageStatus> before = new HashMap<>();
		jdbc.sql(LOCK_PAGES)
			.param("imports", uuids(pages.keySet().stream().map(PageKey::importId).toList()))
			.param("pages", pages.keySet().stream().map(PageKey::page).toArray(Integer[]::new))
			.query((row, n) -> before.put(new PageKey(row.getObject(1, UUID.class), row.getInt(2)),
					PageStatus.valueOf(row.getString(3))))
			.list();
		List<PageKey> written = new ArrayList<>();
		List<PageOutcome> outcomes = new ArrayList<>();
		pages.forEach((key, outcome) -> {
			PageStatus was = before.get(key);
			if (was != PageStatus.FETCHED) {
				written.add(key);
				outcomes.add(outcome);
				counts.get(key.importId()).movePage(was, outcome.status());
			}
		});
		if (!written.isEmpty()) {
			jdbc.sql(WRITE_PAGES)
				.param("imports", uuids(written.stream().map(PageKey::importId).toList()))
				.param("pages", written.stream().map(PageKey::page).toArray(Integer[]::new))
				.param("statuses", outcomes.stream().map(outcome -> outcome.status().name()).toArray(String[]::new))
				.param("errors", outcomes.stream().map(PageOutcome::reason).toArray(String[]::new))
				.update();
		}
	}

	private void listMovies(Map<UUID, Set<Long>> listed, Map<UUID, Counts> counts) {
		ImportMovies pairs = ImportMovies.of(listed);
		if (pairs.isEmpty()) {
			return;
		}
		jdbc.sql(LIST_MOVIES)
			.param("imports", pairs.imports())
			.param("ids", pairs.ids())
			.query((row, n) -> counts.get(row.getObject(1, UUID.class))
				.listed(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)))
			.list();
	}

	/** @return the ids each import's export parts added */
	private Map<UUID, Long> exportMovies(Map<UUID, Set<Long>> exported) {
		Map<UUID, Long> added = new HashMap<>();
		ImportMovies pairs = ImportMovies.of(exported);
		if (!pairs.isEmpty()) {
			jdbc.sql(EXPORT_MOVIES)
				.param("imports", pairs.imports())
				.param("ids", pairs.ids())
				.query((row, n) -> added.put(row.getObject(1, UUID.class), row.getLong(2)))
				.list();
		}
		return added;
	}

	private void count(Map<UUID, Counts> counts) {
		UUID[] ids = uuids(counts.keySet());
		jdbc.sql(ProgressTables.LOCK_IMPORTS).param(ids).query(UUID.class).list();
		List<Counts> values = List.copyOf(counts.values());
		jdbc.sql(COUNT)
			.param("ids", ids)
			.param("pagesFetched", values.stream().map(c -> c.pagesFetched).toArray(Integer[]::new))
			.param("pagesFailed", values.stream().map(c -> c.pagesFailed).toArray(Integer[]::new))
			.param("pagesRetrying", values.stream().map(c -> c.pagesRetrying).toArray(Integer[]::new))
			.param("expected", values.stream().map(c -> c.expected).toArray(Long[]::new))
			.param("persisted", values.stream().map(c -> c.persisted).toArray(Long[]::new))
			.param("notFound", values.stream().map(c -> c.notFound).toArray(Long[]::new))
			.param("failed", values.stream().map(c -> c.failed).toArray(Long[]::new))
			.update();
	}

	private static UUID[] uuids(Collection<UUID> ids) {
		return ids.toArray(UUID[]::new);
	}

	/*
	 * Only a plan fails an import, and only before it was planned: a second plan of a command the
	 * outbox relayed twice, failing, must not end an import whose first plan counts.
	 */
	private void markFailed(UUID id, String reason) {
		outcomes.record(jdbc.sql("""
				update import_jobs set status = 'FAILED', error = :reason, finished_at = now(), heartbeat_at = now()
				where id = :id and status in ('QUEUED', 'RUNNING') and total_pages is null
				""" + ImportOutcomes.RETURNING).param("id", id).param("reason", reason).query(ImportOutcomes::ended).list());
	}

	/**
	 * Ends the import if nothing of it is missing; reads and writes its one row (a catalog import
	 * whose pages all have an outcome is swept first).
	 */
	@Transactional
	void completeIfDone(UUID id) {
		jdbc.sql(ProgressTables.LOCK_IMPORTS).param(new UUID[] { id }).query(UUID.class).list();
		sweeps.sweepReady(List.of(id));
		outcomes.record(jdbc.sql(COMPLETE_IF_DONE).param("ids", new UUID[] { id }).query(ImportOutcomes::ended).list());
	}

	/** The imports still running, for the periodic re-decision. */
	List<UUID> running() {
		return jdbc.sql("select id from import_jobs where status = 'RUNNING'").query(UUID.class).list();
	}

	/** (import, movie) pairs as the two parallel arrays an {@code unnest} statement takes. */
	private record ImportMovies(UUID[] imports, Long[] ids) {

		static ImportMovies of(Map<UUID, Set<Long>> movies) {
			List<UUID> imports = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			movies.forEach((id, ofImport) -> ofImport.forEach(movie -> {
				imports.add(id);
				ids.add(movie);
			}));
			return new ImportMovies(uuids(imports), ids.toArray(Long[]::new));
		}

		boolean isEmpty() {
			return ids.length == 0;
		}

	}

		/** Where a page of an import stands. */
	enum PageStatus {

		FETCHED, FAILED, RETRYING

	}

	/** How one batch moves an import's counters. */
	private static final class Counts {

		int pagesFetched;

		int pagesFailed;

		int pagesRetrying;

		long expected;

		long persisted;

		long notFound;

		long failed;

		void movePage(PageStatus before, PageStatus after) {
			pagesFetched += delta(PageStatus.FETCHED, before, after);
			pagesFailed += delta(PageStatus.FAILED, before, after);
			pagesRetrying += delta(PageStatus.RETRYING, before, after);
		}

		Counts listed(long expected, long persisted, long notFound, long failed) {
			this.expected += expected;
			this.persisted += persisted;
			this.notFound += notFound;
			this.failed += failed;
			return this;
		}

		private static int delta(PageStatus counted, PageStatus before, PageStatus after) {
			return ((after == counted) ? 1 : 0) - ((before == counted) ? 1 : 0);
		}

	}

}
