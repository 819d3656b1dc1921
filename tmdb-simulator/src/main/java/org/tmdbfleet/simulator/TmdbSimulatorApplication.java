package org.tmdbfleet.simulator;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A TMDB-compatible HTTP server over a deterministic, seeded movie catalog. Other modules' tests
 * start it in-process with {@code TmdbSimulatorApplication.application().run("--server.port=0")}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TmdbSimulatorApplication {

	public static final String CONFIG_NAME = "tmdb-simulator,application";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The simulator reads {@code tmdb-simulator.yml} (then an operator's {@code application.yml}),
	 * so that it can share a JVM with the fleet's services, as the end-to-end tests do. Settings
	 * given as {@code --arguments} to {@code run} override the file.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(TmdbSimulatorApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
