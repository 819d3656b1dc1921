package org.tmdbfleet.fetch;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Fetch worker: plans imports and pages through TMDB, one event per movie. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FetchWorkerApplication {

	public static final String CONFIG_NAME = "fetch-worker,application";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The service reads {@code fetch-worker.yml} (then an operator's {@code application.yml}), so
	 * that several services can share one JVM, as the end-to-end tests do.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(FetchWorkerApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

	/**
	 * The time the service lives by: UTC, from the system. The end-to-end tests put a clock of
	 * their own in its place, which follows the simulated TMDB's days.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
