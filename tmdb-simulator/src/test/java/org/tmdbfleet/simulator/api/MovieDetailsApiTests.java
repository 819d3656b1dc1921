package org.tmdbfleet.simulator.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient.Download;
import org.tmdbfleet.simulator.SimulatorClient.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MovieDetailsApiTests extends SimulatorApiTestSupport {

	int popularId;

	@BeforeEach
	void prepare() {
		popularId = client.ids("/3/movie/popular").get(0);
	}

	@Test
	void detailsWithAppendToResponseCarryCreditsWithADirectorAndTheOtherParts() {
		Response response = client.get("/3/movie/" + popularId
				+ "?append_to_response=credits,external_ids,keywords,release_dates&language=en-US");

		assertThat(response.status()).isEqualTo(200);
		JsonNode movie = response.json();
		assertThat(movie.get("id").asInt()).isEqualTo(popularId);
		assertThat(movie.propertyNames()).contains("genres", "runtime", "imdb_id", "status", "tagline", "budget",
				"revenue", "homepage", "spoken_languages", "production_countries", "title", "release_date")
			.doesNotContain("genre_ids");
		assertThat(movie.get("genres").get(0).propertyNames()).containsExactlyInAnyOrder("id", "name");
		assertThat(movie.get("credits").get("cast").size()).isGreaterThanOrEqualTo(5);
		assertThat(movie.get("credits").get("cast").get(0).propertyNames()).contains("id", "name", "character",
				"order");
		assertThat(movie.get("credits").get("crew")).anyMatch((crew) -> crew.get("job").asString().equals("Director")
				&& crew.get("department").asString().equals("Directing"));
		assertThat(movie.get("external_ids").has("imdb_id")).isTrue();
		assertThat(movie.get("keywords").get("keywords").isArray()).isTrue();
		assertThat(movie.get("release_dates").get("results").isArray()).isTrue();
	}

	@Test
	void detailsWithoutAppendToResponseHaveNoAppendedParts() {
		JsonNode movie = client.get("/3/movie/" + popularId).json();

		assertThat(movie.has("credits")).isFalse();
		assertThat(movie.has("external_ids")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "abc", "99999999999", "popular-ish" })
	void unknownMovieIsNotFoundWithStatusCode34(String id) {
		Response response = client.get("/3/movie/" + id);

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).isEqualTo(
				"{\"success\":false,\"status_code\":34,\"status_message\":\"The resource you requested could not be found.\"}");
	}

	@Test
	void unknownPathUnderTheApiIsNotFoundWithStatusCode34() {
		Response response = client.get("/3/tv/popular");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.statusCode()).isEqualTo(34);
	}

	@Test
	void genreListHasTmdbsNineteenMovieGenres() {
		JsonNode genres = client.get("/3/genre/movie/list").json().get("genres");

		assertThat(genres).hasSize(19);
		assertThat(genres).anyMatch((genre) -> genre.get("id").asInt() == 10751
				&& genre.get("name").asString().equals("Family"));
	}

	@Test
	void configurationHasTmdbsImageSettingsWithThisSimulatorAsTheImageHost() {
		Response response = client.get("/3/configuration");

		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.json().get("images").get("secure_base_url").asString())
			.isEqualTo("http://localhost:" + port + "/t/p/");
		assertThat(response.json().get("images").get("base_url").asString()).isEqualTo("http://localhost:" + port + "/t/p/");
		assertThat(response.json().get("images").get("poster_sizes")).isNotEmpty();
		assertThat(response.json().get("change_keys")).isNotEmpty();
	}

	@Test
	void aPosterPathIsServedAsAJpegOfTheAskedWidthWithoutCredentials() throws Exception {
		String posterPath = client.get("/3/movie/popular?page=1").json().get("results").valueStream()
			.map(movie -> movie.get("poster_path"))
			.filter(path -> !path.isNull())
			.findFirst()
			.orElseThrow()
			.asString();

		Download poster = client.download("/t/p/w342" + posterPath);

		assertThat(poster.status()).isEqualTo(200);
		assertThat(poster.contentType()).isEqualTo("image/jpeg");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(poster.body()));
		assertThat(image.getWidth()).isEqualTo(342);
		assertThat(image.getHeight()).isEqualTo(513);
		assertThat(client.download("/t/p/w342" + posterPath).body()).as("the same path, the same picture")
			.isEqualTo(poster.body());
		assertThat(client.download("/t/p/w999" + posterPath).status()).as("a size TMDB does not list").isEqualTo(404);
		assertThat(client.download("/t/p/w342/../secret.jpg").status()).isEqualTo(404);
	}

	@Test
	void changesListIdsOfCatalogMoviesAHundredPerPage() {
		JsonNode changes = client.get("/3/movie/changes?start_date=2026-11-01&end_date=2026-11-14&page=1").json();

		assertThat(changes.get("results")).hasSize(100);
		assertThat(changes.get("total_pages").asInt()).isGreaterThan(1);
		int changedId = changes.get("results").get(0).get("id").asInt();
		assertThat(changes.get("results").get(0).has("adult")).isTrue();
		assertThat(client.get("/3/movie/" + changedId).status()).isEqualTo(200);
	}

	@Test
	void changesOverMoreThanFourteenDaysAreRejectedLikeTmdb() {
		Response response = client.get("/3/movie/changes?start_date=2026-10-01&end_date=2026-11-01");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.statusCode()).isEqualTo(20);
	}

	@Test
	void requestsAreCountedPerEndpointAndStatusForPrometheus() {
		client.get("/3/movie/" + popularId);

		String metrics = client.getWith("/actuator/prometheus").body();

		assertThat(metrics)
			.contains("simulator_requests_total{application=\"tmdb-simulator\",endpoint=\"movie\",status=\"200\"}")
			.contains("simulator_requests_total{application=\"tmdb-simulator\",endpoint=\"popular\",status=\"200\"}");
	}

}
