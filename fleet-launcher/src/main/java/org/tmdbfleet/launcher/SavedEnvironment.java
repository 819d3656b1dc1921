package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The fleet's own variables ({@code FLEET_*}, Kafka, database and TMDB locations) as they were
 * when the fleet was started, kept in {@code <home>/environment.properties} while it runs.
 * Credentials are not kept: they are read from the environment of each command — except the
 * catalog API's keys ({@code FLEET_CATALOG_KEYS}), kept so that every catalog instance the fleet
 * starts, at {@code up} or at a later {@code scale}, answers the same clients. Only the owner may
 * read the file.
 */
final class SavedEnvironment {

	private static final String FILE = "environment.properties";

	private SavedEnvironment() {
	}

	static void save(Path home, Map<String, String> env) {
		Properties saved = new Properties();
		env.forEach((name, value) -> {
			if (name.startsWith("FLEET_") || name.equals("SPRING_KAFKA_BOOTSTRAP_SERVERS")
					|| name.equals("SPRING_DATASOURCE_URL") || name.equals("SPRING_DATASOURCE_USERNAME")
					|| name.equals("TMDB_BASE_URL")) {
				saved.setProperty(name, value);
			}
		});
		Path file = home.resolve(FILE);
		try (Writer writer = Files.newBufferedWriter(file)) {
			if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------")); // before the keys
			}
			saved.store(writer, "the environment ./fleet up ran with; removed by ./fleet down");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The saved variables plus this process's credentials, or null when no fleet runs here. */
	static Map<String, String> whileRunning(Path home) {
		Path file = home.resolve(FILE);
		if (!Files.exists(file) || !anyRunning(home)) {
			return null;
		}
		Properties saved = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			saved.load(reader);
		}
		catch (IOException ex) {
			return null;
		}
		Map<String, String> env = new HashMap<>();
		saved.stringPropertyNames().forEach(name -> env.put(name, saved.getProperty(name)));
		Stream.of("SPRING_DATASOURCE_PASSWORD", "TMDB_API_KEY", "TMDB_READ_TOKEN", "FLEET_API_TOKEN")
			.filter(name -> System.getenv(name) != null)
			.forEach(name -> env.put(name, System.getenv(name)));
		env.put("FLEET_HOME", home.toString());
		return env;
	}

	static void forget(Path home) {
		try {
			Files.deleteIfExists(home.resolve(FILE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean anyRunning(Path home) {
		ProcessRegistry registry = new ProcessRegistry(home);
		return registry.names().stream().anyMatch(name -> registry.find(name).isPresent());
	}

}
