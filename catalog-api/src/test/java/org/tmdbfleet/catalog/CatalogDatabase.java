package org.tmdbfleet.catalog;

import org.flywaydb.core.Flyway;
import org.tmdbfleet.common.testing.TestDatabase;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database with the fleet's schema, as the writers' migrations leave it: the catalog API
 * runs no migration of its own, it reads what the gateway and the workers created.
 */
public final class CatalogDatabase {

	/**
	 * For a test's {@code @SpringBootTest(properties)}: the schema's module brings Kafka onto the
	 * test class path, which the catalog API never uses; left on, its auto-configuration would
	 * look for a broker on localhost:9092 for a minute while the context starts.
	 */
	public static final String WITHOUT_KAFKA = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
			+ "org.tmdbfleet.common.kafka.FleetKafkaAutoConfiguration";

	private final String url;

	private final JdbcTemplate jdbc;

	private CatalogDatabase(String url) {
		this.url = url;
		Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load()
			.migrate();
		this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
	}

	public static CatalogDatabase create() {
		return new CatalogDatabase(TestDatabase.newDatabase());
	}

	/** Points the catalog API under test at this database (with {@link #WITHOUT_KAFKA} among its properties). */
	public void register(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> this.url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	public String url() {
		return this.url;
	}

	/** Writes as the persist workers would; tests arrange the stored catalog through it. */
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

}
