package org.tmdbfleet.catalog.changes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The mirror's change list ({@code movie_changes}, written with every movie write) as TMDB's changes page. */
@Repository
class ChangesRepository {

	/** TMDB's changes pages hold 100 ids, not the lists' 20. */
	static final int PAGE_SIZE = 100;

	/**
	 * Each movie once, however many of the days it changed on, by id; its {@code adult} as stored.
	 * A deleted movie is named too: its deletion is its change. The JSON is written by PostgreSQL
	 * in TMDB's key order.
	 */
	private static final String PAGE = """
			with changed as (
			    select distinct tmdb_id from movie_changes where changed_on between ? and ?),
			page as (
			    select tmdb_id from changed order by tmdb_id limit %1$d offset ?)
			select json_build_object(
			    'results', coalesce((select json_agg(json_build_object('id', p.tmdb_id, 'adult', m.adult)
			                                         order by p.tmdb_id)
			                         from page p left join movies m on m.tmdb_id = p.tmdb_id), '[]'),
			    'page', cast(? as integer),
			    'total_pages', (select (count(*) + %1$d - 1) / %1$d from changed),
			    'total_results', (select count(*) from changed))::text
			""".formatted(PAGE_SIZE);

	private final JdbcTemplate jdbc;

	ChangesRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String page(ChangedDays days, int page) {
		return this.jdbc.queryForObject(PAGE, String.class, days.start(), days.end(), (page - 1L) * PAGE_SIZE, page);
	}

}
