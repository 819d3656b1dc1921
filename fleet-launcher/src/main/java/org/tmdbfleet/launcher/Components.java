package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** How each kind of instance is started: command line, environment, port and health check. */
final class Components {

	private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError");

	private final FleetSettings settings;

	private final ProcessRegistry registry;

	Components(FleetSettings settings, ProcessRegistry registry) {
		this.settings = settings;
		this.registry = registry;
	}

	/**
	 * The kinds of instance that run one of the fleet's services, and the service (its module, and
	 * its Prometheus scrape job, as in docker-compose).
	 */
	static final Map<String, String> SERVICES = new LinkedHashMap<>();

	static {
		SERVICES.put("gateway", "api-gateway");
		SERVICES.put("fetch", "fetch-worker");
		SERVICES.put("persist", "persist-worker");
		SERVICES.put("simulator", "tmdb-simulator");
		SERVICES.put("catalog", "catalog-api");
	}

	Instance of(String name) {
		return switch (kind(name)) {
			case "kafka" -> KafkaBroker.named(settings, name).instance(registry.log(name));
			case "postgres" -> postgres();
			case "simulator" -> service(name, SERVICES.get("simulator"), settings.simulatorPort(),
					"FLEET_SIMULATOR_PORT", simulatorClock());
			case "gateway" -> service(name, SERVICES.get("gateway"), settings.gatewayPort(), "FLEET_GATEWAY_PORT",
					kafkaAnd(database()));
			case "fetch" -> service(name, SERVICES.get("fetch"), settings.fetchBasePort() + index(name),
					"FLEET_FETCH_BASE_PORT", kafkaAnd(tmdb()));
			case "persist" -> service(name, SERVICES.get("persist"), settings.persistBasePort() + index(name),
					"FLEET_PERSIST_BASE_PORT", kafkaAnd(database()));
			case "catalog" -> service(name, SERVICES.get("catalog"), settings.catalogPort() + index(name) - 1,
					"FLEET_CATALOG_PORT", catalog());
			case "prometheus" -> new Prometheus(settings).instance();
			default -> throw new FleetException("Unknown instance " + name);
		};
	}

	static String kind(String name) {
		int dash = name.lastIndexOf('-');
		return dash > 0 && name.substring(dash + 1).chars().allMatch(Character::isDigit) ? name.substring(0, dash)
				: name;
	}

	static int index(String name) {
		return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
	}

	private Instance postgres() {
		Path directory = settings.home().resolve("postgres");
		Path marker = directory.resolve("ready");
		List<String> command = new ArrayList<>(self());
		command.addAll(List.of("_postgres", directory.resolve("data").toString(),
				Integer.toString(settings.postgresPort()), marker.toString()));
		return new Instance("postgres", settings.postgresPort(), "FLEET_POSTGRES_PORT", command, Map.of(),
				HealthChecks.listeningWithMarker(settings.postgresPort(), marker), settings.databaseUrl());
	}

	private Instance service(String name, String module, int port, String portVariable, Map<String, String> extra) {
		Map<String, String> environment = new HashMap<>(settings.serviceEnvironment());
		environment.putAll(extra);
		environment.put("SERVER_PORT", Integer.toString(port));
		List<String> command = new ArrayList<>();
		command.add(settings.java().toString());
		command.addAll(SERVICE_JVM);
		command.add("-Dfleet.instance=" + name);
		command.addAll(List.of("-jar", jar(module).toString()));
		String url = "http://localhost:" + port;
		return new Instance(name, port, portVariable, command, environment, HealthChecks.actuator(url), url);
	}

	/** The services that talk through Kafka; the simulator and the catalog API do not. */
	private Map<String, String> kafkaAnd(Map<String, String> extra) {
		Map<String, String> environment = new HashMap<>(extra);
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
		return environment;
	}

	private Map<String, String> database() {
		return Map.of("SPRING_DATASOURCE_URL", settings.databaseUrl(), "SPRING_DATASOURCE_USERNAME",
				settings.databaseUser(), "SPRING_DATASOURCE_PASSWORD", settings.databasePassword());
	}

	/**
	 * The catalog API reads the database only. Its keys are the fleet's, whatever the shell that
	 * starts an instance says: every instance answers the same clients.
	 */
	private Map<String, String> catalog() {
		Map<String, String> environment = new HashMap<>(database());
		environment.put("FLEET_CATALOG_KEYS", settings.catalogKeys());
		return environment;
	}

	/**
	 * The simulated TMDB's clock starts at the fleet's own time (UTC), as the real one's would be:
	 * the changes of "the last 24 hours" and the newest daily export are today's. A
	 * {@code SIMULATOR_TODAY} or {@code SIMULATOR_TIME} of the user's wins.
	 */
	private Map<String, String> simulatorClock() {
		Map<String, String> environment = new HashMap<>();
		Map<String, String> user = System.getenv();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		if (!user.containsKey("SIMULATOR_TODAY")) {
			environment.put("SIMULATOR_TODAY", now.toLocalDate().toString());
		}
		if (!user.containsKey("SIMULATOR_TIME")) {
			environment.put("SIMULATOR_TIME", now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
		}
		return environment;
	}

	private Map<String, String> tmdb() {
		Map<String, String> environment = new HashMap<>();
		environment.put("TMDB_BASE_URL", settings.tmdbUrl());
		if (settings.ownsSimulator()) {
			environment.put("TMDB_EXPORTS_URL", settings.tmdbUrl()); // the simulator serves the exports too
		}
		environment.put("TMDB_API_KEY", settings.effectiveTmdbApiKey());
		environment.put("TMDB_READ_TOKEN", settings.tmdbReadToken());
		return environment;
	}

	/** The service's executable jar, as {@code ./mvnw package} leaves it. */
	Path jar(String module) {
		Path target = settings.repository().resolve(module).resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new FleetException(
						"No executable jar in " + target + ": build with ./mvnw -DskipTests package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** This launcher as a command: the exec jar {@code ./fleet} runs, or the test's classpath. */
	private List<String> self() {
		String jar = System.getProperty("fleet.launcher.jar");
		if (jar != null) {
			return List.of(settings.java().toString(), "-Xmx256m", "-jar", jar);
		}
		return List.of(settings.java().toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				FleetCommand.class.getName());
	}

}
