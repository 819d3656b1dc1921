package org.tmdbfleet.fleettests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.tmdbfleet.launcher.Fleet;
import org.tmdbfleet.launcher.FleetCommand;
import org.tmdbfleet.launcher.FleetSettings;
import org.tmdbfleet.launcher.ImportWatch;
import org.tmdbfleet.launcher.PortAllocator;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet of real processes for one test class, on free ports and in its own directory, that
 * is stopped when the class ends, and also if the JVM is torn down: no process is left behind.
 */
final class RunningFleet implements AutoCloseable {

	private final Fleet fleet;

	private final Thread safetyNet;

	private final HttpClient http = HttpClient.newHttpClient();

	RunningFleet(String name, Map<String, String> serviceEnvironment) {
		this(name, 1, serviceEnvironment);
	}

	/** A fleet on one Kafka broker, or on a cluster of three ({@code kafka-1} … {@code kafka-3}). */
	RunningFleet(String name, int kafkaBrokers, Map<String, String> serviceEnvironment) {
		Path repository = Path.of(System.getProperty("fleet.repository", "..")).toAbsolutePath().normalize();
		Path home = repository.resolve("fleet-tests").resolve("target").resolve("fleets").resolve(name);
		deleteRecursively(home);
		FleetSettings settings = FleetSettings.isolated(repository, home, PortAllocator.random())
			.withKafkaBrokers(kafkaBrokers)
			.withServiceEnvironment(serviceEnvironment);
		PrintStream out = System.out;
		this.fleet = new Fleet(settings, out);
		this.safetyNet = new Thread(fleet::down, "fleet-safety-net");
		Runtime.getRuntime().addShutdownHook(safetyNet);
	}

	Fleet fleet() {
		return fleet;
	}

	UUID startImport(String source, int pages) {
		return startImport(ImportWatch.request(source, pages, false, null, null));
	}

	UUID startImport(String requestJson) {
		return watch().start(requestJson);
	}

	JsonNode follow(UUID id, Duration patience) {
		return watch().follow(id, patience);
	}

	JsonNode view(UUID id) {
		return watch().view(id);
	}

	/**
	 * The import ended as a user wants it: COMPLETED, every page fetched, its counters equal to the
	 * rows in PostgreSQL, each movie it listed stored once.
	 */
	void assertExact(JsonNode end, UUID id, int pages) {
		assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(end.path("pagesFetched").asInt()).isEqualTo(pages);
		long expected = count("select count(*) from import_items where import_id = ? and listed", id);
		assertThat(end.path("moviesExpected").asLong()).isEqualTo(expected);
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(expected);
		assertThat(count("select count(*) from import_items where import_id = ?", id)).isEqualTo(expected);
		assertThat(count("""
				select count(*) from movies where tmdb_id in (select tmdb_id from import_items where import_id = ?)""",
				id))
			.isEqualTo(expected);
		assertThat(count("select count(*) from import_pages where import_id = ?", id)).isEqualTo(pages);
	}

	void awaitPersistedAtLeast(UUID id, long movies) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (view(id).path("moviesPersisted").asLong() < movies && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(200));
		}
	}

	/** Prints where the import stands, for the test's log. */
	void report(String moment, UUID id) {
		JsonNode view = view(id);
		System.out.println(moment + ": " + view.path("status") + " pages " + view.path("pagesFetched") + "/"
				+ view.path("pagesTotal") + ", movies " + view.path("moviesPersisted"));
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long count(String sql, Object... args) {
		try (Connection connection = DriverManager.getConnection(fleet.settings().databaseUrl(), "postgres", "postgres");
				var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	/** The sum of a Prometheus metric's samples, as the instance reports it now. */
	double metric(String instance, String metric) {
		String text = get(fleet.url(instance) + "/actuator/prometheus");
		return text.lines()
			.filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** Sets the simulator's faults ({@code PUT /admin/faults}); null switches them all off. */
	void tmdbFaults(String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fleet.url("simulator") + "/admin/faults"));
		send(json == null ? request.DELETE().build()
				: request.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString(json))
					.build());
	}

	/** Runs {@code ./fleet ARGS} against this fleet; answers its exit status. */
	int command(String... args) {
		try {
			return new FleetCommand(System.out, fleet).run(args);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs {@code ./fleet ARGS} against this fleet; answers what it printed. */
	String commandOutput(String... args) {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try {
			new FleetCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), fleet).run(args);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return printed.toString(StandardCharsets.UTF_8);
	}

	/** The HTTP status of a GET of {@code path} on the instance. */
	int status(String instance, String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(fleet.url(instance) + path)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** POSTs JSON to the gateway as a user would; answers the body. */
	String post(String path, String json) {
		return postForResponse(path, json).body();
	}

	/** POSTs JSON to the gateway as a user would; answers the whole response. */
	HttpResponse<String> postForResponse(String path, String json) {
		return exchange(HttpRequest.newBuilder(URI.create(fleet.gatewayUrl() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private String get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).build());
	}

	private String send(HttpRequest request) {
		return exchange(request).body();
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private ImportWatch watch() {
		return new ImportWatch(fleet.gatewayUrl(), System.out, false);
	}

	@Override
	public void close() {
		fleet.down();
		Runtime.getRuntime().removeShutdownHook(safetyNet);
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
