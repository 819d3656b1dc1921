package org.tmdbfleet.simulator.api;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.tmdbfleet.simulator.TmdbSimulatorApplication;
import org.tmdbfleet.simulator.SimulatorClient;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The real-world oddities an importer must survive all show up within the first 25 popular pages. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.config.name=" + TmdbSimulatorApplication.CONFIG_NAME)
@TestInstance(Lifecycle.PER_CLASS)
class QuirksApiTests {

	@LocalServerPort
	int port;

	final List<JsonNode> movies = new ArrayList<>();

	final StringBuilder rawBodies = new StringBuilder();

	@BeforeAll
	void readFirst25PagesOfPopular() {
		SimulatorClient client = new SimulatorClient(port);
		for (int page = 1; page <= 25; page++) {
			var response = client.get("/3/movie/popular?page=" + page);
			rawBodies.append(response.body());
			response.json().get("results").forEach(movies::add);
		}
	}

	@Test
	void someReleaseDatesAreEmptyStrings() {
		assertThat(movies).anyMatch((movie) -> movie.get("release_date").asString().isEmpty());
	}

	@Test
	void somePostersAndBackdropsAreNull() {
		assertThat(movies).anyMatch((movie) -> movie.get("poster_path").isNull());
		assertThat(movies).anyMatch((movie) -> movie.get("backdrop_path").isNull());
	}

	@Test
	void someTitlesAndOriginalTitlesAreJapaneseKoreanOrCyrillic() {
		for (UnicodeScript script : List.of(UnicodeScript.HIRAGANA, UnicodeScript.HANGUL, UnicodeScript.CYRILLIC)) {
			assertThat(movies).anyMatch((movie) -> writtenIn(movie.get("title"), script)
					&& writtenIn(movie.get("original_title"), script));
		}
	}

	@Test
	void someWholeVoteAveragesAreWrittenAsJsonIntegers() {
		assertThat(Pattern.compile("\"vote_average\":\\d+[,}]").matcher(rawBodies).find()).isTrue();
		assertThat(Pattern.compile("\"vote_average\":\\d+\\.\\d[,}]").matcher(rawBodies).find()).isTrue();
	}

	@Test
	void someOverviewsAreLongerThanAThousandCharacters() {
		assertThat(movies).anyMatch((movie) -> movie.get("overview").asString().length() > 1000);
	}

	@Test
	void someMoviesCarryFieldsClientsDoNotKnow() {
		assertThat(movies).anyMatch((movie) -> movie.has("fleet_extra"));
		assertThat(movies).anyMatch((movie) -> movie.has("origin_country"));
	}

	private static boolean writtenIn(JsonNode text, UnicodeScript script) {
		return text.asString().codePoints().anyMatch((c) -> UnicodeScript.of(c) == script);
	}

}
