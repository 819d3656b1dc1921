package org.tmdbfleet.e2e;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.uwetrottmann.tmdb2.DiscoverMovieBuilder;
import com.uwetrottmann.tmdb2.Tmdb;
import com.uwetrottmann.tmdb2.entities.AppendToResponse;
import com.uwetrottmann.tmdb2.entities.DiscoverFilter;
import com.uwetrottmann.tmdb2.entities.DiscoverFilter.Separator;
import com.uwetrottmann.tmdb2.entities.Movie;
import com.uwetrottmann.tmdb2.entities.MovieResultsPage;
import com.uwetrottmann.tmdb2.entities.TmdbDate;
import com.uwetrottmann.tmdb2.enumerations.AppendToResponseItem;
import com.uwetrottmann.tmdb2.enumerations.ExternalSource;
import com.uwetrottmann.tmdb2.enumerations.SortBy;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of the local TMDB: an app built on a TMDB client library points it at the mirror
 * and gets what TMDB gives. After a catalog import with details from the simulator, the same
 * client call goes to the simulator and to the catalog API, and the answers, as the client
 * library reads them, must be equal: details with every appended part, the four lists, discover
 * with each filter and sort, search, find, genres, configuration, and TMDB's errors.
 */
@EmbeddedKafka
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TmdbClientEndToEndTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static final AppendToResponse EVERY_PART = new AppendToResponse(AppendToResponseItem.CREDITS,
			AppendToResponseItem.EXTERNAL_IDS, AppendToResponseItem.KEYWORDS, AppendToResponseItem.RELEASE_DATES);

	private static final Gson gson = new Gson();

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp()
		.simulator("--simulator.catalog-size=1500", "--simulator.today=" + TODAY);

	private static PointedTmdb simulator;

	private static PointedTmdb mirror;

	private final Fleet fleet;

	TmdbClientEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@BeforeAll
	static void importTheCatalogWithDetails(Fleet fleet) {
		JsonNode done = fleet.awaitEnd(fleet.startImport("{\"source\":\"catalog\",\"details\":true,\"includeAdult\":true}"),
				Duration.ofMinutes(5));
		assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
		simulator = new PointedTmdb(fleet.simulatorUrl() + "/3/", "simulator-key");
		mirror = new PointedTmdb(fleet.startCatalogApi("--fleet.catalog.keys=mirror-key") + "/3/", "mirror-key");
	}

	@Test
	void detailsAreTmdbsWithEveryAppendedPartOrNone() {
		List<Integer> sample = fleet.database()
			.queryForList("select tmdb_id from movies where deleted_at is null order by tmdb_id", Integer.class);
		assertThat(sample).hasSizeGreaterThan(1000);
		for (int i = 0; i < sample.size(); i += 37) {
			int id = sample.get(i);
			assertSameAnswer("movie " + id, (tmdb) -> tmdb.moviesService().summary(id, null, EVERY_PART));
			assertSameAnswer("movie " + id + " alone", (tmdb) -> tmdb.moviesService().summary(id, null));
			assertSameAnswer("movie " + id + " with credits",
					(tmdb) -> tmdb.moviesService().summary(id, null, new AppendToResponse(AppendToResponseItem.CREDITS)));
		}
	}

	@Test
	void theFourListsPageForPage() {
		for (int page : new int[] { 1, 2, 7 }) {
			assertSameAnswer("popular " + page, (tmdb) -> tmdb.moviesService().popular(page, null, null));
			assertSameAnswer("top_rated " + page, (tmdb) -> tmdb.moviesService().topRated(page, null, null));
			assertSameAnswer("now_playing " + page, (tmdb) -> tmdb.moviesService().nowPlaying(page, null, null));
			assertSameAnswer("upcoming " + page, (tmdb) -> tmdb.moviesService().upcoming(page, null, null));
		}
	}

	@Test
	void discoverWithEachFilterAndSort() {
		Map<String, UnaryOperator<DiscoverMovieBuilder>> cases = new LinkedHashMap<>();
		cases.put("no filter", (discover) -> discover);
		cases.put("with_genres and", (discover) -> discover.with_genres(new DiscoverFilter(Separator.AND, 28, 12)));
		cases.put("with_genres or", (discover) -> discover.with_genres(new DiscoverFilter(Separator.OR, 16, 35, 99)));
		cases.put("without_genres", (discover) -> discover.without_genres(new DiscoverFilter(Separator.OR, 18, 27)));
		cases.put("primary_release_date", (discover) -> discover
			.primary_release_date_gte(new TmdbDate("1990-01-01")).primary_release_date_lte(new TmdbDate("2005-06-30")));
		cases.put("release_date", (discover) -> discover.release_date_gte(new TmdbDate(TODAY.minusYears(3).toString()))
			.release_date_lte(new TmdbDate(TODAY.toString())));
		cases.put("primary_release_year", (discover) -> discover.primary_release_year(2001));
		cases.put("vote_average", (discover) -> discover.vote_average_gte(6.5f).vote_average_lte(8.0f));
		cases.put("vote_count", (discover) -> discover.vote_count_gte(100).vote_count_lte(2000));
		cases.put("with_runtime", (discover) -> discover.with_runtime_gte(90).with_runtime_lte(120));
		cases.put("with_original_language", (discover) -> discover.with_original_language("ja"));
		cases.put("include_adult", DiscoverMovieBuilder::includeAdult);
		for (SortBy sort : SortBy.values()) {
			if (!sort.name().startsWith("REVENUE")) {
				cases.put("sort_by " + sort, (discover) -> discover.sort_by(sort));
			}
		}
		cases.put("filters together", (discover) -> discover.with_genres(new DiscoverFilter(Separator.OR, 18, 35))
			.vote_count_gte(10).primary_release_date_gte(new TmdbDate("1980-01-01")).sort_by(SortBy.VOTE_AVERAGE_DESC));
		cases.forEach((name, filter) -> {
			for (int page : new int[] { 1, 2 }) {
				assertSameAnswer("discover " + name + " page " + page,
						(tmdb) -> filter.apply(tmdb.discoverMovie()).page(page).build());
			}
		});
	}

	@Test
	void searchFindsTheSameMoviesInAnyScriptDespiteATypo() {
		String popularTitle = fleet.database().queryForObject(
				"select title from movies where deleted_at is null and not adult order by popularity desc limit 1",
				String.class);
		List<String> queries = new ArrayList<>(List.of(popularTitle, popularTitle.toLowerCase(), "river", "Silent Rivr",
				"the", "Москва", "тёмные", "千尋", "東京", "기억", "xyzzy"));
		for (String query : queries) {
			assertSameAnswer("search " + query,
					(tmdb) -> tmdb.searchService().movie(query, 1, null, null, false, null, null));
		}
		assertSameAnswer("search with year", (tmdb) -> tmdb.searchService().movie("river", 1, null, null, false, 2001,
				null));
		assertSameAnswer("search with primary_release_year",
				(tmdb) -> tmdb.searchService().movie("the", 2, null, null, false, null, 1999));
	}

	@Test
	void findNamesTheMovieByItsExternalIds() {
		List<Map<String, Object>> ids = fleet.database().queryForList("""
				select details -> 'external_ids' ->> 'imdb_id' as imdb, details -> 'external_ids' ->> 'wikidata_id' as wikidata
				from movies where details is not null and deleted_at is null order by tmdb_id limit 40""");
		for (Map<String, Object> row : ids) {
			if (row.get("imdb") != null) {
				assertSameAnswer("find " + row.get("imdb"),
						(tmdb) -> tmdb.findService().find((String) row.get("imdb"), ExternalSource.IMDB_ID, null));
			}
			if (row.get("wikidata") != null) {
				assertSameAnswer("find " + row.get("wikidata"), (tmdb) -> tmdb.findService()
					.find((String) row.get("wikidata"), ExternalSource.WIKIDATA_ID, null));
			}
		}
		assertSameAnswer("find an unknown id", (tmdb) -> tmdb.findService().find("tt0000000", ExternalSource.IMDB_ID,
				null));
	}

	@Test
	void genresAndConfiguration() {
		assertSameAnswer("genres", (tmdb) -> tmdb.genreService().movie(null));
		assertSameAnswer("configuration", (tmdb) -> tmdb.configurationService().configuration());
	}

	@Test
	void theMirrorsChangesNameExactlyTheMoviesTheImportWrote() {
		Http reader = new Http(mirror.serviceUrl(), "mirror-key");
		Set<Long> named = new HashSet<>();
		JsonNode page;
		int number = 0;
		do {
			page = reader.getJson("/3/movie/changes?start_date=%s&end_date=%s&page=%d".formatted(TODAY, TODAY, ++number));
			page.path("results").forEach((change) -> assertThat(named.add(change.path("id").asLong()))
				.as("named once: " + change).isTrue());
		}
		while (number < page.path("total_pages").asInt());

		assertThat(named).isEqualTo(new HashSet<>(fleet.database().queryForList("select tmdb_id from movies", Long.class)));
		assertThat(reader.getJson("/3/movie/changes?start_date=%s&end_date=%s".formatted(TODAY.minusDays(3),
				TODAY.minusDays(1))).path("total_results").asLong()).as("nothing stored before today").isZero();
	}

	@Test
	void tmdbsErrorsAsTmdbGivesThem() throws IOException {
		assertSameAnswer("unknown movie: 34", (tmdb) -> tmdb.moviesService().summary(999_999_999, null));
		assertSameAnswer("page 0: 22", (tmdb) -> tmdb.moviesService().popular(0, null, null));
		Response<?> withoutKey = new PointedTmdb(mirror.retrofitBaseUrl(), "not-a-key").moviesService()
			.popular(1, null, null)
			.execute();
		Response<?> simulatorWithoutKey = new PointedTmdb(simulator.retrofitBaseUrl(), "not-a-key").moviesService()
			.popular(1, null, null)
			.execute();
		assertThat(withoutKey.code()).isEqualTo(401).isEqualTo(simulatorWithoutKey.code());
		assertThat(JsonParser.parseString(withoutKey.errorBody().string()))
			.isEqualTo(JsonParser.parseString(simulatorWithoutKey.errorBody().string()));
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void theMirrorKeepsAnsweringWithTmdbKafkaTheGatewayAndEveryWorkerStopped(EmbeddedKafkaBroker broker)
			throws IOException {
		int id = fleet.database().queryForObject("select min(tmdb_id) from movies where details is not null",
				Integer.class);
		String details = gson.toJson(mirror.moviesService().summary(id, null, EVERY_PART).execute().body());
		String popular = gson.toJson(mirror.moviesService().popular(3, null, null).execute().body());

		fleet.stopAllButTheCatalogApis();
		broker.destroy();

		Response<Movie> detailsAfter = mirror.moviesService().summary(id, null, EVERY_PART).execute();
		Response<MovieResultsPage> popularAfter = mirror.moviesService().popular(3, null, null).execute();
		Response<MovieResultsPage> search = mirror.searchService().movie("river", 1, null, null, false, null, null)
			.execute();
		assertThat(detailsAfter.code()).isEqualTo(200);
		assertThat(gson.toJson(detailsAfter.body())).isEqualTo(details);
		assertThat(gson.toJson(popularAfter.body())).isEqualTo(popular);
		assertThat(search.body().total_results).isPositive();
		assertThat(new Http(mirror.serviceUrl()).get("/actuator/health").getBody()).contains("\"UP\"");
	}

	/**
	 * Sends one client call to the simulator and to the mirror: the same HTTP status, and the same
	 * answer as the client library reads it (its entities, serialized back for comparison), or the
	 * same TMDB error.
	 */
	private static <T> void assertSameAnswer(String what, ClientCall<T> call) {
		try {
			Response<T> expected = call.on(simulator).execute();
			Response<T> actual = call.on(mirror).execute();
			assertThat(actual.code()).as(what + ": HTTP status").isEqualTo(expected.code());
			if (expected.isSuccessful()) {
				JsonElement expectedBody = gson.toJsonTree(expected.body());
				assertThat(gson.toJsonTree(actual.body())).as(what).isEqualTo(expectedBody);
			}
			else {
				assertThat(JsonParser.parseString(actual.errorBody().string())).as(what + ": error")
					.isEqualTo(JsonParser.parseString(expected.errorBody().string()));
			}
		}
		catch (IOException ex) {
			throw new AssertionError(what + ": " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface ClientCall<T> {

		Call<T> on(Tmdb tmdb);

	}

	/**
	 * tmdb-java pointed at another base URL, the way an app would point it at a mirror. Its own
	 * interceptor adds the {@code api_key} only for TMDB's host; this one adds it for any host.
	 */
	static final class PointedTmdb extends Tmdb {

		private final String baseUrl;

		PointedTmdb(String baseUrl, String apiKey) {
			super(apiKey);
			this.baseUrl = baseUrl;
		}

		String retrofitBaseUrl() {
			return this.baseUrl;
		}

		/** The service's own URL, without {@code /3/}. */
		String serviceUrl() {
			return this.baseUrl.substring(0, this.baseUrl.length() - "/3/".length());
		}

		@Override
		protected Retrofit.Builder retrofitBuilder() {
			return super.retrofitBuilder().baseUrl(this.baseUrl);
		}

		@Override
		protected void setOkHttpClientDefaults(OkHttpClient.Builder builder) {
			builder.addInterceptor((chain) -> {
				HttpUrl url = chain.request().url().newBuilder().addQueryParameter("api_key", apiKey()).build();
				return chain.proceed(chain.request().newBuilder().url(url).build());
			});
		}

	}

}
