package org.tmdbfleet.catalog.reference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.BeforeEach;
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

/** TMDB's {@code /3/configuration} as the persist workers stored it, whole or (stored before) its image fields only. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class ConfigurationIntegrationTests {

	private static final CatalogDatabase database = CatalogDatabase.create();

	private static final JsonMapper json = JsonMapper.builder().build();

	/** TMDB's answer, with a field TMDB may add one day. */
	private static final String TMDB = """
			{"change_keys":["adult","title","videos"],
			 "images":{"base_url":"http://image.tmdb.org/t/p/","secure_base_url":"https://image.tmdb.org/t/p/",
			           "backdrop_sizes":["w300","w780","w1280","original"],"logo_sizes":["w45","w92","original"],
			           "poster_sizes":["w92","w154","w342","original"],"profile_sizes":["w45","h632","original"],
			           "still_sizes":["w92","w300","original"]},
			 "some_new_field":{"x":1}}""";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@BeforeEach
	void nothingStored() {
		database.jdbc().update("delete from image_configuration");
	}

	@Test
	void theStoredAnswerIsTmdbsAsGiven() throws Exception {
		store(TMDB);

		HttpResponse<String> response = get();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(json.readTree(response.body())).isEqualTo(json.readTree(TMDB));
	}

	@Test
	void aRowStoredWithoutTheAnswerIsTmdbsShapeBuiltFromItsImageFields() throws Exception {
		store(null);

		HttpResponse<String> response = get();

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode built = json.readTree(response.body());
		assertThat(built).isEqualTo(json.readTree("""
				{"images":{"base_url":"http://old.example/t/p/","secure_base_url":"https://old.example/t/p/",
				           "backdrop_sizes":["w300","original"],"logo_sizes":[],"poster_sizes":["w92","original"],
				           "profile_sizes":["w45"],"still_sizes":[]},
				 "change_keys":[]}"""));
		assertThat(built.path("images").propertyNames()).as("TMDB's order").containsExactly("base_url",
				"secure_base_url", "backdrop_sizes", "logo_sizes", "poster_sizes", "profile_sizes", "still_sizes");
	}

	@Test
	void nothingStoredYetIsTmdbs34() throws Exception {
		HttpResponse<String> response = get();

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).path("status_code").asInt()).isEqualTo(34);
	}

	/* as the persist workers write it: the image columns always, the whole answer since V12 */
	private static void store(String answer) {
		database.jdbc().update("""
				insert into image_configuration (base_url, secure_base_url, poster_sizes, backdrop_sizes, profile_sizes,
				                                 fetched_at, configuration)
				values ('http://old.example/t/p/', 'https://old.example/t/p/', '{w92,original}', '{w300,original}',
				        '{w45}', now(), cast(? as jsonb))""", answer);
	}

	private HttpResponse<String> get() throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/3/configuration")).build(),
				BodyHandlers.ofString());
	}

}
