package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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

class DiscoverApiTests extends SimulatorApiTestSupport {

	@Autowired
	Catalog catalog;

	@Test
	void dateRangeReturnsOnlyMoviesInRangeAndCountsThemAll() {
		LocalDate from = LocalDate.of(2001, 3, 1);
		LocalDate to = LocalDate.of(2001, 6, 30);

		JsonNode page = client.get("/3/discover/movie?primary_release_date.gte=" + from
				+ "&primary_release_date.lte=" + to + "&sort_by=primary_release_date.asc").json();

		page.get("results").forEach((movie) -> assertThat(LocalDate.parse(movie.get("release_date").asString()))
			.isBetween(from, to));
		long expected = allMovies().stream().filter((movie) -> movie.releaseDate() != null
				&& !movie.releaseDate().isBefore(from) && !movie.releaseDate().isAfter(to)).count();
		assertThat(page.get("total_results").asLong()).isEqualTo(expected).isPositive();
	}

	@Test
	void commaBetweenGenresMeansAllOfThemAndPipeMeansAnyOfThem() {
		long both = allMovies().stream().filter((m) -> m.genreIds().contains(28) && m.genreIds().contains(18)).count();
		long either = allMovies().stream().filter((m) -> m.genreIds().contains(28) || m.genreIds().contains(18)).count();

		JsonNode all = client.get("/3/discover/movie?with_genres=28,18").json();
		JsonNode any = client.get("/3/discover/movie?with_genres=28%7C18").json();

		assertThat(all.get("total_results").asLong()).isEqualTo(both);
		assertThat(any.get("total_results").asLong()).isEqualTo(either);
		all.get("results").forEach((movie) -> assertThat(ids(movie.get("genre_ids"))).contains(28, 18));
	}

	@Test
	void originalLanguageFilterKeepsOnlyThatLanguage() {
		JsonNode page = client.get("/3/discover/movie?with_original_language=ko&page=2").json();

		assertThat(page.get("results")).isNotEmpty()
			.allMatch((movie) -> movie.get("original_language").asString().equals("ko"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "popularity.desc", "popularity.asc", "vote_average.desc", "vote_average.asc",
			"vote_count.desc", "vote_count.asc", "primary_release_date.desc", "primary_release_date.asc", "title.asc",
			"title.desc", "original_title.asc", "original_title.desc" })
	void sortOrderHoldsAcrossPages(String sortBy) {
		List<JsonNode> movies = new ArrayList<>();
		for (int page = 1; page <= 2; page++) {
			client.get("/3/discover/movie?sort_by=" + sortBy + "&page=" + page).json().get("results").forEach(movies::add);
		}

		String field = sortBy.substring(0, sortBy.indexOf('.')).replace("primary_", "");
		Function<JsonNode, String> text = (movie) -> movie.get(field).asString();
		Comparator<JsonNode> order = switch (field) {
			case "title", "original_title", "release_date" -> Comparator.comparing(text);
			default -> Comparator.comparingDouble((movie) -> movie.get(field).asDouble());
		};
		assertThat(movies).hasSize(40).isSortedAccordingTo(sortBy.endsWith(".desc") ? order.reversed() : order);
	}

	@ParameterizedTest
	@ValueSource(strings = { "title.asc", "title.desc" })
	void moviesOfTheSameTitleFollowTheirIdsUpwardInBothDirections(String sortBy) {
		List<JsonNode> movies = new ArrayList<>();
		for (int page = 1; page <= 5; page++) {
			client.get("/3/discover/movie?sort_by=" + sortBy + "&page=" + page).json().get("results").forEach(movies::add);
		}

		int ties = 0;
		for (int i = 1; i < movies.size(); i++) {
			if (movies.get(i).get("title").equals(movies.get(i - 1).get("title"))) {
				assertThat(movies.get(i).get("id").asInt()).isGreaterThan(movies.get(i - 1).get("id").asInt());
				ties++;
			}
		}
		assertThat(ties).as("titles repeat in the catalog").isPositive();
	}

	@Test
	void withoutGenresLeavesOutEveryListedGenre() {
		long expected = allMovies().stream()
			.filter((m) -> !m.genreIds().contains(28) && !m.genreIds().contains(18) && !m.genreIds().contains(35))
			.count();

		JsonNode page = client.get("/3/discover/movie?without_genres=28,18%7C35").json();

		assertThat(page.get("total_results").asLong()).isEqualTo(expected).isPositive();
		page.get("results").forEach((movie) -> assertThat(ids(movie.get("genre_ids"))).doesNotContain(28, 18, 35));
	}

	@Test
	void primaryReleaseYearKeepsThatYearAndNarrowsADateRange() {
		JsonNode year = client.get("/3/discover/movie?primary_release_year=2001").json();
		JsonNode narrowed = client
			.get("/3/discover/movie?primary_release_year=2001&primary_release_date.gte=2001-07-01&release_date.lte=2009-01-01")
			.json();

		assertThat(year.get("total_results").asLong())
			.isEqualTo(count((m) -> m.releaseDate() != null && m.releaseDate().getYear() == 2001));
		assertThat(narrowed.get("total_results").asLong()).isEqualTo(count((m) -> m.releaseDate() != null
				&& m.releaseDate().getYear() == 2001 && m.releaseDate().getMonthValue() >= 7));
		assertThat(client.get("/3/discover/movie?primary_release_year=12345").json().get("total_results").asInt())
			.isZero();
	}

	@Test
	void voteBoundsAreInclusive() {
		JsonNode page = client
			.get("/3/discover/movie?vote_average.gte=7&vote_average.lte=7.5&vote_count.gte=10&vote_count.lte=200")
			.json();

		assertThat(page.get("total_results").asLong()).isEqualTo(count((m) -> m.voteTenths() >= 70
				&& m.voteTenths() <= 75 && m.voteCount() >= 10 && m.voteCount() <= 200)).isPositive();
		assertThat(client.get("/3/discover/movie?vote_count.gte=10.5").json().get("total_results").asLong())
			.as("a fractional bound is not cut to an integer")
			.isEqualTo(count((m) -> m.voteCount() >= 11));
	}

	@Test
	void runtimeBoundsLeaveOutMoviesWithoutARuntime() {
		List<Integer> runtimes = allMovies().stream()
			.filter((m) -> m.releaseDate() != null && m.releaseDate().getYear() == 2001)
			.map((m) -> catalog.details(catalog.indexOf(m.id())).runtime())
			.toList();

		JsonNode known = client.get("/3/discover/movie?primary_release_year=2001&with_runtime.gte=0").json();
		JsonNode upTo90 = client.get("/3/discover/movie?primary_release_year=2001&with_runtime.lte=90").json();

		assertThat(runtimes).containsNull();
		assertThat(known.get("total_results").asLong()).isEqualTo(runtimes.stream().filter(Objects::nonNull).count());
		assertThat(upTo90.get("total_results").asLong())
			.isEqualTo(runtimes.stream().filter((runtime) -> runtime != null && runtime <= 90).count());
	}

	@Test
	void includeAdultAddsTheAdultTitlesWithoutChangingTheDefault() {
		long adult = IntStream.range(0, catalog.size()).filter(catalog::adult).count();

		JsonNode withAdult = client.get("/3/discover/movie?include_adult=true&sort_by=vote_count.desc").json();
		JsonNode without = client.get("/3/discover/movie?include_adult=false&sort_by=vote_count.desc").json();

		assertThat(withAdult.get("total_results").asLong()).isEqualTo(allMovies().size() + adult);
		assertThat(without.get("total_results").asLong()).isEqualTo(allMovies().size());
		assertThat(client.ids("/3/discover/movie?page=2")).isEqualTo(client.ids("/3/movie/popular?page=2"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "vote_average.gte=high", "vote_count.lte=NaN", "with_runtime.gte=90d",
			"with_runtime.lte=0x10", "vote_average.lte=Infinity", "primary_release_year=2001.5",
			"primary_release_year=MMI" })
	void aValueThatIsNotANumberIsRejectedWithStatusCode5(String parameter) {
		Response response = client.get("/3/discover/movie?" + parameter);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.statusCode()).isEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+999999999-12-31", "2001-1-1", "20010101", "2001-02-29" })
	void aDateThatIsNotYyyyMmDdIsRejectedWithStatusCode23(String date) {
		Response response = client.get("/3/discover/movie?release_date.lte=" + date.replace("+", "%2B"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.statusCode()).isEqualTo(23);
	}

	@Test
	void defaultSortIsPopularityDescending() {
		assertThat(client.ids("/3/discover/movie?page=3")).isEqualTo(client.ids("/3/movie/popular?page=3"));
	}

	@Test
	void invalidDateIsRejectedWithStatusCode23() {
		Response response = client.get("/3/discover/movie?primary_release_date.gte=2020-02-30");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.statusCode()).isEqualTo(23);
	}

	@Test
	void unknownSortIsRejectedWithStatusCode5() {
		Response response = client.get("/3/discover/movie?sort_by=budget.desc");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.statusCode()).isEqualTo(5);
	}

	@Test
	void discoverFollowsThePageRules() {
		assertThat(client.get("/3/discover/movie?page=501").statusCode()).isEqualTo(22);
	}

	/** The movies discover lists: all but the adult titles, as on TMDB by default. */
	private List<Movie> allMovies() {
		return IntStream.range(0, catalog.size()).mapToObj(catalog::movie).filter(movie -> !movie.adult()).toList();
	}

	private long count(Predicate<Movie> filter) {
		return allMovies().stream().filter(filter).count();
	}

	private static List<Integer> ids(JsonNode array) {
		List<Integer> ids = new ArrayList<>();
		array.forEach((id) -> ids.add(id.asInt()));
		return ids;
	}

}
