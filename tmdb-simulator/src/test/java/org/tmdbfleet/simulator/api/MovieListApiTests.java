package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient.Response;
import org.tmdbfleet.simulator.catalog.Catalog;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class MovieListApiTests extends SimulatorApiTestSupport {

	@Autowired
	Catalog catalog;


	@ParameterizedTest
	@ValueSource(strings = { "popular", "top_rated", "now_playing", "upcoming" })
	void listPageHasTmdbsEnvelopeAndTwentyMoviesInListShape(String list) {
		Response response = client.get("/3/movie/" + list + "?page=2&language=en-US&region=US");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode page = response.json();
		assertThat(page.get("page").asInt()).isEqualTo(2);
		assertThat(page.get("results")).hasSize(20);
		int totalResults = page.get("total_results").asInt();
		assertThat(page.get("total_pages").asInt()).isEqualTo((totalResults + 19) / 20).isGreaterThanOrEqualTo(3);
		assertThat(page.get("results").get(0).propertyNames()).contains("adult", "backdrop_path", "genre_ids", "id",
				"original_language", "original_title", "overview", "popularity", "poster_path", "release_date", "title",
				"video", "vote_average", "vote_count");
	}

	@Test
	void popularIsRankedByPopularityAcrossPages() {
		List<Double> popularity = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			client.get("/3/movie/popular?page=" + page).json().get("results")
				.forEach((movie) -> popularity.add(movie.get("popularity").asDouble()));
		}

		assertThat(popularity).hasSize(60).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void topRatedIsRankedByVoteAverageAmongWellVotedMovies() {
		JsonNode results = client.get("/3/movie/top_rated?page=5").json().get("results");

		List<Double> averages = new ArrayList<>();
		results.forEach((movie) -> averages.add(movie.get("vote_average").asDouble()));
		assertThat(averages).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		results.forEach((movie) -> assertThat(movie.get("vote_count").asInt())
			.isGreaterThanOrEqualTo(MovieListController.TOP_RATED_MIN_VOTES));
	}

	@ParameterizedTest
	@ValueSource(strings = { "now_playing", "upcoming" })
	void datedListsCarryTheirWindowAndStayInsideIt(String list) {
		JsonNode page = client.get("/3/movie/" + list + "?page=3").json();

		LocalDate minimum = LocalDate.parse(page.get("dates").get("minimum").asString());
		LocalDate maximum = LocalDate.parse(page.get("dates").get("maximum").asString());
		page.get("results").forEach((movie) -> assertThat(LocalDate.parse(movie.get("release_date").asString()))
			.isBetween(minimum, maximum));
	}

	@Test
	void popularHasNoDatesAndPageDefaultsToOne() {
		JsonNode page = client.get("/3/movie/popular").json();

		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.has("dates")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "501", "-1", "abc", "2.5" })
	void pageOutsideOneToFiveHundredIsRejectedWithStatusCode22(String page) {
		Response response = client.get("/3/movie/popular?page=" + page);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("success").asBoolean()).isFalse();
		assertThat(response.statusCode()).isEqualTo(22);
		assertThat(response.json().get("status_message").asString())
			.isEqualTo("Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.");
	}

	@Test
	void pageBeyondTheLastButWithinFiveHundredIsEmpty() {
		JsonNode page = client.get("/3/movie/upcoming?page=400").json();

		assertThat(page.get("page").asInt()).isEqualTo(400);
		assertThat(page.get("results")).isEmpty();
		assertThat(page.get("total_pages").asInt()).isLessThan(400);
	}

	@Test
	void popularReportsItsTruePageCountBeyondFiveHundred() {
		JsonNode page = client.get("/3/movie/popular?page=500").json();

		long listed = IntStream.range(0, catalog.size()).filter(index -> !catalog.adult(index)).count();
		assertThat(page.get("total_results").asLong()).as("all 50,000 movies but the adult titles").isEqualTo(listed);
		assertThat(page.get("total_pages").asLong()).isEqualTo((listed + 19) / 20).isGreaterThan(2_400);
		assertThat(page.get("results")).hasSize(20);
	}

	@Test
	void stableListsServeTheSamePageTwice() {
		assertThat(client.ids("/3/movie/popular?page=7")).isEqualTo(client.ids("/3/movie/popular?page=7"));
	}

}
