package org.tmdbfleet.simulator.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
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
			"title.desc" })
	void sortOrderHoldsAcrossPages(String sortBy) {
		List<JsonNode> movies = new ArrayList<>();
		for (int page = 1; page <= 2; page++) {
			client.get("/3/discover/movie?sort_by=" + sortBy + "&page=" + page).json().get("results").forEach(movies::add);
		}

		String field = sortBy.substring(0, sortBy.indexOf('.')).replace("primary_", "");
		Function<JsonNode, String> text = (movie) -> movie.get(field).asString();
		Comparator<JsonNode> order = switch (field) {
			case "title", "release_date" -> Comparator.comparing(text);
			default -> Comparator.comparingDouble((movie) -> movie.get(field).asDouble());
		};
		assertThat(movies).hasSize(40).isSortedAccordingTo(sortBy.endsWith(".desc") ? order.reversed() : order);
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

	private static List<Integer> ids(JsonNode array) {
		List<Integer> ids = new ArrayList<>();
		array.forEach((id) -> ids.add(id.asInt()));
		return ids;
	}

}
