package org.tmdbfleet.persist.movies;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tmdbfleet.common.messages.GenresFetched;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hot path: one statement upserts a whole batch of movies, one more records which imports
 * they belong to, both in one transaction.
 */
@Repository
class MovieRepository {

	/*
	 * Arrays in, one row per element out: a single round trip whatever the batch size. The WHERE
	 * makes the upsert monotonic: an older fetch arriving late never overwrites a newer one, and
	 * a re-delivered one (same fetched_at) is not even rewritten, so re-delivery changes nothing. A
	 * list fetch carries no runtime or imdb id, so it keeps the ones a details fetch stored, and
	 * the payloads merge so details keys survive a later list refresh.
	 */
	private static final String UPSERT_MOVIES = """
			insert into movies as m (tmdb_id, imdb_id, title, original_title, original_language, overview,
			    release_date, popularity, vote_average, vote_count, adult, runtime, poster_path, backdrop_path,
			    genre_ids, payload, fetched_at, top_cast, directors)
			select b.tmdb_id, b.imdb_id, b.title, b.original_title, b.original_language, b.overview,
			    b.release_date::date, b.popularity, b.vote_average, b.vote_count, b.adult, b.runtime,
			    b.poster_path, b.backdrop_path, b.genre_ids::integer[], b.payload::jsonb, b.fetched_at::timestamptz,
			    b.top_cast::jsonb, b.directors::jsonb
			from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::float8[], ?::float8[], ?::integer[], ?::boolean[], ?::integer[], ?::text[], ?::text[],
			    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
			    as b(tmdb_id, imdb_id, title, original_title, original_language, overview, release_date,
			         popularity, vote_average, vote_count, adult, runtime, poster_path, backdrop_path,
			         genre_ids, payload, fetched_at, top_cast, directors)
			on conflict (tmdb_id) do update set
			    imdb_id = coalesce(excluded.imdb_id, m.imdb_id),
			    title = excluded.title,
			    original_title = excluded.original_title,
			    original_language = excluded.original_language,
			    overview = excluded.overview,
			    release_date = excluded.release_date,
			    popularity = excluded.popularity,
			    vote_average = excluded.vote_average,
			    vote_count = excluded.vote_count,
			    adult = excluded.adult,
			    runtime = coalesce(excluded.runtime, m.runtime),
			    top_cast = coalesce(excluded.top_cast, m.top_cast),
			    directors = coalesce(excluded.directors, m.directors),
			    poster_path = excluded.poster_path,
			    backdrop_path = excluded.backdrop_path,
			    genre_ids = excluded.genre_ids,
			    payload = m.payload || excluded.payload,
			    fetched_at = excluded.fetched_at,
			    updated_at = now(),
			    deleted_at = null
			where m.fetched_at < excluded.fetched_at
			""";

	/* movie_genres follows genre_ids of the rows as they stand after the upsert, whoever won */
	private static final String SYNC_MOVIE_GENRES = """
			with batch as (select tmdb_id, genre_ids from movies where tmdb_id = any(?::bigint[])),
			     dropped as (
			         delete from movie_genres g using batch b
			         where g.movie_id = b.tmdb_id and not (g.genre_id = any(b.genre_ids)))
			insert into movie_genres (movie_id, genre_id)
			select b.tmdb_id, unnest(b.genre_ids) from batch b
			on conflict do nothing
			""";

	/* the first outcome of a movie in an import stands, unless a retry asked for a new one */
	private static final String INSERT_IMPORT_ITEMS = """
			insert into import_items as i (import_id, tmdb_id, outcome, reason)
			select * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[])
			on conflict (import_id, tmdb_id) do update
			set outcome = excluded.outcome, reason = excluded.reason, persisted_at = now()
			where i.outcome = 'RETRYING'
			""";

	private static final String UPSERT_GENRES = """
			insert into genres (id, name)
			select * from unnest(?::integer[], ?::text[])
			on conflict (id) do update set name = excluded.name, updated_at = now()
			where genres.name is distinct from excluded.name
			""";

	private final JdbcTemplate jdbc;

	MovieRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Upserts the movies (at most one row per TMDB id) and the import items in one transaction.
	 * @return the number of movie rows inserted or changed
	 */
	@Transactional
	int persist(Collection<MovieRow> movies, Collection<ImportItem> items) {
		Integer changed = jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT_MOVIES)) {
				int column = 1;
				statement.setArray(column++, array(connection, "bigint", movies, MovieRow::tmdbId));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::imdbId));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::title));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::originalTitle));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::originalLanguage));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::overview));
				statement.setArray(column++, array(connection, "text", movies, row -> string(row.releaseDate())));
				statement.setArray(column++, array(connection, "float8", movies, MovieRow::popularity));
				statement.setArray(column++, array(connection, "float8", movies, MovieRow::voteAverage));
				statement.setArray(column++, array(connection, "integer", movies, MovieRow::voteCount));
				statement.setArray(column++, array(connection, "boolean", movies, MovieRow::adult));
				statement.setArray(column++, array(connection, "integer", movies, MovieRow::runtime));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::posterPath));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::backdropPath));
				statement.setArray(column++, array(connection, "text", movies, row -> pgArray(row.genreIds())));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::payload));
				statement.setArray(column++, array(connection, "text", movies, row -> row.fetchedAt().toString()));
				statement.setArray(column++, array(connection, "text", movies, MovieRow::topCast));
				statement.setArray(column, array(connection, "text", movies, MovieRow::directors));
				int upserted = statement.executeUpdate();
				try (PreparedStatement genres = connection.prepareStatement(SYNC_MOVIE_GENRES)) {
					genres.setArray(1, array(connection, "bigint", movies, MovieRow::tmdbId));
					genres.executeUpdate();
				}
				return upserted;
			}
		});
		jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(INSERT_IMPORT_ITEMS)) {
				statement.setArray(1, array(connection, "uuid", items, ImportItem::importId));
				statement.setArray(2, array(connection, "bigint", items, ImportItem::tmdbId));
				statement.setArray(3, array(connection, "text", items, item -> item.outcome().name()));
				statement.setArray(4, array(connection, "text", items, ImportItem::reason));
				return statement.executeUpdate();
			}
		});
		return changed == null ? 0 : changed;
	}

	/** TMDB's genre list, as it is now. */
	@Transactional
	void saveGenres(List<GenresFetched.Genre> genres) {
		jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT_GENRES)) {
				statement.setArray(1, array(connection, "integer", genres, GenresFetched.Genre::id));
				statement.setArray(2, array(connection, "text", genres, GenresFetched.Genre::name));
				return statement.executeUpdate();
			}
		});
	}

	private static <T> Array array(Connection connection, String type, Collection<T> rows,
			Function<T, ?> column) throws SQLException {
		return connection.createArrayOf(type, rows.stream().map(column).toArray());
	}

	private static String string(Object value) {
		return value == null ? null : value.toString();
	}

	private static String pgArray(List<Integer> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * A movie's outcome in an import.
	 *
	 * @param reason why it was not persisted, null when it was
	 */
	record ImportItem(UUID importId, long tmdbId, Outcome outcome, String reason) {

		static ImportItem persisted(UUID importId, long tmdbId) {
			return new ImportItem(importId, tmdbId, Outcome.PERSISTED, null);
		}

		Key key() {
			return new Key(importId, tmdbId);
		}

		record Key(UUID importId, long tmdbId) {
		}

	}

	enum Outcome {

		PERSISTED, NOT_FOUND, FAILED

	}

}
