package org.tmdbfleet.catalog.movies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.catalog.CatalogDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class MovieDetailsIntegrationTests {

	private static final CatalogDatabase database = CatalogDatabase.create();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String DETAILS = """
			{"id":550,"title":"Fight Club","imdb_id":"tt0137523","runtime":139,"genres":[{"id":18,"name":"Drama"}],
			 "release_date":"1999-10-15","video":false,"overview":"%s","some_new_field":{"x":1},
			 "credits":{"cast":[{"id":819,"name":"Edward Norton"}],"crew":[]},
			 "external_ids":{"imdb_id":"tt0137523","wikidata_id":"Q190050","tvdb_id":12345},
			 "keywords":{"keywords":[{"id":825,"name":"support group"}]},
			 "release_dates":{"results":[]}}""".formatted("A ticking-time-bomb insomniac and a soap salesman. ".repeat(30));

	private static final String LIST_ITEM = """
			{"id":551,"title":"Only Listed","genre_ids":[35],"release_date":"","popularity":1.5,"unknown_field":true}""";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@BeforeAll
	static void storeMovies() {
		database.jdbc().update("""
				insert into movies (tmdb_id, title, genre_ids, details, details_fetched_at, fetched_at, updated_at)
				values (550, 'Fight Club', '{18}', cast(? as jsonb), now(), now(), ?)""", DETAILS,
				Timestamp.from(Instant.parse("2026-12-01T10:15:30.123456Z")));
		database.jdbc().update("""
				insert into movies (tmdb_id, title, genre_ids, payload, list_fetched_at, fetched_at)
				values (551, 'Only Listed', '{35}', cast(? as jsonb), now(), now())""", LIST_ITEM);
		database.jdbc().update("""
				insert into movies (tmdb_id, title, payload, list_fetched_at, fetched_at, deleted_at)
				values (552, 'Deleted', '{"id":552}', now(), now(), now())""");
	}

	@Test
	void aDetailedMovieIsTmdbsDetailsAnswerWithTheAppendedPartsAskedFor() throws Exception {
		JsonNode plain = json.readTree(get("/3/movie/550").body());
		JsonNode withCredits = json.readTree(get("/3/movie/550?append_to_response=credits,images,keywords").body());

		ObjectNode expected = (ObjectNode) json.readTree(DETAILS);
		expected.remove(List.of("credits", "external_ids", "keywords", "release_dates"));
		assertThat(plain).isEqualTo(expected);
		assertThat(withCredits.has("credits")).isTrue();
		assertThat(withCredits.has("keywords")).isTrue();
		assertThat(withCredits.has("external_ids")).isFalse();
		assertThat(withCredits.has("images")).as("a part never fetched is ignored, as TMDB ignores unknown names")
			.isFalse();
		assertThat(withCredits.path("some_new_field").path("x").asInt()).isEqualTo(1);
	}

	@Test
	void aMovieKnownOnlyFromListsAnswersTheFieldsTheListGave() throws Exception {
		assertThat(json.readTree(get("/3/movie/551").body())).isEqualTo(json.readTree(LIST_ITEM));
	}

	@Test
	void anUnknownOrDeletedMovieAndAnUnknownPathAreTmdbs34() throws Exception {
		for (String path : new String[] { "/3/movie/999999", "/3/movie/552", "/3/movie/abc", "/3/tv/1",
				"/3/movie/99999999999999999999" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(json.readTree(response.body()).path("status_code").asInt()).as(path).isEqualTo(34);
			assertThat(json.readTree(response.body()).path("success").asBoolean(true)).as(path).isFalse();
		}
	}

	@Test
	void anAnswerCarriesItsRowsVersionAndAMatchingIfNoneMatchIsA304() throws Exception {
		HttpResponse<String> first = get("/3/movie/550?append_to_response=credits");
		String etag = first.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> again = http.send(request("/3/movie/550?append_to_response=credits")
			.header("If-None-Match", etag).build(), BodyHandlers.ofString());
		HttpResponse<String> otherParts = http.send(request("/3/movie/550")
			.header("If-None-Match", etag).build(), BodyHandlers.ofString());

		assertThat(first.headers().firstValue("Last-Modified")).hasValue("Tue, 01 Dec 2026 10:15:30 GMT");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(otherParts.statusCode()).isEqualTo(200);
	}

	@Test
	void findNamesTheMovieByEachExternalIdTheDetailsImportStored() throws Exception {
		for (String query : new String[] { "tt0137523?external_source=imdb_id", "Q190050?external_source=wikidata_id",
				"12345?external_source=tvdb_id" }) {
			JsonNode found = json.readTree(get("/3/find/" + query).body());
			assertThat(found.path("movie_results").size()).as(query).isEqualTo(1);
			assertThat(found.path("movie_results").path(0).path("id").asLong()).as(query).isEqualTo(550);
			assertThat(found.path("movie_results").path(0).path("genre_ids").path(0).asInt()).as(query).isEqualTo(18);
			assertThat(found.path("tv_results").isArray()).as(query).isTrue();
		}
		for (String query : new String[] { "tt0000001?external_source=imdb_id", "abc?external_source=tvdb_id",
				"tt0137523?external_source=wikidata_id", "%22x%22?external_source=imdb_id" }) {
			HttpResponse<String> response = get("/3/find/" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(200);
			assertThat(json.readTree(response.body()).path("movie_results").size()).as(query).isZero();
		}
		for (String query : new String[] { "tt0137523", "tt0137523?external_source=facebook_id" }) {
			HttpResponse<String> response = get("/3/find/" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(422);
			assertThat(json.readTree(response.body()).path("status_code").asInt()).as(query).isEqualTo(5);
		}
	}

	@Test
	void theGenreListIsTmdbsInItsOrder() throws Exception {
		database.jdbc().update("insert into genres (id, name) values (53, 'Thriller'), (10770, 'TV Movie'), "
				+ "(28, 'Action') on conflict do nothing");

		assertThat(get("/3/genre/movie/list").body()).isEqualTo(
				"{\"genres\" : [{\"id\" : 28, \"name\" : \"Action\"}, {\"id\" : 10770, \"name\" : \"TV Movie\"}, "
						+ "{\"id\" : 53, \"name\" : \"Thriller\"}]}");
	}

	@Test
	void aClientThatAcceptsGzipGetsGzip() throws Exception {
		HttpResponse<byte[]> response = http.send(request("/3/movie/550?append_to_response=credits,keywords,"
				+ "external_ids,release_dates").header("Accept-Encoding", "gzip").build(), BodyHandlers.ofByteArray());

		assertThat(response.body().length).isGreaterThan(0);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(request(path).build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

}
