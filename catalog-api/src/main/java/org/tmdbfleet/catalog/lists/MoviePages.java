package org.tmdbfleet.catalog.lists;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tmdbfleet.catalog.lists.ListTotals.Counted;
import org.tmdbfleet.catalog.movies.ListItems;
import org.tmdbfleet.catalog.web.Paging;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A page of a TMDB list with its exact total, as TMDB's JSON written by PostgreSQL and passed
 * through. Every filter is a condition on a bound value; the SQL around them is fixed text, and
 * the order is the {@link SortBy}'s.
 */
@Repository
class MoviePages {

	/**
	 * The total and the page in one statement, so one snapshot. The total is the one counted
	 * before when the snapshot is still the one it was counted in ({@link ListTotals}), else it
	 * is counted, planned on its own (from an index alone where one covers the filters). The page
	 * walks the index of its order; only its ids are looked for before rows are read whole, so
	 * skipping deep into a list reads index entries. A {@code case} runs its subquery only when
	 * asked: a page past the end is not looked for.
	 */
	private static final String LIST = """
			with total as (
			    select case when pg_current_snapshot()::text = :countedIn then cast(:counted as bigint)
			                else (select count(*) from movies m where %1$s) end as n)
			select pg_current_snapshot()::text, total.n, json_build_object(%3$s'page', :page,
			    'results', case when :offset < total.n then (
			        select coalesce(json_agg(%4$s order by p.position), '[]')
			        from unnest(array(select m.tmdb_id from movies m where %1$s order by %2$s offset :offset limit :size))
			            with ordinality as p(tmdb_id, position)
			        join movies m on m.tmdb_id = p.tmdb_id) else '[]' end,
			    'total_pages', (total.n + :size - 1) / :size, 'total_results', total.n)::text
			from total""";

	/**
	 * Search's matches are found once (the trigram indexes give candidates that each need a
	 * check), then counted and ordered, instead of being found twice.
	 */
	private static final String SEARCH = """
			with found as materialized (select m.tmdb_id, m.popularity from movies m where %1$s),
			total as (select count(*) as n from found)
			select json_build_object('page', :page,
			    'results', case when :offset < total.n then (
			        select coalesce(json_agg(%3$s order by p.position), '[]')
			        from unnest(array(select m.tmdb_id from found m order by %2$s offset :offset limit :size))
			            with ordinality as p(tmdb_id, position)
			        join movies m on m.tmdb_id = p.tmdb_id) else '[]' end,
			    'total_pages', (total.n + :size - 1) / :size, 'total_results', total.n)::text
			from total""";

	/**
	 * Search's rule (docs/catalog-api.md): the folded title or original title contains the folded
	 * query, or holds it as a word with a small typo ({@code <%}: pg_trgm's word_similarity of at
	 * least 0.6). The first line is what the trigram index over both titles (V15) finds: every
	 * movie the rule matches, and the odd one whose match spans both titles, which the rule itself,
	 * on the next lines, leaves out.
	 */
	private static final String TITLE_MATCHES = """
			(fold_titles(m.title, m.original_title) like :contains or :folded <% fold_titles(m.title, m.original_title))
			and (fold(m.title) like :contains or :folded <% fold(m.title)
			     or fold(m.original_title) like :contains or :folded <% fold(m.original_title))""";

	/** The query folded as the titles are, and as a LIKE pattern for "contains" (V15). */
	private static final String FOLD_QUERY = "select fold(:title), contains_pattern(:title)";

	private static final String DATES = "'dates', json_build_object('maximum', cast(:maximum as date), "
			+ "'minimum', cast(:minimum as date)), ";

	private final NamedParameterJdbcTemplate jdbc;

	private final ListTotals totals;

	MoviePages(NamedParameterJdbcTemplate jdbc, ListTotals totals) {
		this.jdbc = jdbc;
		this.totals = totals;
	}

	/** The page of a list, discover or search. */
	String page(MovieQuery query, int page) {
		return page(query, page, null);
	}

	/** The page of now_playing or upcoming, whose answer also says which release dates they span. */
	String page(MovieQuery query, int page, Range<LocalDate> dates) {
		MapSqlParameterSource values = values(query, page);
		if (query.title() == null) {
			values.addValue("maximum", (dates != null) ? dates.to() : null)
				.addValue("minimum", (dates != null) ? dates.from() : null);
			return list(query, values, (dates != null) ? DATES : "");
		}
		List<String> folded = this.jdbc.queryForObject(FOLD_QUERY, values,
				(row, number) -> List.of(row.getString(1), row.getString(2)));
		if (folded.getFirst().isBlank()) {
			return empty(page); // a query of marks that folding removes is as blank as none
		}
		values.addValue("folded", folded.get(0)).addValue("contains", folded.get(1));
		return this.jdbc.queryForObject(SEARCH.formatted(where(query), query.sortBy().orderBy(), ListItems.JSON),
				values, String.class);
	}

	private String list(MovieQuery query, MapSqlParameterSource values, String dates) {
		String where = where(query);
		Map<String, Object> filters = new HashMap<>(values.getValues());
		filters.keySet().removeAll(List.of("page", "offset"));
		ListTotals.Key list = new ListTotals.Key(where, filters);
		Counted remembered = this.totals.get(list);
		values.addValue("countedIn", (remembered != null) ? remembered.snapshot() : null, Types.VARCHAR)
			.addValue("counted", (remembered != null) ? remembered.total() : null, Types.BIGINT);
		Answer answer = this.jdbc.queryForObject(LIST.formatted(where, query.sortBy().orderBy(), dates, ListItems.JSON),
				values, (row, number) -> new Answer(new Counted(row.getString(1), row.getLong(2)), row.getString(3)));
		this.totals.answered(list, remembered, answer.total());
		return answer.json();
	}

	/** TMDB's answer with no result, for a search without a query. */
	static String empty(int page) {
		return "{\"page\":%d,\"results\":[],\"total_pages\":0,\"total_results\":0}".formatted(page);
	}

	/** The conditions a movie meets to be in the list: only those the query sets, joined by {@code and}. */
	private static String where(MovieQuery query) {
		List<String> where = new ArrayList<>();
		where.add("m.deleted_at is null");
		when(where, !query.includeAdult(), "not m.adult");
		when(where, query.released().from() != null, "m.release_date >= :releasedFrom");
		when(where, query.released().to() != null, "m.release_date <= :releasedTo");
		when(where, query.voteAverage().from() != null, "m.vote_average >= :voteAverageFrom");
		when(where, query.voteAverage().to() != null, "m.vote_average <= :voteAverageTo");
		when(where, query.voteCount().from() != null, "m.vote_count >= :voteCountFrom");
		when(where, query.voteCount().to() != null, "m.vote_count <= :voteCountTo");
		when(where, query.runtime().from() != null, "m.runtime >= :runtimeFrom");
		when(where, query.runtime().to() != null, "m.runtime <= :runtimeTo");
		when(where, query.originalLanguage() != null, "m.original_language = :originalLanguage");
		for (int group = 0; group < query.withGenres().size(); group++) {
			where.add("m.genre_ids && cast(:withGenres" + group + " as integer[])");
		}
		when(where, !query.withoutGenres().isEmpty(), "not (m.genre_ids && cast(:withoutGenres as integer[]))");
		when(where, query.title() != null, TITLE_MATCHES);
		return String.join("\n    and ", where);
	}

	private static void when(List<String> where, boolean applies, String condition) {
		if (applies) {
			where.add(condition);
		}
	}

	private static MapSqlParameterSource values(MovieQuery query, int page) {
		MapSqlParameterSource values = new MapSqlParameterSource().addValue("page", page)
			.addValue("offset", Paging.offset(page))
			.addValue("size", Paging.PAGE_SIZE)
			.addValue("releasedFrom", query.released().from())
			.addValue("releasedTo", query.released().to())
			.addValue("voteAverageFrom", query.voteAverage().from())
			.addValue("voteAverageTo", query.voteAverage().to())
			.addValue("voteCountFrom", query.voteCount().from())
			.addValue("voteCountTo", query.voteCount().to())
			.addValue("runtimeFrom", query.runtime().from())
			.addValue("runtimeTo", query.runtime().to())
			.addValue("originalLanguage", query.originalLanguage())
			.addValue("withoutGenres", array(query.withoutGenres()))
			.addValue("title", query.title());
		for (int group = 0; group < query.withGenres().size(); group++) {
			values.addValue("withGenres" + group, array(query.withGenres().get(group)));
		}
		return values;
	}

	/** PostgreSQL's text form of an integer array, bound as text and cast. */
	private static String array(List<Integer> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/** A list's answer and the total it holds, with the snapshot that total was counted in. */
	private record Answer(Counted total, String json) {
	}

}
