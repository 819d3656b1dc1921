package org.tmdbfleet.catalog.lists;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.tmdbfleet.catalog.CatalogDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A catalog of {@value #GENERATED} generated movies and a few named ones, shared by the list tests
 * of one JVM: every field varied by arithmetic on the row number (the same catalog on every run),
 * with what makes lists hard: ties in popularity, average and votes, movies without a date or a
 * runtime, adult and deleted ones, movies released around today, titles with accents, in Cyrillic,
 * Japanese and Korean, and titles holding LIKE's wildcards. Genres are drawn by {@code hashint4}, so
 * that every pair of them meets.
 */
final class GeneratedCatalog {

	static final int GENERATED = 20_000;

	/** Named movies, with ids above the generated ones: what search tests look for. */
	static final long AMELIE = 2_000_001;

	static final long SHAWSHANK = 2_000_002;

	static final long DARK_ALLEYS = 2_000_003;

	static final long SPIRITED_AWAY = 2_000_004;

	static final long PARASITE = 2_000_005;

	static final long HUNDRED_PERCENT = 2_000_006;

	static final long UNDERSCORED = 2_000_007;

	private static final String GENERATE = """
			insert into movies (tmdb_id, title, original_title, original_language, overview, release_date, popularity,
			    vote_average, vote_count, adult, runtime, poster_path, genre_ids, payload, fetched_at, deleted_at)
			select i, t.title, t.original_title, t.language, o.overview,
			    case when i % 23 = 0 then null                                   -- no date known
			         when i % 5 = 0 then current_date - 60 + i * 7 % 120          -- around today: now_playing, upcoming
			         else date '1930-01-01' + i * 7919 % 36500 end,
			    (i * 7907 % 4000) / 10.0,                                        -- 4000 values: ties
			    case when i % 11 = 0 then 0 else i * 31 % 91 / 10.0 + 1 end,      -- 92 values: many ties
			    case when i % 11 = 0 then 0 else i * 613 % 3000 end,
			    i % 50 = 7,                                                       -- 2 % adult
			    case when i % 6 = 0 then null else 60 + i * 53 % 150 end,         -- a sixth without runtime
			    '/poster' || i || '.jpg',
			    case when i % 53 = 0 then '{}'::integer[] else array(
			        select distinct g from unnest(array[
			            (GENRES)[1 + abs(hashint4(i)) % 19],
			            case when i % 3 > 0 then (GENRES)[1 + abs(hashint4(i + 100000)) % 19] end,
			            case when i % 4 = 0 then (GENRES)[1 + abs(hashint4(i + 200000)) % 19] end]) as g
			        where g is not null order by g) end,
			    -- the list item as TMDB gave it, which makes a row as wide as a real one (about 1 kB)
			    jsonb_build_object('adult', i % 50 = 7, 'backdrop_path', '/backdrop' || i || '.jpg', 'id', i,
			        'original_language', t.language, 'original_title', t.original_title, 'overview', o.overview,
			        'poster_path', '/poster' || i || '.jpg', 'title', t.title, 'video', i % 40 = 0),
			    now(),
			    case when i % 97 = 3 then now() end                               -- 1 % deleted
			from generate_series(1, COUNT) as i
			cross join lateral (
			    select (array['en', 'en', 'en', 'en', 'fr', 'es', 'ru', 'ja', 'ko', 'en'])[1 + i % 10] as language,
			        (array['Silent', 'Last', 'Dark', 'Golden', 'Broken', 'Hidden', 'Lost', 'Red', 'Electric', 'Midnight',
			               'Burning', 'Eternal', 'Quiet', 'Crimson', 'Hollow', 'Frozen', 'Secret', 'Iron', 'Little'])[1 + i / 7 % 19]
			        || ' ' || (array['River', 'Empire', 'Garden', 'Kingdom', 'Shadow', 'Station', 'Horizon', 'Machine',
			               'Promise', 'Winter', 'Harbor', 'Signal', 'Memory', 'Storm', 'Mirror', 'Island', 'Road'])[1 + i / 3 % 17]
			        as english) as e
			cross join lateral (
			    select case e.language
			            when 'fr' then (array['Amélie', 'Café', 'Crème', 'Noël', 'Été', 'Garçon', 'Château', 'Forêt'])[1 + i / 10 % 8]
			                || ' ' || (array['de Paris', 'à Lyon', 'en hiver', 'du Nord', 'éternel'])[1 + i / 7 % 5]
			            when 'es' then (array['Señor', 'Niño', 'Año', 'Corazón', 'Canción'])[1 + i / 10 % 5] || ' ' || e.english
			            when 'ru' then (array['Тёмные аллеи', 'Ёлки', 'Сталкер', 'Брат', 'Зеркало', 'Летят журавли'])[1 + i / 10 % 6]
			                || ' ' || (i / 60 % 9 + 1)
			            when 'ja' then (array['千と千尋の神隠し', '桜', '東京物語', '七人の侍', '夜の森', '花火'])[1 + i / 10 % 6]
			            when 'ko' then (array['기생충', '서울의 밤', '바다', '괴물', '부산행', '아가씨'])[1 + i / 10 % 6]
			            else e.english end as native) as n
			cross join lateral (
			    select e.language,
			        case when e.language in ('ru', 'ja', 'ko') then e.english else n.native end as title,
			        case when i % 101 = 0 then null else n.native end as original_title) as t
			cross join lateral (
			    select 'Movie ' || i || ': ' || repeat('A retired detective must uncover a conspiracy that reaches the '
			        || 'highest levels of power before the winter ends. ', 1 + i % 4) as overview) as o
			""";

	private static final String GENRES = "array[28, 12, 16, 35, 80, 99, 18, 10751, 14, 36, 27, 10402, 9648, 10749, 878, "
			+ "10770, 53, 10752, 37]";

	private static final String NAMED = """
			insert into movies (tmdb_id, title, original_title, original_language, release_date, popularity,
			    vote_average, vote_count, runtime, genre_ids, fetched_at)
			values (2000001, 'Amélie', 'Le Fabuleux Destin d''Amélie Poulain', 'fr', '2001-04-25', 30.5, 7.9, 11000, 122, '{35,10749}', now()),
			       (2000002, 'The Shawshank Redemption', 'The Shawshank Redemption', 'en', '1994-09-23', 80.1, 8.7, 27000, 142, '{18,80}', now()),
			       (2000003, 'Dark Alleys', 'Тёмные аллеи', 'ru', '1945-01-01', 2.5, 6.1, 20, null, '{18}', now()),
			       (2000004, 'Spirited Away', '千と千尋の神隠し', 'ja', '2001-07-20', 95.2, 8.5, 16000, 125, '{16,14,10751}', now()),
			       (2000005, 'Parasite', '기생충', 'ko', '2019-05-30', 60.0, 8.5, 18000, 133, '{35,53,18}', now()),
			       (2000006, '100% Wolf', '100% Wolf', 'en', '2020-06-26', 9.0, 6.0, 150, 96, '{16,10751}', now()),
			       (2000007, 'my_little_movie', 'my_little_movie', 'en', null, 0.7, 0, 0, null, '{}', now())
			""";

	private static final String SNAPSHOT = """
			select tmdb_id, title, original_title, original_language, release_date, popularity, vote_average, vote_count,
			       adult, runtime, genre_ids, deleted_at is not null
			from movies""";

	private static GeneratedCatalog shared;

	private final CatalogDatabase database;

	private final List<StoredMovie> movies;

	private GeneratedCatalog() {
		this.database = CatalogDatabase.create();
		this.database.jdbc().update(GENERATE.replace("GENRES", GENRES).replace("COUNT", String.valueOf(GENERATED)));
		this.database.jdbc().update(NAMED);
		// the statistics and visibility map a live catalog has once autovacuum passed; the test
		// server commits asynchronously, and vacuum marks a page all-visible only once the commit
		// of its rows is on disk (their hint bits set): the checkpoint writes it
		this.database.jdbc().execute("checkpoint");
		this.database.jdbc().execute("vacuum analyze movies");
		this.movies = this.database.jdbc().query(SNAPSHOT, GeneratedCatalog::movie);
	}

	static synchronized GeneratedCatalog shared() {
		if (shared == null) {
			shared = new GeneratedCatalog();
		}
		return shared;
	}

	void register(DynamicPropertyRegistry registry) {
		this.database.register(registry);
	}

	CatalogDatabase database() {
		return this.database;
	}

	/** Every stored row, deleted ones included, as the tests compare answers with. */
	List<StoredMovie> movies() {
		return this.movies;
	}

	private static StoredMovie movie(ResultSet row, int number) throws SQLException {
		Array genres = row.getArray(11);
		LocalDate released = row.getObject(5, LocalDate.class);
		return new StoredMovie(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), released,
				row.getObject(6, Double.class), row.getObject(7, Double.class), row.getObject(8, Integer.class),
				row.getBoolean(9), row.getObject(10, Integer.class),
				Arrays.asList((Integer[]) genres.getArray()), row.getBoolean(12));
	}

	/** A stored movie's listed fields. */
	record StoredMovie(long id, String title, String originalTitle, String language, LocalDate released,
			Double popularity, Double voteAverage, Integer voteCount, boolean adult, Integer runtime,
			List<Integer> genres, boolean deleted) {
	}

}
