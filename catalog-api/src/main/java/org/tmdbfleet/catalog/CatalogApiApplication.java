package org.tmdbfleet.catalog;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The local TMDB: TMDB's own {@code /3} paths answered from PostgreSQL. It reads the database
 * only (a replica will do) and never calls TMDB or Kafka, so it keeps answering while they and
 * every worker are down.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CatalogApiApplication {

	public static final String CONFIG_NAME = "catalog-api,application";

	public static void main(String[] args) {
		application().run(args);
	}

	/** Today, for now_playing and upcoming, is the UTC date (docs/catalog-api.md). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The service reads {@code catalog-api.yml} (then an operator's {@code application.yml}), so
	 * that several services can share one JVM, as the end-to-end tests do.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(CatalogApiApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
