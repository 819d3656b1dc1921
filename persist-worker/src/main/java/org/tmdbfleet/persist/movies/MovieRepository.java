package org.tmdbfleet.persist.movies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.tmdbfleet.persist.movies.SqlArrays.of;

/**
 * The hot path: one statement upserts a batch of movies and keeps their genres and the change list in step.
 */
@Repository
class MovieRepository {

	/**
	 * The UTC day a change is logged under in {@code movie_changes}: the day of the transaction,
	 * by the database's clock, whatever the session's time zone.
	 */
	static final String TODAY = "(now() at time zone 'UTC')::date";

	/*
	 * Newest observation wins between "exists" and "gone": a 404 older than the stored fetch is
	 * stale. deleted_at is when TMDB said so, which the upsert compares a later-processed fetch with.
	 */
	private static final String MARK_DELETED = """
			with marked as (
			    update movies m set deleted_at = g.answered_at, updated_at = now()
			    from unnest(?::bigint[], ?::timestamptz[]) as g(tmdb_id, answered_at)
			    where m.tmdb_id = g.tmdb_id and m.deleted_at is null and m.fetched_at < g.answered_at
			    returning m.tmdb_id),
			logged as (
			    insert into movie_changes (changed_on, tmdb_id)
			    select %s, tmdb_id from marked
			    on conflict do nothing)
			select count(*) from marked
			""".formatted(TODAY);

	/** Columns both parts carry: they follow the newest fetch of either ({@code fetched_at}). */
	private static final List<String> SHARED = List.of("title", "original_title", "original_language", "overview",
			"release_date", "popularity", "vote_average", "vote_count", "adult", "poster_path", "backdrop_path",
			"genre_ids");

	/** The list item as given: it follows {@code list_fetched_at}. */
	private static final List<String> LIST_ONLY = List.of("payload");

	/** What only a details answer carries: it follows {@code details_fetched_at}; a null clears. */
	private static final List<String> DETAILS_ONLY = List.of("imdb_id", "runtime", "top_cast", "directors", "details");

	/*
	 * Arrays in, one row per element out: a single round trip whatever the batch size. The WHERE
	 * makes the upsert monotonic and quiet, part by part. A movie has two parts, each with its own
	 * fetch time: the list item (payload, list_fetched_at) and the details (details,
	 * details_fetched_at and the columns only details carry: imdb_id, runtime, top_cast,
	 * directors). The columns both carry take the newest fetch of either (fetched_at).
	 * Monotonic: an older fetch never overwrites what a newer fetch of the same part stored, so
	 * an old details answer never brings back an old runtime, and a list fetch never touches the
	 * details columns; a details answer's null is TMDB's value and clears the column. Quiet: a row
	 * is rewritten only when a newer part would change what it holds, so a re-delivered record or
	 * the re-import of an unchanged catalog leaves no new row version, no index entry, no bloat
	 * (ON CONFLICT still locks the row it skips). The consequence: a fetch time is when TMDB last
	 * gave different data, not when it was last asked. A fetch older than a stored deletion leaves
	 * the movie deleted. The SET and the WHERE of each part are written from its column list above,
	 * so a column follows one rule in both. MovieRow.updatedBy collapses the fetches of one batch
	 * by the same rule.
	 * movie_genres follows genre_ids of the rows this statement wrote, and only of those; each of
	 * those rows is logged in movie_changes under today, so the quiet rule also decides what the
	 * mirror's change list names. A (day, movie) row can only be contended by a writer holding that
	 * movie's row lock, which this statement took first: the log adds no lock order of its own.
	 */
	private static final String UPSERT_MOVIES = """
			with written as (
			    insert into movies as m (tmdb_id, title, original_title, original_language, overview, release_date,
			        popularity, vote_average, vote_count, adult, poster_path, backdrop_path, genre_ids, fetched_at,
			        payload, list_fetched_at, imdb_id, runtime, top_cast, directors, details, details_fetched_at)
			    select b.tmdb_id, b.title, b.original_title, b.original_language, b.overview, b.release_date::date,
			        b.popularity, b.vote_average, b.vote_count, b.adult, b.poster_path, b.backdrop_path,
			        b.genre_ids::integer[], b.fetched_at::timestamptz, b.payload::jsonb, b.list_fetched_at::timestamptz,
			        b.imdb_id, b.runtime, b.top_cast::jsonb, b.directors::jsonb, b.details::jsonb,
			        b.details_fetched_at::timestamptz
			    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[],
			        ?::float8[], ?::integer[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			        ?::text[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[])
			        as b(tmdb_id, title, original_title, original_language, overview, release_date, popularity,
			             vote_average, vote_count, adult, poster_path, backdrop_path, genre_ids, fetched_at, payload,
			             list_fetched_at, imdb_id, runtime, top_cast, directors, details, details_fetched_at)
			    on conflict (tmdb_id) do update set
			        %s,
			        fetched_at = greatest(m.fetched_at, excluded.fetched_at),
			        %s,
			        list_fetched_at = greatest(m.list_fetched_at, excluded.list_fetched_at),
			        %s,
			        details_fetched_at = greatest(m.details_fetched_at, excluded.details_fetched_at),
			        updated_at = now(),
			        deleted_at = case when m.deleted_at < excluded.fetched_at then null else m.deleted_at end
			    where %s or m.deleted_at < excluded.fetched_at
			       or %s
			       or %s
			    returning m.tmdb_id, m.genre_ids),
			dropped as (
			    delete from movie_genres g using written w
			    where g.movie_id = w.tmdb_id and not (g.genre_id = any(w.genre_ids))),
			added as (
			    insert into movie_genres (movie_id, genre_id)
			    select w.tmdb_id, unnest(w.genre_ids) from written w
			    on conflict do nothing),
			logged as (
			    insert into movie_changes (changed_on, tmdb_id)
			    select %s, w.tmdb_id from written w
			    on conflict do nothing)
			select count(*) from written
			""".formatted(newest("fetched_at", SHARED), newest("list_fetched_at", LIST_ONLY),
					newest("details_fetched_at", DETAILS_ONLY), changed("fetched_at", SHARED),
					changed("list_fetched_at", LIST_ONLY), changed("details_fetched_at", DETAILS_ONLY), TODAY);

	private static final String UPSERT_GENRES = """
			insert into genres (id, name)
			select * from unnest(?::integer[], ?::text[])
			on conflict (id) do update set name = excluded.name, updated_at = now()
			where genres.name is distinct from excluded.name
			""";

	/**
	 * The newest fetch wins: two fetch workers' configurations may arrive out of order. Its whole
	 * answer too, none from an older fetch worker included, so the row never mixes two fetches.
	 */
	private static final String UPSERT_IMAGE_CONFIGURATION = """
			insert into image_configuration (id, base_url, secure_base_url, poster_sizes, backdrop_sizes, profile_sizes,
			                                 fetched_at, configuration)
			values (true, ?, ?, ?, ?, ?, ?, ?::jsonb)
			on conflict (id) do update set base_url = excluded.base_url, secure_base_url = excluded.secure_base_url,
			    poster_sizes = excluded.poster_sizes, backdrop_sizes = excluded.backdrop_sizes,
			    profile_sizes = excluded.profile_sizes, fetched_at = excluded.fetched_at,
			    configuration = excluded.configuration, updated_at = now()
			where image_configuration.fetched_at < excluded.fetched_at
			""";

	/* ISO without the '+' java.time puts before a year past 9999, which PostgreSQL refuses */
	private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
		.appendValue(ChronoField.YEAR, 4, 7, SignStyle.NORMAL)
		.appendPattern("-MM-dd")
		.toFormatter();

	private final JdbcTemplate jdbc;

	MovieRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Upserts movies, at most one row per TMDB id (PostgreSQL refuses to update a row twice in one
	 * statement), in the caller's transaction. Rows are written, and locked, in the order given. A
	 * rejected statement leaves the caller's transaction usable (its savepoint is rolled back, the
	 * transaction is not marked rollback-only), so the caller can split the batch and go on.
	 * @return the number of movie rows inserted or changed
	 */
	@Transactional(propagation = Propagation.MANDATORY, noRollbackFor = DataAccessException.class)
	int upsert(List<MovieRow> movies) {
		Integer written = jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT_MOVIES)) {
				int column = 1;
				statement.setArray(column++, of(connection, "bigint", movies, MovieRow::tmdbId));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::title));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::originalTitle));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::originalLanguage));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::overview));
				statement.setArray(column++, of(connection, "text", movies,
						row -> (row.releaseDate() != null) ? DATE.format(row.releaseDate()) : null));
				statement.setArray(column++, of(connection, "float8", movies, MovieRow::popularity));
				statement.setArray(column++, of(connection, "float8", movies, MovieRow::voteAverage));
				statement.setArray(column++, of(connection, "integer", movies, MovieRow::voteCount));
				statement.setArray(column++, of(connection, "boolean", movies, MovieRow::adult));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::posterPath));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::backdropPath));
				statement.setArray(column++, of(connection, "text", movies, row -> pgArray(row.genreIds())));
				statement.setArray(column++, of(connection, "text", movies, row -> row.fetchedAt().toString()));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::payload));
				statement.setArray(column++, of(connection, "text", movies, row -> text(row.listFetchedAt())));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::imdbId));
				statement.setArray(column++, of(connection, "integer", movies, MovieRow::runtime));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::topCast));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::directors));
				statement.setArray(column++, of(connection, "text", movies, MovieRow::details));
				statement.setArray(column, of(connection, "text", movies, row -> text(row.detailsFetchedAt())));
				try (ResultSet count = statement.executeQuery()) {
					count.next();
					return count.getInt(1);
				}
			}
		});
		return (written != null) ? written : 0;
	}

	/**
	 * TMDB answered 404 with {@code status_code} 34 for these movies: deleted or merged away. The
	 * rows are marked, not removed, hidden from the catalog unless asked for, unless a stored fetch
	 * is newer than the answer; a later fetch newer than the answer clears the mark (the upsert). A
	 * movie marked already keeps its date. A movie marked now is logged as changed today, as TMDB's
	 * change list names a deleted movie.
	 * @return the number of movies marked now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int markDeleted(List<NotFound> answers) {
		if (answers.isEmpty()) {
			return 0;
		}
		List<NotFound> sorted = answers.stream().sorted(Comparator.comparingLong(NotFound::tmdbId)).toList();
		Integer marked = jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(MARK_DELETED)) {
				statement.setArray(1, of(connection, "bigint", sorted, NotFound::tmdbId));
				statement.setArray(2, of(connection, "text", sorted, answer -> answer.answeredAt().toString()));
				try (ResultSet count = statement.executeQuery()) {
					count.next();
					return count.getInt(1);
				}
			}
		});
		return (marked != null) ? marked : 0;
	}

	/** TMDB's genre list, as it is now. */
	@Transactional
	void saveGenres(List<GenresFetched.Genre> genres) {
		jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT_GENRES)) {
				statement.setArray(1, of(connection, "integer", genres, GenresFetched.Genre::id));
				statement.setArray(2, of(connection, "text", genres, GenresFetched.Genre::name));
				return statement.executeUpdate();
			}
		});
	}

	/** TMDB's configuration (its image fields, and the whole answer when sent), unless a newer one is stored. */
	@Transactional
	void saveImageConfiguration(ImageConfigurationFetched images) {
		jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(UPSERT_IMAGE_CONFIGURATION)) {
				statement.setString(1, images.baseUrl());
				statement.setString(2, images.secureBaseUrl());
				statement.setArray(3, of(connection, "text", images.posterSizes(), size -> size));
				statement.setArray(4, of(connection, "text", images.backdropSizes(), size -> size));
				statement.setArray(5, of(connection, "text", images.profileSizes(), size -> size));
				statement.setTimestamp(6, Timestamp.from(images.fetchedAt()));
				// as a movie's JSON: jsonb holds no NUL, and a NUL in some string must not cost the whole record
				statement.setString(7, (images.configuration() != null)
						? MovieJson.json(MovieJson.withoutNul(images.configuration())) : null);
				return statement.executeUpdate();
			}
		});
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	private static String pgArray(Collection<Integer> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}


	/** Each column takes the fetched value when that fetch is newer than the stored one of its part. */
	private static String newest(String fetchedAt, List<String> columns) {
		return columns.stream()
			.map(column -> "%1$s = case when %2$s then excluded.%1$s else m.%1$s end".formatted(column, newer(fetchedAt)))
			.collect(Collectors.joining(",\n"));
	}

	/** Whether a newer fetch of the part would change a column: the statement's quiet condition. */
	private static String changed(String fetchedAt, List<String> columns) {
		return "(%s and (%s) is distinct from (%s))".formatted(newer(fetchedAt),
				columns.stream().map(column -> "m." + column).collect(Collectors.joining(", ")),
				columns.stream().map(column -> "excluded." + column).collect(Collectors.joining(", ")));
	}

	private static String newer(String fetchedAt) {
		return "excluded.%1$s > coalesce(m.%1$s, '-infinity')".formatted(fetchedAt);
	}

}
