package org.tmdbfleet.gateway.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.DetailsRequested;
import org.tmdbfleet.gateway.outbox.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second half of a catalog import. Once every planned page has an outcome, the export's ids
 * that no page listed (no release date, a day beyond TMDB's 10,000 results, adult titles) become
 * movies the import expects, and are sent to their details through the outbox, in the same
 * transaction; the import cannot complete before. Then the movies absent from the last {@code
 * deleted-after-exports} exports, and listed by none of their imports, are marked deleted. Runs
 * in the progress transaction that saw the last page, after the import's row was locked there.
 */
@Repository
class CatalogSweeps {

	private static final Logger log = LoggerFactory.getLogger(CatalogSweeps.class);

	private static final String READY = """
			select id, export_date from import_jobs
			where id = any(cast(:ids as uuid[])) and source = 'catalog' and status = 'RUNNING' and swept_at is null
			  and total_pages is not null and pages_fetched + pages_failed >= total_pages and pages_retrying = 0
			order by id
			""";

	/* the export's ids no page listed are now expected; an outcome recorded before counts now */
	private static final String SWEEP = """
			update import_items set listed = true
			where import_id = :id and exported and not listed
			returning tmdb_id, outcome
			""";

	private static final String COUNT_SWEPT = """
			update import_jobs set swept_at = now(), movies_swept = :swept,
			    movies_expected = movies_expected + :swept, movies_persisted = movies_persisted + :persisted,
			    movies_not_found = movies_not_found + :notFound, movies_failed = movies_failed + :failed,
			    heartbeat_at = now()
			where id = :id
			""";

	/* the newest export of each date read whole by a catalog import, this one's the newest */
	private static final String LAST_EXPORTS = """
			select distinct on (export_date) id, export_date,
			       coalesce((params -> 'filters' ->> 'includeAdult')::boolean, false) as adult
			from import_jobs
			where source = 'catalog' and export_date is not null and export_date <= :date
			  and (swept_at is not null or id = :id)
			order by export_date desc, created_at desc
			""";

	/*
	 * rows stored before the oldest export was made, so each export would have named them; each
	 * marked movie is logged as changed today (UTC), as every writer of movies does (V12)
	 */
	private static final String MARK_DELETED = """
			with marked as (
			    update movies m set deleted_at = now(), updated_at = now()
			    where m.deleted_at is null and (:adult or not m.adult) and m.created_at < cast(:oldest as date)
			      and not exists (select 1 from import_items i
			                      where i.import_id = any(cast(:imports as uuid[])) and i.tmdb_id = m.tmdb_id)
			    returning m.tmdb_id),
			logged as (
			    insert into movie_changes (changed_on, tmdb_id)
			    select (now() at time zone 'UTC')::date, tmdb_id from marked
			    on conflict do nothing)
			select count(*) from marked
			""";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final ProgressProperties properties;

	CatalogSweeps(JdbcClient jdbc, Outbox outbox, ProgressProperties properties) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.properties = properties;
	}

	/** Sweeps the catalog imports among {@code imports} whose pages all have an outcome. */
	void sweepReady(Collection<UUID> imports) {
		List<Ready> ready = jdbc.sql(READY)
			.param("ids", imports.toArray(UUID[]::new))
			.query((row, n) -> new Ready(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class)))
			.list();
		ready.forEach(this::sweep);
	}

	private void sweep(Ready catalog) {
		Swept swept = new Swept();
		jdbc.sql(SWEEP).param("id", catalog.id()).query(row -> {
			swept.add(row.getLong(1), row.getString(2));
		});
		for (int from = 0; from < swept.ids.size(); from += DetailsRequested.MAX_IDS) {
			List<Long> part = swept.ids.subList(from, Math.min(swept.ids.size(), from + DetailsRequested.MAX_IDS));
			outbox.append(Topics.IMPORTS, List.of(new DetailsRequested(catalog.id(), part)));
		}
		jdbc.sql(COUNT_SWEPT)
			.param("id", catalog.id())
			.param("swept", (long) swept.ids.size())
			.param("persisted", swept.persisted)
			.param("notFound", swept.notFound)
			.param("failed", swept.failed)
			.update();
		int deleted = markDeleted(catalog);
		log.info("Catalog import {}: {} movies of the export no page listed go to their details; {} movies absent "
				+ "from the last {} exports marked deleted", catalog.id(), swept.ids.size(), deleted,
				properties.deletedAfterExports());
	}

	/** Marks the movies absent from the last exports; none until that many exports were read. */
	private int markDeleted(Ready catalog) {
		if (catalog.exportDate() == null) {
			return 0;
		}
		List<Export> exports = jdbc.sql(LAST_EXPORTS)
			.param("date", catalog.exportDate())
			.param("id", catalog.id())
			.query((row, n) -> new Export(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class),
					row.getBoolean(3)))
			.list()
			.stream()
			.limit(properties.deletedAfterExports())
			.toList();
		if (exports.size() < properties.deletedAfterExports()) {
			return 0;
		}
		int deleted = jdbc.sql(MARK_DELETED)
			.param("adult", exports.stream().allMatch(Export::adult))
			.param("oldest", exports.getLast().date())
			.param("imports", exports.stream().map(Export::id).toArray(UUID[]::new))
			.query(Integer.class)
			.single();
		jdbc.sql("update import_jobs set movies_deleted = :deleted where id = :id")
			.param("deleted", deleted)
			.param("id", catalog.id())
			.update();
		return deleted;
	}

	private record Ready(UUID id, LocalDate exportDate) {
	}

	private record Export(UUID id, LocalDate date, boolean adult) {
	}

	/** The ids a sweep made expected, and the outcomes some of them had already. */
	private static final class Swept {

		final List<Long> ids = new ArrayList<>();

		long persisted;

		long notFound;

		long failed;

		void add(long id, String outcome) {
			ids.add(id);
			if (outcome != null) {
				switch (outcome) {
					case "PERSISTED" -> persisted++;
					case "NOT_FOUND" -> notFound++;
					case "FAILED" -> failed++;
					default -> throw new IllegalStateException("unknown outcome " + outcome);
				}
			}
		}

	}

}
