package org.tmdbfleet.simulator;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.tmdbfleet.simulator.catalog.Catalog;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Starts the simulator the two ways it is meant to run, outside any test slice. */
class TmdbSimulatorApplicationTests {

	@Test
	void argumentsOverrideItsConfigFile() {
		try (ConfigurableApplicationContext context = TmdbSimulatorApplication.application()
			.run("--server.port=0", "--simulator.catalog-size=2000", "--simulator.api-key=other-key")) {
			SimulatorClient client = new SimulatorClient(port(context));

			assertThat(client.getWith("/3/movie/popular?api_key=other-key").json().get("total_results").asInt())
				.as("the 2,000 movies but the adult titles, listed by no list").isEqualTo(listed(context));
			assertThat(client.get("/3/movie/popular").status()).isEqualTo(401);
		}
	}

	@Test
	void readsItsOwnConfigFile() {
		try (ConfigurableApplicationContext context = TmdbSimulatorApplication.application().run("--server.port=0")) {
			SimulatorClient client = new SimulatorClient(port(context));

			assertThat(context.getEnvironment().getProperty("server.port")).isEqualTo("0");
			assertThat(context.getBean(SimulatorProperties.class).today()).hasToString("2026-11-24");
			assertThat(context.getBean(Catalog.class).size()).isEqualTo(50_000);
			assertThat(client.get("/3/movie/popular").json().get("total_results").asInt()).isEqualTo(listed(context));
		}
	}

	@Test
	void refusesToStartWithFaultsItCannotInject() {
		assertThatException()
			.isThrownBy(() -> TmdbSimulatorApplication.application()
				.run("--server.port=0", "--simulator.catalog-size=100", "--simulator.error-rates.418=0.5"))
			.withStackTraceContaining("errorRates takes the statuses 500, 502, 503 and 504, not 418");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The catalog's movies any list shows: all but the adult titles. */
	private static int listed(ConfigurableApplicationContext context) {
		Catalog catalog = context.getBean(Catalog.class);
		return (int) IntStream.range(0, catalog.size()).filter(index -> !catalog.adult(index)).count();
	}

}
