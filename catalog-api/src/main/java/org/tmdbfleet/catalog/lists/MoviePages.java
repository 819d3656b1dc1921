package org.tmdbfleet.catalog.lists;

import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.tmdbfleet.catalog.lists.RememberedAnswers.Found;
import org.tmdbfleet.catalog.lists.RememberedAnswers.Key;
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
	 * before when the snapshot is still the one it was counted in ({@link RememberedAnswers}), else it
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
	 * Search's matches are found once (the trigram index gives candidates that each need a
	 * check), ordered, and kept in the answer's snapshot with the page read from them, so the
	 * next page of the same search in the same snapshot is read from the ids alone.
	 */
	private static final String SEARCH = """
			with found as materialized (select m.tmdb_id, m.popularity from movies m where %1$s),
			ordered as (select array(select m.tmdb_id from found m order by %2$s) as ids)
			select pg_current_snapshot()::text, ordered.ids, %3$s
			from ordered""";

	/** A page of a search found before, if the snapshot is still the one it was found in. */
	private static final String SEARCH_AGAIN = """
			select %1$s
			from (select cast(:ids as bigint[]) as ids, cast(:total as integer) as total) as ordered
			where pg_current_snapshot()::text = :foundIn""";

	/** The answer for the page of ids, out of {@code ordered.ids} or its slice and {@code ordered.total}. */
	private static final String SEARCH_PAGE = """
			json_build_object('page', :page,
			    'results', (
			        select coalesce(json_agg(%1$s order by p.position), '[]')
			        from unnest(%2$s) with ordinality as p(tmdb_id, position)
			        join movies m on m.tmdb_id = p.tmdb_id),
			    'total_pages', (%3$s + :size - 1) / :size, 'total_results', %3$s)::text""";

	/**
	 * Search's rule (docs/catalog-api.md): the folded title or original title contains the folded
	 * query, or holds it as a word with a small typo ({@code <%}: pg_trgm's word_similarity of at
	 * least 0.6). Checked on each candidate row an index gave.
	 */
	private static final String TITLE_RULE = """
			(fold(m.title) like :contains or :folded <% fold(m.title)
			     or fold(m.original_title) like :contains or :folded <% fold(m.original_title))""";

	/**
	 * The candidates the trigram index over both titles (V15) finds: every movie the rule matches,
	 * and the odd one whose match spans both titles, which the rule leaves out.
	 */
	private static final String TITLE_MATCHES = """
			(fold_titles(m.title, m.original_title) like :contains or :folded <% fold_titles(m.title, m.original_title))
			and """ + TITLE_RULE;

	/**
	 * The candidates of a query that is one word of one or two characters, some beyond ASCII,
	 * which the trigram index cannot find (V16): titles holding each of its characters beyond
	 * ASCII. A title containing the word holds them, and so does one that pg_trgm's word
	 * similarity matches (any two of the word's three trigrams name both characters); the rule is
	 * checked on them.
	 */
	private static final String SHORT_TITLE_MATCHES = """
			title_characters(fold_titles(m.title, m.original_title)) @> title_characters(:word)
			and octet_length(fold_titles(m.title, m.original_title)) > length(fold_titles(m.title, m.original_title))
			and """ + TITLE_RULE;

	/** The query folded as the titles are, and as a LIKE pattern for "contains" (V15). */
	private static final String FOLD_QUERY = "select fold(:title), contains_pattern(:title)";

	private static final String DATES = "'dates', json_build_object('maximum', cast(:maximum as date), "
			+ "'minimum', cast(:minimum as date)), ";

	private final NamedParameterJdbcTemplate jdbc;

	private final RememberedAnswers remembered;

	MoviePages(NamedParameterJdbcTemplate jdbc, RememberedAnswers remembered) {
		this.jdbc = jdbc;
		this.remembered = remembered;
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
		return search(query, page, values);
	}

	private String search(MovieQuery query, int page, MapSqlParameterSource values) {
		String word = shortWord((String) values.getValue("folded"));
		values.addValue("word", word);
		String where = where(query, word);
		Key search = key(where, values);
		Found<long[]> before = this.remembered.searches().get(search);
		if (before != null) {
			long[] ids = before.value();
			int from = (int) Math.min(ids.length, Paging.offset(page));
			int to = (int) Math.min(ids.length, from + (long) Paging.PAGE_SIZE);
			values.addValue("foundIn", before.snapshot())
				.addValue("ids", array(Arrays.stream(ids, from, to).boxed()))
				.addValue("total", ids.length);
			List<String> again = this.jdbc.queryForList(
					SEARCH_AGAIN.formatted(SEARCH_PAGE.formatted(ListItems.JSON, "ordered.ids", "ordered.total")), values,
					String.class);
			if (!again.isEmpty()) {
				this.remembered.searches().remembered();
				return again.getFirst();
			}
		}
		String slice = "ordered.ids[:offset + 1 : :offset + :size]";
		Answer<long[]> answer = this.jdbc.queryForObject(
				SEARCH.formatted(where, query.sortBy().orderBy(),
						SEARCH_PAGE.formatted(ListItems.JSON, slice, "cardinality(ordered.ids)")),
				values, (row, number) -> new Answer<>(new Found<>(row.getString(1), ids(row.getArray(2))),
						row.getString(3)));
		if (answer.found().value().length <= RememberedAnswers.LARGEST_SEARCH) {
			this.remembered.searches().found(search, answer.found());
		}
		return answer.json();
	}

	private String list(MovieQuery query, MapSqlParameterSource values, String dates) {
		String where = where(query, null);
		Key list = key(where, values);
		Found<Long> before = this.remembered.totals().get(list);
		values.addValue("countedIn", (before != null) ? before.snapshot() : null, Types.VARCHAR)
			.addValue("counted", (before != null) ? before.value() : null, Types.BIGINT);
		Answer<Long> answer = this.jdbc.queryForObject(
				LIST.formatted(where, query.sortBy().orderBy(), dates, ListItems.JSON), values,
				(row, number) -> new Answer<>(new Found<>(row.getString(1), row.getLong(2)), row.getString(3)));
		if (before != null && before.snapshot().equals(answer.found().snapshot())) {
			this.remembered.totals().remembered();
		}
		else {
			this.remembered.totals().found(list, answer.found());
		}
		return answer.json();
	}

	/**
	 * The folded query's one word, when it is all there is to it (apart from signs pg_trgm does
	 * not read as word characters) and is one or two characters long, some beyond ASCII; else
	 * {@code null}.
	 */
	static String shortWord(String folded) {
		String[] words = folded.codePoints()
			.mapToObj((point) -> Character.isLetterOrDigit(point) ? Character.toString(point) : " ")
			.collect(Collectors.joining())
			.strip()
			.split(" +");
		String word = words[0];
		boolean beyondAscii = word.codePoints().anyMatch((point) -> point > 127);
		int length = word.codePointCount(0, word.length());
		return (words.length == 1 && length >= 1 && length <= 2 && beyondAscii) ? word : null;
	}

	/** The list or search the values ask for, whatever the page. */
	private static Key key(String where, MapSqlParameterSource values) {
		Map<String, Object> filters = new HashMap<>(values.getValues());
		filters.keySet().removeAll(List.of("page", "offset"));
		return new Key(where, filters);
	}

	private static long[] ids(java.sql.Array array) throws SQLException {
		Long[] ids = (Long[]) array.getArray();
		long[] values = new long[ids.length];
		for (int i = 0; i < ids.length; i++) {
			values[i] = ids[i];
		}
		return values;
	}

	/** TMDB's answer with no result, for a search without a query. */
	static String empty(int page) {
		return "{\"page\":%d,\"results\":[],\"total_pages\":0,\"total_results\":0}".formatted(page);
	}

	/** The conditions a movie meets to be in the list: only those the query sets, joined by {@code and}. */
	private static String where(MovieQuery query, String word) {
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
		when(where, query.title() != null, (word != null) ? SHORT_TITLE_MATCHES : TITLE_MATCHES);
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
			.addValue("withoutGenres", array(query.withoutGenres().stream()))
			.addValue("title", query.title());
		for (int group = 0; group < query.withGenres().size(); group++) {
			values.addValue("withGenres" + group, array(query.withGenres().get(group).stream()));
		}
		return values;
	}

	/** PostgreSQL's text form of an array of numbers, bound as text and cast. */
	private static String array(Stream<? extends Number> numbers) {
		return numbers.map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/** An answer, and what it was read from with the snapshot that holds in. */
	private record Answer<V>(Found<V> found, String json) {
	}

}
