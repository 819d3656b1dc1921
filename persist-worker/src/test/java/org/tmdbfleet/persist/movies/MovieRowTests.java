package org.tmdbfleet.persist.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.MovieFetched;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MovieRowTests {

	private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

	private static final String DETAILS = """
			{"id":42,"title":"Details title","imdb_id":"tt0000042","runtime":121,"popularity":3.5,
			 "genres":[{"id":18,"name":"Drama"}],"tagline":"From the details",
			 "credits":{"cast":[{"id":1,"name":"Ann","character":"Lead","order":0}],
			            "crew":[{"id":9,"name":"Dee","job":"Director"}]}}""";

	private static final String LIST = """
			{"id":42,"title":"List title","popularity":7.25,"genre_ids":[18,36],"overview":"From the list"}""";

	@Test
	void aNewerListFetchKeepsWhatAnOlderDetailsFetchAdded() {
		MovieRow details = row(DETAILS, T0);
		MovieRow list = row(LIST, T0.plusSeconds(60));

		MovieRow merged = details.updatedBy(list);

		assertThat(merged.title()).isEqualTo("List title");
		assertThat(merged.popularity()).isEqualTo(7.25);
		assertThat(merged.genreIds()).containsExactly(18, 36);
		assertThat(merged.overview()).isEqualTo("From the list");
		assertThat(merged.fetchedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(merged.imdbId()).isEqualTo("tt0000042");
		assertThat(merged.runtime()).isEqualTo(121);
		assertThat(merged.topCast()).isEqualTo(details.topCast()).contains("Ann");
		assertThat(merged.directors()).isEqualTo(details.directors()).contains("Dee");
		assertThat(merged.detailsFetchedAt()).isEqualTo(T0);
		assertThat(FleetJson.MAPPER.readTree(merged.details()).path("tagline").asString()).isEqualTo("From the details");
		assertThat(merged.listFetchedAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(FleetJson.MAPPER.readTree(merged.payload()).path("title").asString()).isEqualTo("List title");
	}

	@Test
	void anOlderDetailsFetchChangesNeitherTheListDataNorNewerDetails() {
		MovieRow stored = row(DETAILS, T0.plusSeconds(50)).updatedBy(row(LIST, T0.plusSeconds(60)));

		MovieRow older = stored.updatedBy(row(DETAILS.replace("121", "99"), T0.plusSeconds(40)));

		assertThat(older).isSameAs(stored);
	}

	@Test
	void anOlderDetailsFetchStillFillsDetailsTheRowLacks() {
		MovieRow list = row(LIST, T0.plusSeconds(60));

		MovieRow merged = list.updatedBy(row(DETAILS, T0));

		assertThat(merged.title()).as("the list is newer").isEqualTo("List title");
		assertThat(merged.runtime()).isEqualTo(121);
		assertThat(merged.detailsFetchedAt()).isEqualTo(T0);
	}

	@Test
	void aDetailsNullClearsWhatOlderDetailsSaid() {
		MovieRow merged = row(DETAILS, T0)
			.updatedBy(row(DETAILS.replace("\"tt0000042\"", "null").replace("121", "null"), T0.plusSeconds(60)));

		assertThat(merged.imdbId()).isNull();
		assertThat(merged.runtime()).isNull();
	}

	@Test
	void aFetchThatIsNotNewerChangesNothing() {
		MovieRow list = row(LIST, T0.plusSeconds(60));

		assertThat(list.updatedBy(row(LIST, T0))).isSameAs(list);
		assertThat(list.updatedBy(row(LIST, T0.plusSeconds(60)))).isSameAs(list);
	}

	@Test
	void valuesPostgreSQLCannotStoreBecomeNullAndNulCharactersAreDropped() {
		MovieRow row = row("""
				{"id":42,"title":"Nul\\u0000Title","overview":"the text \\\\u0000","release_date":"0000-01-01",
				 "vote_count":3000000000,"runtime":1e30,"genre_ids":[18,3000000000],"key\\u0000":"v\\u0000",
				 "credits":{"cast":[{"id":100000000000000000000,"name":"Big\\u0000Id","order":1e30}]}}""", T0);

		assertThat(row.title()).isEqualTo("NulTitle");
		assertThat(row.overview()).isEqualTo("the text \\u0000");
		assertThat(row.releaseDate()).isNull();
		assertThat(row.voteCount()).isNull();
		assertThat(row.runtime()).isNull();
		assertThat(row.genreIds()).containsExactly(18);
		assertThat(row.topCast()).isEqualTo("[{\"id\":null,\"name\":\"BigId\",\"character\":null}]");
		JsonNode payload = FleetJson.MAPPER.readTree(row.details());
		assertThat(payload.path("key").asString()).isEqualTo("v");
		assertThat(payload.path("overview").asString()).isEqualTo("the text \\u0000");
		assertThat(payload.path("release_date").asString()).isEqualTo("0000-01-01");
		assertThat(payload.path("vote_count").asLong()).isEqualTo(3_000_000_000L);
	}

	@Test
	void aDateIsKeptWhereverPostgreSQLCanStoreIt() {
		assertThat(row(date("0001-01-01")).releaseDate()).isEqualTo(LocalDate.of(1, 1, 1));
		assertThat(row(date("+10000-01-01")).releaseDate()).isEqualTo(LocalDate.of(10_000, 1, 1));
		assertThat(row(date("+5874897-12-31")).releaseDate()).isEqualTo(LocalDate.of(5_874_897, 12, 31));
		assertThat(row(date("+5874898-01-01")).releaseDate()).isNull();
		assertThat(row(date("-0001-01-01")).releaseDate()).isNull();
		assertThat(row(date("2024-02-30")).releaseDate()).isNull();
	}

	private static String date(String releaseDate) {
		return "{\"id\":42,\"release_date\":\"" + releaseDate + "\"}";
	}

	private static MovieRow row(String json) {
		return row(json, T0);
	}

	private static MovieRow row(String json, Instant fetchedAt) {
		return MovieRow.from(new MovieFetched(UUID.randomUUID(), 42, fetchedAt, FleetJson.MAPPER.readTree(json)));
	}

}
