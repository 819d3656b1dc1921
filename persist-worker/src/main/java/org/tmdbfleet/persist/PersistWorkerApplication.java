package org.tmdbfleet.persist;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Persist worker: batches of fetched movies into PostgreSQL, idempotently. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PersistWorkerApplication {

	public static final String CONFIG_NAME = "persist-worker,application";

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The service reads {@code persist-worker.yml} (then an operator's {@code application.yml}), so
	 * that several services can share one JVM, as the end-to-end tests do.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(PersistWorkerApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
		return application;
	}

}
