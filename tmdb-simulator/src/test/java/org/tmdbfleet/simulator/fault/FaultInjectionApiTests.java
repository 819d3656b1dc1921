package org.tmdbfleet.simulator.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient;
import org.tmdbfleet.simulator.SimulatorClient.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The faults a client must survive, seen from a client: each at rate 1 (or on a targeted page), a
 * rate kept over many requests, runtime changes and their validation, and the counts in the stats.
 */
class FaultInjectionApiTests extends SimulatorApiTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeEach
	void countAfresh() {
		client.delete("/admin/stats");
	}

	@AfterEach
	void restoreConfiguredFaults() {
		client.delete("/admin/faults");
	}

	@ParameterizedTest
	@CsvSource({ "500, 11", "502, 43", "503, 9", "504, 24" })
	void aServerErrorComesWithTmdbsErrorBody(int status, int statusCode) {
		client.put("/admin/faults", "{\"errorRates\": {\"%d\": 1.0}}".formatted(status));

		Response response = client.get("/3/movie/popular?page=1");

		assertThat(response.status()).isEqualTo(status);
		assertThat(response.json().get("success").asBoolean()).isFalse();
		assertThat(response.statusCode()).isEqualTo(statusCode);
		assertThat(response.json().get("status_message").asString()).isNotBlank();
	}

	@Test
	void aSlowAnswerOutlastsTheClientsReadTimeoutButArrivesForAPatientOne() {
		client.put("/admin/faults", "{\"slowRate\": 1.0, \"slowMs\": 1500}");

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> fetch("/3/movie/popular?page=1", Duration.ofMillis(300)));
		Response patient = client.get("/3/movie/popular?page=1");
		assertThat(patient.status()).isEqualTo(200);
		assertThat(patient.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void aMalformedBodyLooksLikeJsonButDoesNotParse() throws Exception {
		client.put("/admin/faults", "{\"malformedRate\": 1.0}");

		HttpResponse<String> response = fetch("/3/movie/popular?page=1", Duration.ofSeconds(5));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.body()).startsWith("{");
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readTree(response.body()));
	}

	@Test
	void aResetConnectionFailsTheRequestWithAnIOExceptionInsteadOfAnAnswer() {
		client.put("/admin/faults", "{\"resetRate\": 1.0}");

		assertThatIOException().isThrownBy(() -> fetch("/3/movie/popular?page=1", Duration.ofSeconds(5)))
			.isNotInstanceOf(HttpTimeoutException.class);
		assertThat(client.getWith("/actuator/prometheus").body())
			.containsPattern("simulator_requests_total\\{application=\"tmdb-simulator\",endpoint=\"popular\",status=\"444\"");
	}

	@Test
	void aBlankAnswerIsA200WithAnEmptyJsonObject() {
		client.put("/admin/faults", "{\"blankRate\": 1.0}");

		Response response = client.get("/3/movie/550");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.body()).isEqualTo("{}");
	}

	@Test
	void aForeignNotFoundIsAProxysHtmlPageWithoutTmdbsStatusCode() {
		client.put("/admin/faults", "{\"foreignNotFoundRate\": 1.0}");

		Response response = client.get("/3/movie/550");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("<title>404 Not Found</title>", "nginx").doesNotContain("status_code");
	}

	@Test
	void moviesGivenTheirOwnFaultsFailEachItsWayEveryTimeWhileEverythingElseWorks() {
		List<Integer> movies = client.ids("/3/movie/popular?page=1");
		Response changed = client.put("/admin/faults", "{\"movieFaults\": {\"%d\": \"blank\", \"%d\": \"foreign_not_found\"}}"
			.formatted(movies.get(0), movies.get(1)));

		for (int i = 0; i < 3; i++) {
			assertThat(client.get("/3/movie/" + movies.get(0)).body()).isEqualTo("{}");
			assertThat(client.get("/3/movie/" + movies.get(1)).status()).isEqualTo(404);
			assertThat(client.get("/3/movie/" + movies.get(2)).json().get("id").asInt()).isEqualTo(movies.get(2));
			assertThat(client.get("/3/movie/popular?page=1").status()).isEqualTo(200);
		}

		assertThat(changed.json().get("movieFaults").get(movies.get(0).toString()).asString()).isEqualTo("blank");
		assertThat(changed.json().get("movieFaults").get(movies.get(1).toString()).asString())
			.isEqualTo("foreign_not_found");
		assertThat(injected().get("blank").asLong()).isEqualTo(3);
		assertThat(injected().get("foreign_not_found").asLong()).isEqualTo(3);
		assertThat(client.put("/admin/faults", "{\"movieFaults\": {}}").json().get("movieFaults").isEmpty()).isTrue();
		assertThat(client.get("/3/movie/" + movies.get(1)).status()).isEqualTo(200);
	}

	@Test
	void aTargetedPageFailsEveryTimeWhileOtherPagesAndMovieDetailsWork() {
		int movie = client.ids("/3/movie/popular?page=1").get(0);
		client.put("/admin/faults", "{\"errorRates\": {\"500\": 1.0}, \"faultPages\": [7]}");

		for (int i = 0; i < 3; i++) {
			assertThat(client.get("/3/movie/popular?page=7").status()).isEqualTo(500);
			assertThat(client.get("/3/discover/movie?page=7").status()).isEqualTo(500);
			assertThat(client.get("/3/movie/popular?page=6").status()).isEqualTo(200);
			assertThat(client.get("/3/movie/" + movie).status()).isEqualTo(200);
		}
	}

	@Test
	void aTargetedMovieFailsEveryTimeWhileOtherMoviesAndListsWork() {
		List<Integer> movies = client.ids("/3/movie/popular?page=1");
		client.put("/admin/faults", "{\"errorRates\": {\"503\": 1.0}, \"faultMovies\": [%d]}".formatted(movies.get(0)));

		for (int i = 0; i < 3; i++) {
			assertThat(client.get("/3/movie/" + movies.get(0)).status()).isEqualTo(503);
			assertThat(client.get("/3/movie/" + movies.get(1)).status()).isEqualTo(200);
			assertThat(client.get("/3/movie/popular?page=7").status()).isEqualTo(200);
		}
	}

	@Test
	void aRateBelowOneBreaksThatShareOfRequests() {
		client.put("/admin/faults", "{\"errorRates\": {\"503\": 0.3}}");

		long failed = IntStream.range(0, 300)
			.map((i) -> client.get("/3/genre/movie/list").status())
			.filter((status) -> status == 503)
			.count();

		// 90 expected, standard deviation 8: the band is 4 of them either side
		assertThat(failed).isBetween(58L, 122L);
		assertThat(injected().get("503").asLong()).isEqualTo(failed);
	}

	@Test
	void faultsChangedAtRuntimeAreShownKeptAcrossPartialChangesAndResetToTheConfiguredOnes() {
		client.put("/admin/faults", "{\"errorRates\": {\"502\": 1.0}, \"slowMs\": 2000}");
		client.put("/admin/faults", "{\"faultPages\": [3, 1], \"faultMovies\": [550]}");

		JsonNode changed = client.get("/admin/faults").json();
		int failing = client.get("/3/movie/popular?page=3").status();
		JsonNode reset = client.delete("/admin/faults").json();

		assertThat(changed.get("errorRates").get("502").asDouble()).isEqualTo(1.0);
		assertThat(changed.get("slowMs").asLong()).isEqualTo(2000);
		assertThat(changed.get("faultPages").toString()).isEqualTo("[1,3]");
		assertThat(changed.get("faultMovies").toString()).isEqualTo("[550]");
		assertThat(failing).isEqualTo(502);
		assertThat(reset.get("errorRates").isEmpty()).isTrue();
		assertThat(reset.get("slowMs").asLong()).isEqualTo(15_000);
		assertThat(reset.get("faultPages").isEmpty()).isTrue();
		assertThat(client.get("/3/movie/popular?page=3").status()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"errorRates": {"418": 0.5}}                   | 418
			{"errorRates": {"500": 0.6}, "resetRate": 0.6} | at most 1
			{"slowRate": 1.5}                              | slowRate
			{"malformedRate": -0.1}                        | malformedRate
			{"slowMs": -1}                                 | slowMs
			{"latencyJitterMs": -1}                        | latencyJitterMs
			{"faultPages": [0]}                            | faultPages
			{"blankRate": 0.6, "foreignNotFoundRate": 0.6} | at most 1
			{"movieFaults": {"550": "gone"}}               | not gone
			{"movieFaults": {"0": "blank"}}                | movieFaults
			""")
	void invalidChangesAreRefusedWithTheReasonAndChangeNothing(String change, String reason) {
		Response refused = client.put("/admin/faults", change);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("status_message").asString()).contains(reason);
		assertThat(client.get("/admin/faults").json().get("errorRates").isEmpty()).isTrue();
	}

	@Test
	void statsCountEachInjectedFaultAndStartAfreshOnDelete() {
		List.of("{\"errorRates\": {\"500\": 1.0}}", "{\"errorRates\": {}, \"slowRate\": 1.0, \"slowMs\": 10}",
				"{\"slowRate\": 0, \"malformedRate\": 1.0}", "{\"malformedRate\": 0, \"blankRate\": 1.0}",
				"{\"blankRate\": 0, \"foreignNotFoundRate\": 1.0}", "{\"foreignNotFoundRate\": 0, \"resetRate\": 1.0}")
			.forEach((change) -> {
				client.put("/admin/faults", change);
				try {
					fetch("/3/movie/popular?page=2", Duration.ofSeconds(5));
				}
				catch (IOException ex) {
					// the reset
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});

		JsonNode stats = client.get("/admin/stats").json();
		assertThat(JSON.convertValue(stats.get("injected"), Map.class)).containsAllEntriesOf(
				Map.of("500", 1, "502", 0, "503", 0, "504", 0, "malformed", 1, "slow", 1, "blank", 1,
						"foreign_not_found", 1));
		// java.net.http sends a GET once more when the connection closed before the first byte
		assertThat(stats.get("injected").get("reset").asLong()).isBetween(1L, 2L);
		assertThat(stats.get("requests").asLong()).isEqualTo(5 + stats.get("injected").get("reset").asLong());
		client.delete("/admin/stats");
		assertThat(injected().get("reset").asLong()).isZero();
	}

	private JsonNode injected() {
		return client.get("/admin/stats").json().get("injected");
	}

	/** One request on a fresh connection with the given read timeout, as a client with that setting sees it. */
	private HttpResponse<String> fetch(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
		URI uri = URI.create("http://localhost:" + port + pathAndQuery + "&api_key=" + SimulatorClient.API_KEY);
		try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			return http.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), BodyHandlers.ofString());
		}
	}

}
