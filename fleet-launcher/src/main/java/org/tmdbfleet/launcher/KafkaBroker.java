package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Apache Kafka node in KRaft combined mode (broker and controller in one JVM), from the
 * jars the {@code kafka-broker} module copies out of Maven Central: the fleet's single broker
 * {@code kafka}, or node {@code kafka-N} of a three-node cluster ({@code ./fleet up --brokers 3}).
 * Its storage is formatted once and kept under {@code <home>/<name>}, so topics and offsets
 * survive a restart.
 */
final class KafkaBroker {

	static final String STARTED = "Kafka Server started";

	private final FleetSettings settings;

	private final int node;

	private final String name;

	private final Path directory;

	private KafkaBroker(FleetSettings settings, int node) {
		this.settings = settings;
		this.node = node;
		this.name = settings.kafkaBrokers() == 1 ? "kafka" : "kafka-" + node;
		this.directory = settings.home().resolve(name);
	}

	/** Every node the settings ask for: {@code kafka}, or {@code kafka-1} … {@code kafka-N}. */
	static List<KafkaBroker> all(FleetSettings settings) {
		return IntStream.rangeClosed(1, settings.kafkaBrokers()).mapToObj(node -> new KafkaBroker(settings, node)).toList();
	}

	static KafkaBroker named(FleetSettings settings, String name) {
		return all(settings).stream()
			.filter(broker -> broker.name.equals(name))
			.findFirst()
			.orElseThrow(() -> new FleetException("This fleet has no Kafka node " + name + " ("
					+ settings.kafkaBrokers() + " broker(s): " + all(settings).stream().map(KafkaBroker::name).toList()
					+ ")"));
	}

	/**
	 * Writes every node's configuration and formats the storage of those never formatted, all with
	 * one cluster id: the one a node already has, else a new one.
	 */
	static void prepareAll(FleetSettings settings) {
		List<KafkaBroker> nodes = all(settings);
		String clusterId = nodes.stream()
			.map(KafkaBroker::formattedClusterId)
			.filter(id -> id != null)
			.findFirst()
			.orElseGet(KafkaBroker::clusterId);
		nodes.forEach(broker -> broker.prepare(clusterId));
	}

	String name() {
		return name;
	}

	Instance instance(Path log) {
		int port = settings.kafkaPort(node);
		List<String> command = new ArrayList<>(List.of(settings.java().toString()));
		// three nodes share the machine with the fleet: each gets half the single broker's heap
		command.addAll(settings.kafkaBrokers() == 1 ? List.of("-Xms256m", "-Xmx1g") : List.of("-Xms128m", "-Xmx512m"));
		command.addAll(List.of("-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
				"-cp", classpath(), "kafka.Kafka", directory.resolve("server.properties").toString()));
		return new Instance(name, port, "FLEET_KAFKA_PORT", command, Map.of(),
				HealthChecks.listeningWithLogLine(port, log, STARTED), "localhost:" + port);
	}

	/** Writes the configuration and formats the storage the first time. */
	private void prepare(String clusterId) {
		try {
			Files.createDirectories(directory.resolve("data"));
			Files.writeString(directory.resolve("server.properties"), serverProperties());
			Files.writeString(directory.resolve("log4j2.properties"), LOG4J2);
			if (formattedClusterId() == null) {
				format(clusterId);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The cluster id this node's storage was formatted with, or null if it never was. */
	private String formattedClusterId() {
		Path meta = directory.resolve("data").resolve("meta.properties");
		if (!Files.exists(meta)) {
			return null;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(meta)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("cluster.id");
	}

	private void format(String clusterId) throws IOException {
		List<String> command = new ArrayList<>(List.of(settings.java().toString(),
				"-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"), "-cp", classpath(),
				"kafka.tools.StorageTool", "format"));
		if (settings.kafkaBrokers() == 1) {
			command.add("--standalone"); // a dynamic quorum of one; a cluster lists its static voters instead
		}
		command.addAll(List.of("-t", clusterId, "-c", directory.resolve("server.properties").toString()));
		Process format = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("format.log").toFile()))
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new FleetException("Formatting Kafka's storage failed; see " + directory.resolve("format.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FleetException("Interrupted while formatting Kafka's storage");
		}
	}

	private String classpath() {
		Path libs = settings.repository().resolve("kafka-broker").resolve("target").resolve("libs");
		if (!Files.isDirectory(libs)) {
			throw new FleetException("Kafka's jars are missing at " + libs + ": build with ./mvnw -DskipTests package");
		}
		return libs + "/*";
	}

	private String serverProperties() {
		int kafka = settings.kafkaPort(node);
		int controller = settings.controllerPort(node);
		String common = """
				# written by ./fleet on every start
				process.roles=broker,controller
				node.id=%d
				listeners=PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d
				advertised.listeners=PLAINTEXT://localhost:%d
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%s
				num.partitions=12
				group.initial.rebalance.delay.ms=0
				""".formatted(node, kafka, controller, kafka, directory.resolve("data"));
		if (settings.kafkaBrokers() == 1) {
			return common + """
					controller.quorum.bootstrap.servers=localhost:%d
					offsets.topic.replication.factor=1
					transaction.state.log.replication.factor=1
					transaction.state.log.min.isr=1
					share.coordinator.state.topic.replication.factor=1
					share.coordinator.state.topic.min.isr=1
					""".formatted(controller);
		}
		String voters = IntStream.rangeClosed(1, settings.kafkaBrokers())
			.mapToObj(voter -> voter + "@localhost:" + settings.controllerPort(voter))
			.collect(Collectors.joining(","));
		// every topic, the services' and Kafka's own, on three nodes; a write is acknowledged once
		// two hold it, so one node may be down (docs/notes/kafka-cluster.md)
		return common + """
				controller.quorum.voters=%s
				default.replication.factor=3
				min.insync.replicas=2
				offsets.topic.replication.factor=3
				transaction.state.log.replication.factor=3
				transaction.state.log.min.isr=2
				share.coordinator.state.topic.replication.factor=3
				share.coordinator.state.topic.min.isr=2
				""".formatted(voters);
	}

	/**
	 * Kafka's cluster id format: 16 random bytes in URL-safe base64 without padding, and like
	 * Kafka's own ids never starting with '-': the storage tool would read such an id as an option
	 * (1 format in 64 failed so).
	 */
	static String clusterId() {
		SecureRandom random = new SecureRandom();
		byte[] bytes = new byte[16];
		String id;
		do {
			random.nextBytes(bytes);
			id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		while (id.startsWith("-"));
		return id;
	}

	private static final String LOG4J2 = """
			status = warn
			appender.console.type = Console
			appender.console.name = STDOUT
			appender.console.layout.type = PatternLayout
			appender.console.layout.pattern = [%d] %p %m (%c)%n
			rootLogger.level = INFO
			rootLogger.appenderRef.stdout.ref = STDOUT
			logger.state.name = state.change.logger
			logger.state.level = WARN
			logger.request.name = kafka.request.logger
			logger.request.level = WARN
			""";

}
