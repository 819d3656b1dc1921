package org.tmdbfleet.simulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient.Response;
import org.tmdbfleet.simulator.catalog.Catalog;
import org.tmdbfleet.simulator.catalog.MovieDetails;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class FindApiTests extends SimulatorApiTestSupport {

	@Autowired
	Catalog catalog;

	@Test
	void anImdbIdFindsItsMovieInListShape() {
		MovieDetails movie = first((details) -> details.imdbId() != null && !details.movie().adult());

		JsonNode found = client.get("/3/find/" + movie.imdbId() + "?external_source=imdb_id").json();

		assertThat(found.propertyNames()).containsExactly("movie_results", "person_results", "tv_results",
				"tv_episode_results", "tv_season_results");
		assertThat(found.get("movie_results")).hasSize(1);
		JsonNode result = found.get("movie_results").get(0);
		assertThat(result.get("id").asInt()).isEqualTo(movie.movie().id());
		assertThat(result.get("title").asString()).isEqualTo(movie.movie().title());
		assertThat(result.propertyNames()).contains("adult", "backdrop_path", "genre_ids", "id", "original_language",
				"original_title", "overview", "popularity", "poster_path", "release_date", "title", "video",
				"vote_average", "vote_count");
		for (String other : List.of("person_results", "tv_results", "tv_episode_results", "tv_season_results")) {
			assertThat(found.get(other)).isEmpty();
		}
	}

	@Test
	void aWikidataIdFindsEveryMovieCarryingIt() {
		MovieDetails movie = first((details) -> details.externalIds().wikidataId() != null);
		String wikidataId = movie.externalIds().wikidataId();

		JsonNode found = client.get("/3/find/" + wikidataId + "?external_source=wikidata_id").json();

		List<Integer> ids = ids(found);
		assertThat(ids).contains(movie.movie().id()).isSorted();
		ids.forEach((id) -> assertThat(catalog.details(catalog.indexOf(id)).externalIds().wikidataId())
			.isEqualTo(wikidataId));
	}

	@Test
	void anAdultTitleIsFoundToo() {
		MovieDetails adult = first((details) -> details.movie().adult() && details.imdbId() != null);

		JsonNode found = client.get("/3/find/" + adult.imdbId() + "?external_source=imdb_id").json();

		assertThat(ids(found)).containsExactly(adult.movie().id());
		assertThat(found.get("movie_results").get(0).get("adult").asBoolean()).isTrue();
	}

	@Test
	void aMovieWithoutAnImdbIdIsNotFoundByTheOneItsIdWouldGive() {
		MovieDetails movie = first((details) -> details.imdbId() == null);
		String wouldBe = "tt%07d".formatted(movie.movie().id() * 3L + 17);

		assertThat(ids(client.get("/3/find/" + wouldBe + "?external_source=imdb_id").json())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tt0000000", "tt0000018", "tt000002", "tt99999999", "nm0000001", "TT0000020",
			"tt0000020x" })
	void anImdbIdNoMovieHasFindsNothing(String imdbId) {
		assertThat(ids(client.get("/3/find/" + imdbId + "?external_source=imdb_id").json())).isEmpty();
	}

	@Test
	void anImdbIdIsMatchedAsWrittenNotAsANumber() {
		MovieDetails movie = first((details) -> details.imdbId() != null);
		String leadingZero = "tt0" + movie.imdbId().substring(2);

		assertThat(ids(client.get("/3/find/" + leadingZero + "?external_source=imdb_id").json())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Q0", "Q01000", "q1000", "Q", "Q99999999999" })
	void aWikidataIdNoMovieHasFindsNothing(String wikidataId) {
		assertThat(ids(client.get("/3/find/" + wikidataId + "?external_source=wikidata_id").json())).isEmpty();
	}

	@Test
	void noMovieHasATvdbId() {
		JsonNode found = client.get("/3/find/81189?external_source=tvdb_id").json();

		assertThat(found.get("movie_results")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "?external_source=", "?external_source=imdb", "?external_source=IMDB_ID",
			"?external_source=facebook_id" })
	void anUnknownOrMissingSourceIsRejectedWithStatusCode5(String query) {
		Response response = client.get("/3/find/tt0000020" + query);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.statusCode()).isEqualTo(5);
	}

	private MovieDetails first(Predicate<MovieDetails> filter) {
		return IntStream.range(0, catalog.size()).mapToObj(catalog::details).filter(filter).findFirst().orElseThrow();
	}

	private static List<Integer> ids(JsonNode found) {
		List<Integer> ids = new ArrayList<>();
		found.get("movie_results").forEach((movie) -> ids.add(movie.get("id").asInt()));
		return ids;
	}

}
