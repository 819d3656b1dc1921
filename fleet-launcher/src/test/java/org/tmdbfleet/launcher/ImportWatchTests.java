package org.tmdbfleet.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImportWatchTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aWatchThatJoinsLateCountsTheRateAndTheTimeLeftFromWhatItSaw() {
		JsonNode first = view(50, 0, 1000);
		JsonNode now = view(75, 0, 1500);

		String line = ImportWatch.progressLine(now, first, Duration.ofSeconds(10));

		assertThat(line).contains("75% pages 75/100", "movies 1500/2000", " 50 movies/s", "ETA 10s");
		assertThat(ImportWatch.summary(now, first, Duration.ofSeconds(10))).contains("time:   10.0 s (50 movies/s)");
	}

	@Test
	void aScheduleLineSaysWhenWhatNextAndHowTheLastRunWent() {
		JsonNode schedule = JSON.readTree("""
				{"name":"nightly changes","cron":"0 3 * * *","zone":"UTC","import":{"source":"changes"},
				 "paused":false,"nextRunAt":"2026-12-03T03:00:00Z",
				 "lastRun":{"dueAt":"2026-12-02T03:00:00Z","outcome":"STARTED",
				            "importId":"0f0e0d0c-0000-4000-8000-000000000001","importStatus":"COMPLETED"}}""");

		assertThat(ImportWatch.scheduleLine(schedule)).contains("nightly changes", "0 3 * * *",
				"{\"source\":\"changes\"}", "2026-12-03T03:00:00Z",
				"2026-12-02T03:00:00Z STARTED 0f0e0d0c-0000-4000-8000-000000000001 COMPLETED");
	}

	@Test
	void aChangesImportsDaysAreItsFromAndToNotReleaseDates() {
		assertThat(JSON.readTree(ImportWatch.request("changes", null, false, "2026-11-20", "2026-11-24")))
			.isEqualTo(JSON.readTree("{\"source\":\"changes\",\"from\":\"2026-11-20\",\"to\":\"2026-11-24\"}"));
		assertThat(JSON.readTree(ImportWatch.request("discover", 3, false, "1990-01-01", null))).isEqualTo(JSON
			.readTree("{\"source\":\"discover\",\"maxPages\":3,\"filters\":{\"releaseDateFrom\":\"1990-01-01\"}}"));
	}

	@Test
	void aWatchFromTheStartCountsEverything() {
		String line = ImportWatch.progressLine(view(25, 0, 500), view(0, 0, 0), Duration.ofSeconds(5));

		assertThat(line).contains("25% pages 25/100", " 100 movies/s", "ETA 15s");
	}

	@Test
	void followingAnImportTheGatewayDoesNotKnowSaysSoInsteadOfPrintingAnEmptySummary() throws Exception {
		UUID id = UUID.randomUUID();
		byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
				+ "\"detail\":\"No import with id " + id + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/api/imports/", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			exchange.sendResponseHeaders(404, problem.length);
			exchange.getResponseBody().write(problem);
			exchange.close();
		});
		gateway.start();
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try {
			ImportWatch watch = new ImportWatch("http://127.0.0.1:" + gateway.getAddress().getPort(),
					new PrintStream(printed, true, StandardCharsets.UTF_8), false);

			assertThatExceptionOfType(FleetException.class).isThrownBy(() -> watch.follow(id, Duration.ofSeconds(5)))
				.withMessage("No import with id " + id);
			assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
		}
		finally {
			gateway.stop(0);
		}
	}

	private static JsonNode view(int fetched, int failed, int persisted) {
		return JSON.createObjectNode()
			.put("id", "7d4f5a52-0f43-4e63-9d1e-3b0f6f3f4c11")
			.put("status", "RUNNING")
			.put("pagesTotal", 100)
			.put("pagesFetched", fetched)
			.put("pagesFailed", failed)
			.put("moviesPersisted", persisted)
			.put("moviesExpected", 2000);
	}

}
