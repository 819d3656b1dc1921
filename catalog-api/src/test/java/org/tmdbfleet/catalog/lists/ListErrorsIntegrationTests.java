package org.tmdbfleet.catalog.lists;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tmdbfleet.catalog.CatalogDatabase;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a list answers to a request TMDB refuses (TMDB's status and status code), and to the
 * extremes of every field: a value the type allows but no movie has is an empty or a full list,
 * answered at once, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class ListErrorsIntegrationTests {

	private static final GeneratedCatalog catalog = GeneratedCatalog.shared();

	@LocalServerPort
	int port;

	private ListPages client;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		catalog.register(registry);
	}

	@BeforeEach
	void client() {
		this.client = new ListPages(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/3/movie/popular?page=0", "/3/movie/top_rated?page=abc", "/3/movie/now_playing?page=-1",
			"/3/movie/upcoming?page=2147483648", "/3/discover/movie?page=1.5", "/3/search/movie?query=river&page=0" })
	void aPageThatIsNotAPositiveIntegerIs400WithStatusCode22(String path) {
		assertError(path, 400, 22);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sort_by=popularity", "sort_by=revenue.desc", "sort_by=POPULARITY.DESC",
			"primary_release_year=1999.5", "primary_release_year=abc", "vote_average.gte=seven",
			"vote_count.lte=NaN", "with_runtime.gte=Infinity", "with_runtime.lte=0x10", "vote_count.gte=5d" })
	void anUnknownOrderOrANumberThatIsNotOneIs422WithStatusCode5(String parameters) {
		assertError("/3/discover/movie?" + parameters, 422, 5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "primary_release_date.gte=2024-13-01", "primary_release_date.lte=2024-02-30",
			"release_date.gte=2024-1-5", "release_date.lte=yesterday", "primary_release_date.gte=+12024-01-01" })
	void aDateThatIsNotYyyyMmDdIs400WithStatusCode23(String parameters) {
		assertError("/3/discover/movie?" + parameters, 400, 23);
	}

	@Test
	void aSearchYearThatIsNotAnIntegerIs422WithStatusCode5() {
		assertError("/3/search/movie?query=river&year=nineteen", 422, 5);
		assertError("/3/search/movie?query=river&primary_release_year=1.5", 422, 5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "primary_release_year=2147483647", "primary_release_year=-2147483648",
			"primary_release_year=0", "primary_release_year=99999999999999999999999",
			"primary_release_date.lte=0000-01-01", "primary_release_date.gte=9999-12-31&primary_release_date.lte=0001-01-01",
			"vote_count.gte=1e308", "vote_count.gte=99999999999999999999", "with_runtime.lte=-1e308",
			"vote_average.gte=1e999", "vote_average.lte=-1e999", "with_original_language=xx",
			"with_genres=999999999", "with_genres=abc", "page=2147483647&sort_by=title.asc",
			"page=1000000&sort_by=vote_count.asc" })
	void aValueNoMovieHasIsAnEmptyList(String parameters) {
		JsonNode page = answeredAtOnce("/3/discover/movie?" + parameters);

		assertThat(page.path("results")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "primary_release_date.gte=0000-01-01", "primary_release_date.lte=9999-12-31",
			"vote_count.lte=1e308", "with_runtime.gte=-99999999999999999999", "vote_average.lte=1e999",
			"vote_average.gte=-1e999", "without_genres=999999999|abc", "include_adult=TRUE",
			"with_genres=,,", "with_original_language=" })
	void aValueEveryMovieHasIsAFullList(String parameters) {
		JsonNode page = answeredAtOnce("/3/discover/movie?" + parameters);

		assertThat(page.path("results")).hasSize(20);
		assertThat(page.path("total_results").asLong()).isGreaterThan(1000);
	}

	@Test
	void aSearchWithAnExtremeYearOrAHugeQueryIsAnsweredAtOnce() {
		assertThat(answeredAtOnce("/3/search/movie?query=river&year=2147483647").path("results")).isEmpty();
		assertThat(answeredAtOnce("/3/search/movie?query=" + "zq".repeat(1000)).path("results")).isEmpty();
		assertThat(answeredAtOnce("/3/search/movie?query=" + "river".repeat(400)).path("total_results").asLong())
			.as("its trigrams are river's, as word_similarity sees them").isPositive();
	}

	@Test
	void moreAlternativeGenreGroupsThanGenresIs422() {
		String groups = IntStream.rangeClosed(1, 21).mapToObj((id) -> id + "|" + (id + 100)).collect(Collectors.joining(","));

		assertError("/3/discover/movie?with_genres=" + groups, 422, 5);
	}

	private JsonNode answeredAtOnce(String path) {
		long start = System.nanoTime();
		JsonNode page = this.client.page(path);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(3));
		return page;
	}

	private void assertError(String path, int status, int statusCode) {
		JsonNode error = this.client.error(path, status);

		assertThat(error.path("status_code").asInt()).as(path).isEqualTo(statusCode);
		assertThat(error.path("success").asBoolean(true)).as(path).isFalse();
		assertThat(error.path("status_message").asString()).as(path).isNotBlank();
	}

}
