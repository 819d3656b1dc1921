package org.tmdbfleet.persist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Persist worker: batches of fetched movies into PostgreSQL, idempotently. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PersistWorkerApplication {

	public static void main(String[] args) {
		SpringApplication.run(PersistWorkerApplication.class, args);
	}

}
