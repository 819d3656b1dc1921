package org.tmdbfleet.gateway.movies;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's reference data as the persist workers store it, read back: the genres by name, and the
 * image configuration a poster URL is built from (a 404 problem until an import read it).
 */
class ReferenceDataIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void genresAreListedByName() {
		jdbc.update("delete from genres");
		jdbc.update("insert into genres (id, name) values (28, 'Action'), (18, 'Drama'), (16, 'Animation')");

		Response response = api().get("/api/genres");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().valueStream().map(genre -> genre.path("id").asInt() + " " + genre.path("name").asString()))
			.containsExactly("28 Action", "16 Animation", "18 Drama");
	}

	@Test
	void theImageConfigurationIsAProblemUntilStoredThenAsStored() {
		jdbc.update("delete from image_configuration");
		JsonNode problem = assertProblem(api().get("/api/images"), 404);
		assertThat(problem.path("detail").asString()).contains("not known yet");

		jdbc.update("""
				insert into image_configuration (base_url, secure_base_url, poster_sizes, backdrop_sizes, profile_sizes, fetched_at)
				values ('http://image.tmdb.org/t/p/', 'https://image.tmdb.org/t/p/', '{w92,w342,original}', '{w300,original}',
				        '{w45,original}', '2026-12-01T10:00:00Z')""");
		Response response = api().get("/api/images");

		assertThat(response.status()).isEqualTo(200);
		JsonNode images = response.json();
		assertThat(images.path("secureBaseUrl").asString()).isEqualTo("https://image.tmdb.org/t/p/");
		assertThat(images.path("baseUrl").asString()).isEqualTo("http://image.tmdb.org/t/p/");
		assertThat(images.path("posterSizes").valueStream().map(JsonNode::asString)).containsExactly("w92", "w342", "original");
		assertThat(images.path("backdropSizes").valueStream().map(JsonNode::asString)).containsExactly("w300", "original");
		assertThat(images.path("fetchedAt").asString()).isEqualTo("2026-12-01T10:00:00Z");
	}

}
