package org.tmdbfleet.simulator.exports;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tmdbfleet.simulator.SimulatorClient;
import org.tmdbfleet.simulator.SimulatorClient.Download;
import org.tmdbfleet.simulator.TmdbSimulatorApplication;
import org.tmdbfleet.simulator.catalog.Catalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's clock and TMDB's daily ID exports: files by date, gzip JSON Lines split by adult,
 * today's from 08:00, about three months kept; days that pass change, add and delete movies, and
 * the changes list, the details and the next export show it. A catalog of its own: the clock only
 * moves forward, so no other test class may share it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + TmdbSimulatorApplication.CONFIG_NAME, "simulator.catalog-size=20000",
				"simulator.seed=11" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvolvingCatalogApiTests {

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("MM_dd_yyyy");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	SimulatorClient client;

	@BeforeEach
	void connect() {
		client = new SimulatorClient(port);
		client.delete("/admin/exports");
		client.put("/admin/clock", "{\"time\":\"12:00\"}");
	}

	@Test
	@Order(1)
	void todaysExportsListEveryMovieOnceSplitByAdultAscendingById() {
		LocalDate today = catalog.today();
		List<JsonNode> movies = lines(download("movie_ids_", today));
		List<JsonNode> adult = lines(download("adult_movie_ids_", today));

		Set<Integer> expected = IntStream.range(0, catalog.rows())
			.filter(catalog::live)
			.filter(index -> !catalog.adult(index))
			.mapToObj(catalog::id)
			.collect(Collectors.toSet());
		assertThat(movies.stream().map(line -> line.path("id").asInt())).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(movies.stream().mapToInt(line -> line.path("id").asInt()).toArray()).isSorted();
		assertThat(movies).allSatisfy(line -> assertThat(line.path("adult").asBoolean()).isFalse());
		assertThat(adult).isNotEmpty().allSatisfy(line -> assertThat(line.path("adult").asBoolean()).isTrue());
		assertThat(movies.size() + adult.size()).isEqualTo(catalog.size());
		JsonNode first = movies.get(0);
		assertThat(first.propertyNames()).containsExactly("adult", "id", "original_title", "popularity", "video");
		int index = catalog.indexOf(first.path("id").asInt());
		assertThat(first.path("original_title").asString()).isEqualTo(catalog.movie(index).originalTitle());
		assertThat(first.path("popularity").asDouble()).isEqualTo(catalog.movie(index).popularity());
	}

	@Test
	@Order(2)
	void aDaysFileAppearsAtEightAndIsKeptAboutThreeMonths() {
		LocalDate today = catalog.today();
		client.put("/admin/clock", "{\"time\":\"07:59\"}");
		assertThat(download("movie_ids_", today).status()).isEqualTo(404);
		assertThat(download("movie_ids_", today.minusDays(1)).status()).isEqualTo(200);
		client.put("/admin/clock", "{\"time\":\"08:00\"}");
		assertThat(download("movie_ids_", today).status()).isEqualTo(200);

		assertThat(download("movie_ids_", today.plusDays(1)).status()).isEqualTo(404);
		assertThat(download("movie_ids_", today.minusDays(90)).status()).isEqualTo(200);
		assertThat(download("movie_ids_", today.minusDays(91)).status()).isEqualTo(404);
		assertThat(client.download("/p/exports/tv_series_ids_" + today.format(FILE_DATE) + ".json.gz").status())
			.isEqualTo(404);
		assertThat(client.download("/p/exports/movie_ids_13_45_2026.json.gz").status()).isEqualTo(404);
	}

	@Test
	@Order(3)
	void aDayThatPassesChangesAddsAndDeletesMoviesAndTheChangesListAndTheNextExportShowIt() {
		LocalDate passed = catalog.today();
		Set<Integer> before = ids(lines(download("movie_ids_", passed)));
		int lastId = catalog.id(catalog.size() - 1);
		String titleBefore = titles(before);

		JsonNode clock = client.put("/admin/clock", "{\"advanceDays\":1}").json();
		assertThat(clock.path("today").asString()).isEqualTo(passed.plusDays(1).toString());
		assertThat(clock.path("daysAdvanced").asInt()).isEqualTo(1);

		List<Integer> changed = changes(passed);
		Set<Integer> after = ids(lines(download("movie_ids_", passed.plusDays(1))));
		Set<Integer> deleted = before.stream().filter(id -> !after.contains(id)).collect(Collectors.toSet());
		Set<Integer> added = after.stream().filter(id -> !before.contains(id)).collect(Collectors.toSet());
		assertThat(deleted).isNotEmpty();
		assertThat(added).isNotEmpty().allSatisfy(id -> assertThat(id).isGreaterThan(lastId));
		assertThat(changed).containsAll(deleted).containsAll(added).hasSizeGreaterThan(deleted.size() + added.size());
		assertThat(changed.stream().mapToInt(Integer::intValue).toArray()).isSorted();

		int gone = deleted.iterator().next();
		assertThat(client.get("/3/movie/" + gone).status()).isEqualTo(404);
		assertThat(client.get("/3/movie/" + gone).statusCode()).isEqualTo(34);
		assertThat(client.get("/3/movie/" + added.iterator().next()).status()).isEqualTo(200);
		// yesterday's file is still yesterday's
		assertThat(ids(lines(download("movie_ids_", passed)))).isEqualTo(before);

		// a movie that changed has a new title; popularity and votes moved too
		assertThat(titles(before)).isNotEqualTo(titleBefore);
		assertThat(changes(passed.plusDays(1))).as("the day that has not passed yet").isEmpty();
	}

	@Test
	@Order(4)
	void theClockOnlyMovesForwardAndNotBeyondItsRange() {
		assertThat(client.put("/admin/clock", "{\"advanceDays\":-1}").status()).isEqualTo(400);
		assertThat(client.put("/admin/clock", "{\"advanceDays\":" + (Catalog.MAX_DAYS + 1) + "}").status())
			.isEqualTo(400);
	}

	@Test
	@Order(5)
	void aFileCutOffInItsGzipStreamABlankLineAndUnknownFieldsCanBeServed() {
		LocalDate today = catalog.today();
		assertThat(client.put("/admin/exports", "{\"blankLine\":true,\"unknownField\":true}").status()).isEqualTo(200);
		String text = gunzip(download("movie_ids_", today).body());
		assertThat(text.lines().toList().get(1)).isEmpty();
		assertThat(text).contains("\"fleet_note\"");

		client.put("/admin/exports", "{\"truncated\":true}");
		Download cut = download("movie_ids_", today);
		assertThat(cut.status()).isEqualTo(200);
		assertThatThrownBy(() -> gunzip(cut.body())).hasRootCauseInstanceOf(EOFException.class);
	}

	private Download download(String prefix, LocalDate date) {
		return client.download("/p/exports/" + prefix + date.format(FILE_DATE) + ".json.gz");
	}

	private List<Integer> changes(LocalDate date) {
		JsonNode first = client.get("/3/movie/changes?start_date=" + date + "&end_date=" + date).json();
		List<Integer> ids = new java.util.ArrayList<>();
		for (int page = 1; page <= first.path("total_pages").asInt(); page++) {
			client.get("/3/movie/changes?start_date=" + date + "&end_date=" + date + "&page=" + page)
				.json()
				.path("results")
				.forEach(change -> ids.add(change.path("id").asInt()));
		}
		return ids;
	}

	/** The titles of the first movies of a set, by details: some of them change in a day. */
	private String titles(Set<Integer> ids) {
		return ids.stream()
			.sorted()
			.limit(400)
			.map(id -> client.get("/3/movie/" + id).json().path("title").asString(""))
			.collect(Collectors.joining("|"));
	}

	private static Set<Integer> ids(List<JsonNode> lines) {
		return lines.stream().map(line -> line.path("id").asInt()).collect(Collectors.toSet());
	}

	private static List<JsonNode> lines(Download file) {
		assertThat(file.status()).isEqualTo(200);
		return Arrays.stream(gunzip(file.body()).split("\n")).filter(line -> !line.isEmpty()).map(JSON::readTree).toList();
	}

	private static String gunzip(byte[] gzip) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
