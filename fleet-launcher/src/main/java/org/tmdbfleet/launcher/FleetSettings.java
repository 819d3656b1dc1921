package org.tmdbfleet.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Where the fleet lives and how to reach its parts. Every port can be set by environment
 * variable; setting {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code SPRING_DATASOURCE_URL} or
 * {@code TMDB_BASE_URL} replaces the broker, the database or the simulator with the one named.
 *
 * @param repository the checkout, where the services' jars are built
 * @param home the fleet's state: pid files, logs, broker and database data ({@code .fleet/})
 * @param java the java executable the processes run on
 * @param kafkaBrokers the Kafka nodes the fleet runs: 1 ({@code kafka}) or a cluster of 3
 * ({@code kafka-1} … {@code kafka-3}; {@code FLEET_KAFKA_BROKERS}, {@code ./fleet up --brokers 3})
 * @param kafkaPort the (first) broker's port; node N of a cluster takes the N-th pair of ports
 * from {@code kafkaPort} and {@code controllerPort} on (19092/19093, 19094/19095, 19096/19097)
 * @param catalogPort the first catalog API's port; the next ones take the ports after it
 * @param catalogKeys the catalog API's keys ({@code FLEET_CATALOG_KEYS}, comma-separated; blank: open)
 * @param serviceEnvironment added to every service's environment
 */
public record FleetSettings(Path repository, Path home, Path java, int kafkaBrokers, int kafkaPort, int controllerPort,
		int postgresPort, int simulatorPort, int gatewayPort, int fetchBasePort, int persistBasePort,
		int catalogPort, int prometheusPort, String externalKafka, String externalDatabase, String databaseUser,
		String databasePassword, String externalTmdb, String tmdbApiKey, String tmdbReadToken, String catalogKeys,
		Map<String, String> serviceEnvironment) {

	/** The nodes of a Kafka cluster ({@code --brokers 3}): one may be down, two hold every write. */
	public static final int CLUSTER_SIZE = 3;

	/**
	 * The settings of {@code ./fleet}: defaults, overridden by the environment — or, while a fleet
	 * runs, the environment it was started with, so {@code status}, {@code import} and
	 * {@code down} talk to the fleet that runs whatever this shell's variables say.
	 */
	public static FleetSettings fromEnvironment(Path repository, Map<String, String> env) {
		Path home = Path.of(env.getOrDefault("FLEET_HOME", repository.resolve(".fleet").toString()));
		Map<String, String> started = SavedEnvironment.whileRunning(home);
		if (started != null) {
			env = started;
		}
		return new FleetSettings(repository, home.toAbsolutePath(), currentJava(), kafkaBrokers(env),
				port(env, "FLEET_KAFKA_PORT", 19092),
				port(env, "FLEET_KAFKA_CONTROLLER_PORT", 19093), port(env, "FLEET_POSTGRES_PORT", 15432),
				port(env, "FLEET_SIMULATOR_PORT", 8090), port(env, "FLEET_GATEWAY_PORT", 8080),
				port(env, "FLEET_FETCH_BASE_PORT", 8100), port(env, "FLEET_PERSIST_BASE_PORT", 8200),
				port(env, "FLEET_CATALOG_PORT", 8070), port(env, "FLEET_PROMETHEUS_PORT", 9090),
				blankToNull(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")), blankToNull(env.get("SPRING_DATASOURCE_URL")),
				env.getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
				env.getOrDefault("SPRING_DATASOURCE_PASSWORD", "postgres"), blankToNull(env.get("TMDB_BASE_URL")),
				env.getOrDefault("TMDB_API_KEY", ""), env.getOrDefault("TMDB_READ_TOKEN", ""),
				env.getOrDefault("FLEET_CATALOG_KEYS", ""), Map.of());
	}

	/** The same fleet on other ports and another home, for a test next to a running one. */
	public static FleetSettings isolated(Path repository, Path home, PortAllocator ports) {
		int kafka = ports.nextBlock(2 * CLUSTER_SIZE); // room for a cluster's pairs of ports
		return new FleetSettings(repository, home.toAbsolutePath(), currentJava(), 1, kafka, kafka + 1,
				ports.next(), ports.next(), ports.next(), ports.nextBlock(20), ports.nextBlock(20), ports.nextBlock(10),
				ports.next(), null, null, "postgres", "postgres", null, "", "", "", Map.of());
	}

	/** The same settings, with more environment for every service (e.g. a lower rate limit). */
	public FleetSettings withServiceEnvironment(Map<String, String> environment) {
		return new FleetSettings(repository, home, java, kafkaBrokers, kafkaPort, controllerPort, postgresPort,
				simulatorPort, gatewayPort, fetchBasePort, persistBasePort, catalogPort, prometheusPort, externalKafka,
				externalDatabase, databaseUser, databasePassword, externalTmdb, tmdbApiKey, tmdbReadToken, catalogKeys,
				Map.copyOf(environment));
	}

	/** The same settings with a single broker (1) or a cluster of three (3). */
	public FleetSettings withKafkaBrokers(int brokers) {
		return new FleetSettings(repository, home, java, validBrokers(Integer.toString(brokers)), kafkaPort,
				controllerPort, postgresPort, simulatorPort, gatewayPort, fetchBasePort, persistBasePort, catalogPort,
				prometheusPort, externalKafka, externalDatabase, databaseUser, databasePassword, externalTmdb,
				tmdbApiKey, tmdbReadToken, catalogKeys, serviceEnvironment);
	}

	boolean ownsKafka() {
		return externalKafka == null;
	}

	boolean ownsDatabase() {
		return externalDatabase == null;
	}

	boolean ownsSimulator() {
		return externalTmdb == null;
	}

	/** Every node of the fleet's own Kafka (clients need them all), or the brokers it was given. */
	public String kafkaBootstrap() {
		return ownsKafka() ? IntStream.rangeClosed(1, kafkaBrokers)
			.mapToObj(node -> "localhost:" + kafkaPort(node))
			.collect(Collectors.joining(",")) : externalKafka;
	}

	/** The client port of Kafka node 1, 2 or 3 (1 for the single broker). */
	public int kafkaPort(int node) {
		return kafkaPort + 2 * (node - 1);
	}

	int controllerPort(int node) {
		return controllerPort + 2 * (node - 1);
	}

	/** The JDBC URL of the fleet's database: the one it runs, or the one it was given. */
	public String databaseUrl() {
		return ownsDatabase() ? "jdbc:postgresql://localhost:" + postgresPort + "/tmdb_fleet" : externalDatabase;
	}

	String tmdbUrl() {
		return ownsSimulator() ? "http://localhost:" + simulatorPort : externalTmdb;
	}

	/** The simulator's key unless the user gave TMDB credentials of their own. */
	String effectiveTmdbApiKey() {
		return ownsSimulator() && tmdbApiKey.isBlank() && tmdbReadToken.isBlank() ? "simulator-key" : tmdbApiKey;
	}

	private static int kafkaBrokers(Map<String, String> env) {
		String value = env.get("FLEET_KAFKA_BROKERS");
		return value == null || value.isBlank() ? 1 : validBrokers(value.trim());
	}

	/** A single broker, or a cluster of three: the sizes the fleet is tested with. */
	private static int validBrokers(String value) {
		if (!value.equals("1") && !value.equals(Integer.toString(CLUSTER_SIZE))) {
			throw new FleetException("Kafka runs as 1 broker or a cluster of " + CLUSTER_SIZE + ", not '" + value + "'");
		}
		return Integer.parseInt(value);
	}

	private static Path currentJava() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	private static int port(Map<String, String> env, String name, int fallback) {
		String value = env.get(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new FleetException(name + " must be a port number, not '" + value + "'");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
