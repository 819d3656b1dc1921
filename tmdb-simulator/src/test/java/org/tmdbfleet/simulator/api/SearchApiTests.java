package org.tmdbfleet.simulator.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient.Response;
import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.Movie;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SearchApiTests extends SimulatorApiTestSupport {

	@Autowired
	Catalog catalog;

	@Test
	void aTypoStillFindsTheTitle() {
		List<Integer> expected = ids((m) -> m.title().contains("Midnight Station"));

		List<JsonNode> found = everyPage("/3/search/movie?query=midnigt%20station");

		assertThat(expected).isNotEmpty();
		assertThat(found).extracting((movie) -> movie.get("id").asInt()).containsAll(expected);
	}

	@Test
	void caseAndAccentsDoNotMatter() {
		List<Integer> expected = ids((m) -> m.title().contains("Тёмные аллеи"));

		List<Integer> plain = everyPage("/3/search/movie?query=темные%20аллеи").stream().map(this::id).toList();
		List<Integer> accented = everyPage("/3/search/movie?query=ТЁМНЫЕ%20Аллеи").stream().map(this::id).toList();

		assertThat(expected).isNotEmpty();
		assertThat(plain).containsAll(expected).isEqualTo(accented);
	}

	@ParameterizedTest
	@ValueSource(strings = { "神隠し", "기생충", "功夫" })
	void japaneseKoreanAndChineseAreFoundAsTheyAreWrittenInTitleOrOriginalTitle(String query) {
		List<Integer> expected = ids((m) -> m.title().contains(query) || m.originalTitle().contains(query));

		List<JsonNode> found = everyPage("/3/search/movie?query=" + query);

		assertThat(expected).isNotEmpty();
		assertThat(found).extracting(this::id).containsAll(expected);
	}

	@Test
	void theMostPopularComeFirstAndTiesFollowTheIds() {
		List<JsonNode> movies = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			client.get("/3/search/movie?query=the&page=" + page).json().get("results").forEach(movies::add);
		}

		assertThat(movies).hasSize(60)
			.isSortedAccordingTo(Comparator.comparingDouble((JsonNode movie) -> -movie.get("popularity").asDouble())
				.thenComparingInt(this::id));
		assertThat(movies.get(0).propertyNames()).contains("adult", "backdrop_path", "genre_ids", "id",
				"original_language", "original_title", "overview", "popularity", "poster_path", "release_date", "title",
				"video", "vote_average", "vote_count");
	}

	@Test
	void yearAndPrimaryReleaseYearBothMeanTheReleaseDatesYear() {
		JsonNode byYear = client.get("/3/search/movie?query=harbour&year=2001").json();
		JsonNode byPrimaryYear = client.get("/3/search/movie?query=harbour&primary_release_year=2001").json();
		JsonNode byBoth = client.get("/3/search/movie?query=harbour&year=2001&primary_release_year=2002").json();

		assertThat(byYear.get("total_results").asInt()).isPositive();
		assertThat(byYear).isEqualTo(byPrimaryYear);
		byYear.get("results").forEach((movie) -> assertThat(movie.get("release_date").asString()).startsWith("2001-"));
		assertThat(byBoth.get("total_results").asInt()).isZero();
	}

	@Test
	void adultTitlesAreFoundOnlyWithIncludeAdult() {
		int adult = IntStream.range(0, catalog.size()).filter(catalog::adult)
			.filter((index) -> catalog.movie(index).releaseDate() != null)
			.findFirst()
			.orElseThrow();
		Movie movie = catalog.movie(adult);
		String query = "/3/search/movie?query=" + movie.title().replace(" ", "%20") + "&year="
				+ movie.releaseDate().getYear();

		assertThat(everyPage(query + "&include_adult=true")).extracting(this::id).contains(movie.id());
		assertThat(everyPage(query)).extracting(this::id).doesNotContain(movie.id());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/3/search/movie", "/3/search/movie?query=", "/3/search/movie?query=%20%20" })
	void aMissingOrBlankQueryGivesAnEmptyPage(String pathAndQuery) {
		JsonNode page = client.get(pathAndQuery).json();

		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("results")).isEmpty();
		assertThat(page.get("total_pages").asInt()).isZero();
		assertThat(page.get("total_results").asInt()).isZero();
	}

	@Test
	void searchFollowsThePageAndYearRules() {
		Response page = client.get("/3/search/movie?query=river&page=501");
		Response year = client.get("/3/search/movie?query=river&year=last");

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.statusCode()).isEqualTo(22);
		assertThat(year.status()).isEqualTo(422);
		assertThat(year.statusCode()).isEqualTo(5);
	}

	/** The ids of the listed movies (adult titles aside) that pass the filter. */
	private List<Integer> ids(Predicate<Movie> filter) {
		return IntStream.range(0, catalog.size()).filter((index) -> !catalog.adult(index))
			.mapToObj(catalog::movie)
			.filter(filter)
			.map(Movie::id)
			.toList();
	}

	private List<JsonNode> everyPage(String pathAndQuery) {
		List<JsonNode> movies = new ArrayList<>();
		JsonNode first = client.get(pathAndQuery).json();
		first.get("results").forEach(movies::add);
		for (int page = 2; page <= first.get("total_pages").asInt(); page++) {
			client.get(pathAndQuery + "&page=" + page).json().get("results").forEach(movies::add);
		}
		return movies;
	}

	private int id(JsonNode movie) {
		return movie.get("id").asInt();
	}

}
