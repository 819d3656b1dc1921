package org.tmdbfleet.gateway.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import org.tmdbfleet.gateway.movies.TestCatalog.Row;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.ConnectionCallback;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog API over a few thousand movies: title search, filters, paging and every sort,
 * checked against the same rows computed here; and the title search uses its trigram index.
 */
class MovieCatalogIntegrationTests extends GatewayIntegrationTestSupport {

	private static final int FIRST_ID = 1_000_001;

	private static final List<Row> CATALOG = TestCatalog.movies(FIRST_ID, 5000);

	@BeforeEach
	void insertCatalog() {
		if (jdbc.queryForObject("select count(*) from movies where tmdb_id >= ?", Integer.class, FIRST_ID) > 0) {
			return;
		}
		jdbc.batchUpdate("""
				insert into movies (tmdb_id, title, original_title, release_date, popularity, vote_average, vote_count,
				                    genre_ids, payload, fetched_at, deleted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?::integer[], ?::jsonb, now(),
				        case when ? then now() end)""", CATALOG, 1000, (statement, row) -> {
			statement.setLong(1, row.id());
			statement.setString(2, row.title());
			statement.setString(3, row.originalTitle());
			statement.setObject(4, row.releaseDate());
			statement.setObject(5, row.popularity());
			statement.setDouble(6, row.voteAverage());
			statement.setInt(7, 10);
			statement.setString(8, "{" + row.genres().get(0) + "," + row.genres().get(1) + "}");
			statement.setString(9,
					"{\"id\":" + row.id() + ",\"title\":\"" + row.title() + "\",\"fleet\":{\"raw\":true}}");
			statement.setBoolean(10, row.deleted());
		});
		jdbc.execute("analyze movies");
	}

	@Test
	void searchFindsTitlesAndOriginalTitlesCaseInsensitivelyMostPopularFirst() {
		List<Row> expected = visible(row -> contains(row, "matrix"), byPopularity());

		JsonNode first = ok("/api/movies?query=MaTrIx&size=25");
		JsonNode second = ok("/api/movies?query=MaTrIx&size=25&page=1");

		assertThat(first.path("page").path("totalElements").asInt()).isEqualTo(expected.size());
		assertThat(first.path("page").path("totalPages").asInt()).isEqualTo((expected.size() + 24) / 25);
		assertThat(ids(first)).containsExactlyElementsOf(ids(expected.subList(0, 25)));
		assertThat(ids(second)).containsExactlyElementsOf(ids(expected.subList(25, 50)));
		assertThat(expected).anyMatch(row -> !row.title().toLowerCase(Locale.ROOT).contains("matrix"));
	}

	@Test
	void everyPageTogetherIsTheWholeResultOnce() {
		List<Row> expected = visible(row -> contains(row, "matrix"), byPopularity());
		List<Long> seen = new ArrayList<>();
		for (int page = 0; page < (expected.size() + 99) / 100; page++) {
			seen.addAll(ids(ok("/api/movies?query=matrix&size=100&page=" + page)));
		}

		assertThat(seen).containsExactlyElementsOf(ids(expected));
	}

	@Test
	void sortsByTitleInBothDirections() {
		List<Row> parts = visible(row -> row.title().startsWith("The Matrix Part"),
				Comparator.comparing(Row::title));

		assertThat(ids(ok("/api/movies?query=matrix%20part&sort=title&size=100")))
			.containsExactlyElementsOf(ids(parts).subList(0, 100));
		assertThat(ids(ok("/api/movies?query=matrix%20part&sort=title.desc&size=10")))
			.containsExactlyElementsOf(ids(parts.reversed()).subList(0, 10));
	}

	@Test
	void sortsByVoteAverageAndReleaseDateWithTiesAndGapsInAFixedOrder() {
		List<Row> byVotes = visible(row -> contains(row, "matrix"),
				Comparator.comparing(Row::voteAverage).thenComparing(Row::id).reversed());
		List<Row> byDate = visible(row -> contains(row, "matrix"),
				Comparator.comparing(Row::releaseDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
					.thenComparing(Row::id));

		assertThat(ids(ok("/api/movies?query=matrix&sort=vote_average.desc&size=50")))
			.containsExactlyElementsOf(ids(byVotes).subList(0, 50));
		JsonNode ascending = ok("/api/movies?query=matrix&sort=release_date.asc&size=100&page=1");
		assertThat(ids(ascending)).containsExactlyElementsOf(ids(byDate).subList(100, 200));
		assertThat(byDate.get(byDate.size() - 1).releaseDate()).as("movies without a date come last").isNull();
	}

	@Test
	void filtersByYearAndGenre() {
		List<Row> in1999 = visible(row -> row.releaseDate() != null && row.releaseDate().getYear() == 1999,
				byPopularity());
		List<Row> drama = visible(row -> row.genres().contains(18), byPopularity());
		List<Row> all = visible(row -> contains(row, "matrix") && row.genres().contains(18)
				&& row.releaseDate() != null && row.releaseDate().getYear() == 1999, byPopularity());

		assertThat(ids(ok("/api/movies?year=1999&size=100"))).containsExactlyElementsOf(ids(in1999));
		assertThat(ok("/api/movies?genre=18").path("page").path("totalElements").asInt()).isEqualTo(drama.size());
		assertThat(ids(ok("/api/movies?genre=18&size=100"))).containsExactlyElementsOf(ids(drama).subList(0, 100));
		assertThat(ids(ok("/api/movies?query=matrix&year=1999&genre=18&size=100"))).containsExactlyElementsOf(ids(all));
	}

	@Test
	void searchIgnoresAccentsAndFindsNoMatchSpanningTheTwoTitles() {
		long amelie = FIRST_ID + CATALOG.size() + 10;
		long spanning = amelie + 1;
		jdbc.update("""
				insert into movies (tmdb_id, title, original_title, popularity, fetched_at)
				values (?, 'Amélie', 'Le Fabuleux Destin d''Amélie Poulain', 5, now()),
				       (?, 'Dark Water', 'Honogurai mizu no soko kara', 4, now())""", amelie, spanning);
		try {
			assertThat(ids(ok("/api/movies?query=AMELIE"))).containsExactly(amelie);
			assertThat(ids(ok("/api/movies?query=destin%20d%27ame"))).containsExactly(amelie);
			assertThat(ids(ok("/api/movies?query=dark%20water"))).containsExactly(spanning);
			assertThat(ids(ok("/api/movies?query=water%20honogurai"))).isEmpty();
		}
		finally {
			jdbc.update("delete from movies where tmdb_id in (?, ?)", amelie, spanning);
		}
	}

	@Test
	void likeWildcardsInTheQueryAreSearchedForLiterally() {
		assertThat(ok("/api/movies?query=%25%25%25").path("page").path("totalElements").asInt()).isZero();
		assertThat(ok("/api/movies?query=___").path("page").path("totalElements").asInt()).isZero();
		assertThat(ok("/api/movies?query=%27%3B%20drop%20table%20movies%3B%20--").path("items")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from movies", Integer.class)).isEqualTo(CATALOG.size());
	}

	@Test
	void oneMovieWithItsPayloadAsJson() {
		Row row = CATALOG.get(41);

		JsonNode movie = ok("/api/movies/" + row.id());

		assertThat(movie.path("tmdbId").asLong()).isEqualTo(row.id());
		assertThat(movie.path("title").asString()).isEqualTo(row.title());
		assertThat(movie.path("genreIds")).hasSize(2);
		assertThat(movie.path("payload").path("fleet").path("raw").asBoolean()).isTrue();
		assertThat(movie.path("payload").path("id").asLong()).isEqualTo(row.id());
		assertThat(movie.path("topCast").isNull()).as("no details fetched").isTrue();
	}

	@Test
	void aMovieWithDetailsShowsItsTopCastAndDirectors() {
		Row row = CATALOG.get(42);
		jdbc.update("""
				update movies set top_cast = '[{"id":1,"name":"Ana Actor","character":"Hero"}]',
				    directors = '[{"id":2,"name":"Dee Director"}]', runtime = 101 where tmdb_id = ?""", row.id());

		JsonNode movie = ok("/api/movies/" + row.id());

		assertThat(movie.path("topCast").get(0).path("name").asString()).isEqualTo("Ana Actor");
		assertThat(movie.path("topCast").get(0).path("character").asString()).isEqualTo("Hero");
		assertThat(movie.path("directors").get(0).path("name").asString()).isEqualTo("Dee Director");
		assertThat(movie.path("runtime").asInt()).isEqualTo(101);
	}

	@Test
	void aMoviesPayloadIsItsListItemAndItsDetailsTheNewerOnesKeysOnTop() {
		Row listNewer = CATALOG.get(43);
		Row detailsNewer = CATALOG.get(44);
		String storeParts = """
				update movies set payload = '{"title":"From the list","genre_ids":[18]}', list_fetched_at = ?,
				    details = '{"title":"From the details","tagline":"Only in details"}', details_fetched_at = ?
				where tmdb_id = ?""";
		Instant t5 = Instant.parse("2026-11-01T10:05:00Z");
		Instant t6 = Instant.parse("2026-11-01T10:06:00Z");
		jdbc.update(storeParts, java.sql.Timestamp.from(t6), java.sql.Timestamp.from(t5), listNewer.id());
		jdbc.update(storeParts, java.sql.Timestamp.from(t5), java.sql.Timestamp.from(t6), detailsNewer.id());

		JsonNode fromList = ok("/api/movies/" + listNewer.id()).path("payload");
		JsonNode fromDetails = ok("/api/movies/" + detailsNewer.id()).path("payload");

		assertThat(fromList.path("title").asString()).isEqualTo("From the list");
		assertThat(fromList.path("tagline").asString()).isEqualTo("Only in details");
		assertThat(fromList.path("genre_ids")).hasSize(1);
		assertThat(fromDetails.path("title").asString()).isEqualTo("From the details");
		assertThat(fromDetails.path("genre_ids")).hasSize(1);
	}

	@Test
	void deletedMoviesAreListedOnlyWhenAskedForAndShowWhenTheyWereDeleted() {
		Row deleted = CATALOG.stream().filter(Row::deleted).findFirst().orElseThrow();
		String byTitle = "/api/movies?query=" + deleted.title().replace(" ", "%20");

		JsonNode movie = ok("/api/movies/" + deleted.id());
		assertThat(movie.path("deletedAt").isNull()).isFalse();
		assertThat(Instant.parse(movie.path("deletedAt").asString())).isBefore(Instant.now());
		assertThat(ids(ok(byTitle))).doesNotContain(deleted.id());
		JsonNode withDeleted = ok(byTitle + "&includeDeleted=true");
		assertThat(ids(withDeleted)).contains(deleted.id());
		assertThat(withDeleted.path("items").valueStream()
			.filter(item -> item.path("tmdbId").asLong() == deleted.id())
			.findFirst()
			.orElseThrow()
			.path("deletedAt")
			.isNull()).isFalse();
		Row present = CATALOG.stream().filter(row -> !row.deleted()).findFirst().orElseThrow();
		assertThat(ok("/api/movies/" + present.id()).path("deletedAt").isNull()).isTrue();
		assertProblem(api().get("/api/movies?includeDeleted=maybe"), 400, "includeDeleted");
	}

	@Test
	void unknownMoviesAreNotFound() {
		assertProblem(api().get("/api/movies/" + (FIRST_ID + CATALOG.size() + 1)), 404);
	}

	@Test
	void titleSearchReadsTheTrigramIndex() {
		List<String> plan = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
			try (var settings = connection.createStatement();
					var explain = connection.prepareStatement("""
							explain select count(m.tmdb_id) from movies m
							where (m.deleted_at is null)
							  and fold_titles(m.title, m.original_title) like contains_pattern(?) escape '\\'
							  and (fold(m.title) like contains_pattern(?) escape '\\'
							       or fold(m.original_title) like contains_pattern(?) escape '\\')""")) {
				// a few thousand rows are few enough for any scan to win: plan it for a catalog of
				// 100,000 more movies, added for the plan only and rolled back
				connection.setAutoCommit(false);
				settings.execute("""
						insert into movies (tmdb_id, title, original_title, fetched_at)
						select 900000000 + n, 'Filler ' || n, 'Filler ' || n, now() from generate_series(1, 100000) n""");
				settings.execute("analyze movies");
				explain.setString(1, "Matrix");
				explain.setString(2, "Matrix");
				explain.setString(3, "Matrix");
				List<String> lines = new ArrayList<>();
				try (var result = explain.executeQuery()) {
					while (result.next()) {
						lines.add(result.getString(1));
					}
				}
				connection.rollback();
				connection.setAutoCommit(true);
				return lines;
			}
		});

		assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on movies_titles_folded_trgm");
	}

	private JsonNode ok(String path) {
		Response response = api().get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<Row> visible(Predicate<Row> filter, Comparator<Row> order) {
		return CATALOG.stream().filter(row -> !row.deleted()).filter(filter).sorted(order).toList();
	}

	private static Comparator<Row> byPopularity() {
		return Comparator.comparing(Row::popularity, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
			.thenComparing(Row::id)
			.reversed();
	}

	private static boolean contains(Row row, String text) {
		return row.title().toLowerCase(Locale.ROOT).contains(text)
				|| row.originalTitle().toLowerCase(Locale.ROOT).contains(text);
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(item.path("tmdbId").asLong()));
		return ids;
	}

	private static List<Long> ids(List<Row> rows) {
		return rows.stream().map(Row::id).toList();
	}

}
