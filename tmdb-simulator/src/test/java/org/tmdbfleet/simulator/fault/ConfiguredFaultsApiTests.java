package org.tmdbfleet.simulator.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.simulator.SimulatorClient;
import org.tmdbfleet.simulator.TmdbSimulatorApplication;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults given at start, as a test of another module would give them, hold from the first request on. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=" + TmdbSimulatorApplication.CONFIG_NAME, "simulator.catalog-size=2000",
				"simulator.error-rates.502=1", "simulator.fault-pages=7,8", "simulator.latency-jitter=5ms",
				"simulator.slow-delay=3s", "simulator.movie-faults.551=foreign_not_found" })
class ConfiguredFaultsApiTests {

	@LocalServerPort
	int port;

	@AfterEach
	void restoreConfiguredFaults() {
		new SimulatorClient(port).delete("/admin/faults");
	}

	@Test
	void configuredFaultsHitTheTargetedPagesFromTheStart() {
		SimulatorClient client = new SimulatorClient(port);

		assertThat(client.get("/3/movie/popular?page=8").status()).isEqualTo(502);
		assertThat(client.get("/3/movie/popular?page=8").statusCode()).isEqualTo(43);
		assertThat(client.get("/3/movie/popular?page=1").status()).isEqualTo(200);
		assertThat(client.get("/3/movie/551").status()).isEqualTo(404);
		assertThat(client.get("/3/movie/551").contentType()).startsWith("text/html");
	}

	@Test
	void theAdminApiShowsTheConfiguredFaultsAndComesBackToThem() {
		SimulatorClient client = new SimulatorClient(port);
		client.put("/admin/faults", "{\"errorRates\": {}, \"faultPages\": [], \"movieFaults\": {}}");

		JsonNode reset = client.delete("/admin/faults").json();

		assertThat(reset.get("errorRates").get("502").asDouble()).isEqualTo(1.0);
		assertThat(reset.get("faultPages").toString()).isEqualTo("[7,8]");
		assertThat(reset.get("faultMovies").isEmpty()).isTrue();
		assertThat(reset.get("movieFaults").toString()).isEqualTo("{\"551\":\"foreign_not_found\"}");
		assertThat(reset.get("latencyJitterMs").asLong()).isEqualTo(5);
		assertThat(reset.get("slowMs").asLong()).isEqualTo(3000);
		assertThat(client.get("/3/movie/popular?page=7").status()).isEqualTo(502);
	}

}
