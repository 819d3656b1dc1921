package org.tmdbfleet.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one JVM), from the
 * jars the {@code kafka-broker} module copies out of Maven Central. Its storage is formatted
 * once and kept under {@code <home>/kafka}, so topics and offsets survive a restart.
 */
final class KafkaBroker {

	static final String STARTED = "Kafka Server started";

	private final FleetSettings settings;

	private final Path directory;

	KafkaBroker(FleetSettings settings) {
		this.settings = settings;
		this.directory = settings.home().resolve("kafka");
	}

	Instance instance(Path log) {
		return new Instance("kafka", settings.kafkaPort(), "FLEET_KAFKA_PORT",
				List.of(settings.java().toString(), "-Xms256m", "-Xmx1g", "-XX:+UseSerialGC",
						"-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"), "-cp", classpath(),
						"kafka.Kafka", directory.resolve("server.properties").toString()),
				java.util.Map.of(), HealthChecks.listeningWithLogLine(settings.kafkaPort(), log, STARTED),
				settings.kafkaBootstrap());
	}

	/** Writes the configuration and formats the storage the first time. */
	void prepare() {
		try {
			Files.createDirectories(directory.resolve("data"));
			Files.writeString(directory.resolve("server.properties"), serverProperties());
			Files.writeString(directory.resolve("log4j2.properties"), LOG4J2);
			if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
				format();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void format() throws IOException {
		Process format = new ProcessBuilder(settings.java().toString(),
				"-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"), "-cp", classpath(),
				"kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId(), "-c",
				directory.resolve("server.properties").toString())
			.redirectErrorStream(true)
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
		int kafka = settings.kafkaPort();
		int controller = settings.controllerPort();
		return """
				# written by ./fleet on every start
				process.roles=broker,controller
				node.id=1
				listeners=PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d
				advertised.listeners=PLAINTEXT://localhost:%d
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				controller.quorum.bootstrap.servers=localhost:%d
				log.dirs=%s
				num.partitions=12
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(kafka, controller, kafka, controller, directory.resolve("data"));
	}

	/** Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding. */
	/**
	 * 16 random bytes in URL-safe base64, like Kafka's own ids, and like them never starting with
	 * '-': the storage tool would read such an id as an option (1 format in 64 failed so).
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
