package org.tmdbfleet.catalog.changes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.catalog.CatalogDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's change list answered from the mirror's: the movies the persist workers logged as changed
 * (inserted, changed, deleted) on the days asked for, in TMDB's shape, pages and errors.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class MovieChangesIntegrationTests {

	private static final CatalogDatabase database = CatalogDatabase.create();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 1);

	private static final LocalDate DAY_3 = DAY_1.plusDays(2);

	/** 250 movies changed on this day, for paging. */
	private static final LocalDate BUSY_DAY = LocalDate.of(2026, 10, 1);

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	/* as the persist workers leave them: each movie written, and logged under the days it changed */
	@BeforeAll
	static void storeChanges() {
		movie(101, false, false, DAY_1, DAY_3);
		movie(102, true, false, DAY_3);
		movie(103, false, true, DAY_3);
		movie(201, false, false, TODAY);
		movie(202, false, false, TODAY.minusDays(1));
		movie(203, false, false, TODAY.minusDays(2));
		database.jdbc().update("""
				insert into movies (tmdb_id, title, adult, fetched_at) select id, 'Busy ' || id, false, now()
				from generate_series(1001, 1250) as id""");
		database.jdbc().update("""
				insert into movie_changes (changed_on, tmdb_id) select ?, id from generate_series(1001, 1250) as id""",
				BUSY_DAY);
	}

	@Test
	void aMovieChangedOnDayOneAndAgainOnDayThreeIsStillListedForDayOne() throws Exception {
		assertThat(ids(changes("?start_date=" + DAY_1 + "&end_date=" + DAY_1))).containsExactly(101L);
		assertThat(ids(changes("?start_date=" + DAY_3 + "&end_date=" + DAY_3))).containsExactly(101L, 102L, 103L);
		assertThat(ids(changes("?start_date=" + DAY_1 + "&end_date=" + DAY_3))).as("once, however many days")
			.containsExactly(101L, 102L, 103L);
		assertThat(ids(changes("?start_date=" + DAY_1.plusDays(1) + "&end_date=" + DAY_1.plusDays(1)))).isEmpty();
	}

	@Test
	void theAnswerIsTmdbsShapeAndNamesAdultAndDeletedMovies() throws Exception {
		HttpResponse<String> response = get("/3/movie/changes?start_date=" + DAY_3 + "&end_date=" + DAY_3);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		JsonNode page = json.readTree(response.body());
		assertThat(page).isEqualTo(json.readTree("""
				{"results":[{"id":101,"adult":false},{"id":102,"adult":true},{"id":103,"adult":false}],
				 "page":1,"total_pages":1,"total_results":3}"""));
		assertThat(page.propertyNames()).as("TMDB's order").containsExactly("results", "page", "total_pages",
				"total_results");
	}

	@Test
	void aPageHoldsAHundredIdsInOrder() throws Exception {
		String busy = "?start_date=" + BUSY_DAY + "&end_date=" + BUSY_DAY;
		JsonNode first = changes(busy);
		JsonNode last = changes(busy + "&page=3");
		JsonNode beyond = changes(busy + "&page=4");

		assertThat(ids(first)).hasSize(100).startsWith(1001L).endsWith(1100L);
		assertThat(ids(last)).hasSize(50).startsWith(1201L).endsWith(1250L);
		assertThat(ids(beyond)).isEmpty();
		for (JsonNode page : List.of(first, last, beyond)) {
			assertThat(page.path("total_pages").asInt()).isEqualTo(3);
			assertThat(page.path("total_results").asInt()).isEqualTo(250);
		}
		assertThat(last.path("page").asInt()).isEqualTo(3);
		assertThat(changes(busy + "&page=2147483647").path("results").isEmpty()).as("the last page an int names")
			.isTrue();
	}

	@Test
	void withoutDatesTheAnswerIsYesterdayAndTodayAsTmdbsLast24Hours() throws Exception {
		assertThat(ids(changes(""))).containsExactly(201L, 202L);
		assertThat(ids(changes("?start_date=" + TODAY.minusDays(2)))).as("a start alone: it and the day after")
			.containsExactly(202L, 203L);
		assertThat(ids(changes("?end_date=" + TODAY.minusDays(1)))).as("an end alone: it and the day before")
			.containsExactly(202L, 203L);
	}

	@Test
	void aRangeOfFourteenDaysIsAnsweredALongerOrReversedOneIsTmdbs20() throws Exception {
		assertThat(get("/3/movie/changes?start_date=2026-10-01&end_date=2026-10-15").statusCode()).isEqualTo(200);
		for (String range : List.of("start_date=2026-10-01&end_date=2026-10-16",
				"start_date=2026-10-02&end_date=2026-10-01", "start_date=0000-01-01&end_date=9999-12-31")) {
			assertError(get("/3/movie/changes?" + range), 422, 20);
		}
	}

	@Test
	void aDateThatIsNotYyyyMmDdIsTmdbs23AndABadPageTmdbs22() throws Exception {
		for (String date : List.of("2026-13-01", "2026-02-30", "2026-1-01", "26-11-01", "+2026-11-01",
				"+999999999-12-31", "-0001-01-01", "20261101", "yesterday", "2026-11-01T00:00:00Z")) {
			String encoded = URLEncoder.encode(date, StandardCharsets.UTF_8);
			assertError(get("/3/movie/changes?start_date=" + encoded), 400, 23);
			assertError(get("/3/movie/changes?end_date=" + encoded), 400, 23);
		}
		for (String page : List.of("0", "-1", "x", "2147483648")) {
			assertError(get("/3/movie/changes?page=" + page), 400, 22);
		}
	}

	@Test
	void theFirstAndLastDaysTmdbsFormatNamesAnswerEmpty() throws Exception {
		for (String range : List.of("start_date=0000-01-01", "start_date=9999-12-31",
				"start_date=9999-12-17&end_date=9999-12-31", "end_date=0000-01-01")) {
			HttpResponse<String> response = get("/3/movie/changes?" + range);
			assertThat(response.statusCode()).as(range).isEqualTo(200);
			assertThat(json.readTree(response.body()).path("total_results").asInt()).as(range).isZero();
		}
	}

	private static void movie(long id, boolean adult, boolean deleted, LocalDate... changedOn) {
		database.jdbc().update("""
				insert into movies (tmdb_id, title, adult, fetched_at, deleted_at)
				values (?, 'Movie ' || ?, ?, now(), case when ? then now() end)""", id, id, adult, deleted);
		for (LocalDate day : changedOn) {
			database.jdbc().update("insert into movie_changes (changed_on, tmdb_id) values (?, ?)", day, id);
		}
	}

	private JsonNode changes(String query) throws Exception {
		HttpResponse<String> response = get("/3/movie/changes" + query);
		assertThat(response.statusCode()).as(query).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static List<Long> ids(JsonNode page) {
		return page.path("results").valueStream().map(result -> result.path("id").asLong()).toList();
	}

	private static void assertError(HttpResponse<String> response, int status, int statusCode) {
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
		JsonNode error = json.readTree(response.body());
		assertThat(error.path("status_code").asInt()).as(response.uri().toString()).isEqualTo(statusCode);
		assertThat(error.path("success").asBoolean(true)).isFalse();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				BodyHandlers.ofString());
	}

}
