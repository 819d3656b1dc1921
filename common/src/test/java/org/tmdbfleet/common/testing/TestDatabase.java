package org.tmdbfleet.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for tests: one embedded server starts per JVM and every caller gets a
 * fresh database in it, so test classes never see each other's rows.
 */
public final class TestDatabase {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static EmbeddedPostgres server;

	private TestDatabase() {
	}

	/** Points a Spring test context at a fresh database: {@code TestDatabase::register}. */
	public static void register(DynamicPropertyRegistry registry) {
		String url = newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/** Creates an empty database and returns its JDBC URL (user and password {@code postgres}). */
	public static synchronized String newDatabase() {
		String name = "fleet_test_" + COUNTER.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// as the fleet's own: a UTF-8 character type, so pg_trgm finds words in every script
			statement.execute("create database " + name + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
		}
		return server;
	}

}
