package org.tmdbfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tmdbfleet.common.kafka.Topics;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the manifests must agree with, read from the services themselves: their
 * {@code @KafkaListener}s (consumer group and topic) and the defaults in their
 * {@code <module>/src/main/resources/<module>.yml}.
 */
final class FleetSources {

	static final List<String> SERVICES = List.of("api-gateway", "fetch-worker", "persist-worker", "catalog-api",
			"tmdb-simulator");

	private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\((.*?)\\)\\s*\\n\\s*(?:public\\s+)?void",
			Pattern.DOTALL);

	private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern TOPIC = Pattern.compile("\\btopics\\s*=\\s*Topics\\.(\\w+)");

	private static final YAMLMapper YAML = new YAMLMapper();

	private FleetSources() {
	}

	/**
	 * A {@code @KafkaListener} of a service.
	 *
	 * @param module the service (its Deployment's name)
	 * @param group the consumer group: the listener's id
	 * @param topic the topic it reads
	 */
	record Listener(String module, String group, String topic) {
	}

	static List<Listener> listeners() {
		List<Listener> listeners = new ArrayList<>();
		for (String module : SERVICES) {
			for (Path source : javaSources(module)) {
				Matcher listener = LISTENER.matcher(read(source));
				while (listener.find()) {
					Matcher id = ID.matcher(listener.group(1));
					Matcher topic = TOPIC.matcher(listener.group(1));
					if (!id.find() || !topic.find()) {
						throw new AssertionError("a @KafkaListener without id = \"...\" or topics = Topics.X in " + source
								+ ": name its consumer group and topic so the manifests can be checked against them");
					}
					listeners.add(new Listener(module, id.group(1), topic(topic.group(1))));
				}
			}
		}
		return List.copyOf(listeners);
	}

	/** A property of a service's own configuration file, by its dotted name; null when absent. */
	static JsonNode property(String module, String name) {
		JsonNode node = YAML.readTree(read(Tools.REPOSITORY.resolve(module + "/src/main/resources/" + module + ".yml")));
		for (String part : name.split("\\.")) {
			node = node.path(part);
		}
		return node.isMissingNode() ? null : node;
	}

	/** The lines of a service's Java sources that name something, e.g. {@code Topics.IMPORTS}. */
	static List<String> linesMentioning(String module, String text) {
		return javaSources(module).stream()
			.flatMap(source -> read(source).lines())
			.filter(line -> line.contains(text))
			.toList();
	}

	/** The environment variable Boot binds to a property: {@code fleet.fetch.planner-concurrency} -> FLEET_FETCH_PLANNERCONCURRENCY. */
	static String environmentName(String property) {
		return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
	}

	private static String topic(String constant) {
		try {
			return (String) Topics.class.getField(constant).get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError("Topics." + constant + " is not a topic of common's Topics", ex);
		}
	}

	private static List<Path> javaSources(String module) {
		try (Stream<Path> files = Files.walk(Tools.REPOSITORY.resolve(module + "/src/main/java"))) {
			return files.filter(file -> file.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
