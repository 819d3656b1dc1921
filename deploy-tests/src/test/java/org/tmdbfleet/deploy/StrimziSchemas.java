package org.tmdbfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Strimzi's {@code kafka.strimzi.io/v1} resources against the CRDs Strimzi itself ships:
 * generated here from its API classes ({@code io.strimzi:api}) by its own generator
 * ({@code io.strimzi:crd-generator}), in a child JVM (the generator exits the JVM it runs in).
 * Made strict as the API server is with field validation: an object schema that lists its
 * properties and does not preserve unknown fields refuses any other.
 */
final class StrimziSchemas {

	static final String API_VERSION = "kafka.strimzi.io/v1";

	private static final Map<String, String> CLASSES = Map.of("Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
			"KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool", "KafkaTopic",
			"io.strimzi.api.kafka.model.topic.KafkaTopic");

	private static final YAMLMapper YAML = new YAMLMapper();

	private static Map<String, Schema> schemas;

	private StrimziSchemas() {
	}

	static List<String> errors(JsonNode object) {
		String kind = object.path("kind").asString();
		Schema schema = schemas().get(kind);
		if (!API_VERSION.equals(object.path("apiVersion").asString()) || schema == null) {
			return List.of("no schema for " + object.path("apiVersion").asString() + " " + kind);
		}
		return schema.validate(object).stream().map(Object::toString).toList();
	}

	private static synchronized Map<String, Schema> schemas() {
		if (schemas == null) {
			try {
				Path directory = Files.createDirectories(Path.of("target/strimzi-crds").toAbsolutePath());
				List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
						"-cp", System.getProperty("java.class.path"), "io.strimzi.crdgenerator.CrdGenerator", "--yaml",
						"--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1"));
				CLASSES.forEach((kind, type) -> command.add(type + "=" + directory.resolve(kind + ".yaml")));
				Tools.run(directory, command);
				Map<String, Schema> loaded = new java.util.HashMap<>();
				for (String kind : CLASSES.keySet()) {
					loaded.put(kind, schema(YAML.readTree(directory.resolve(kind + ".yaml").toFile())));
				}
				schemas = Map.copyOf(loaded);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return schemas;
	}

	private static Schema schema(JsonNode crd) {
		for (JsonNode version : crd.path("spec").path("versions")) {
			if ("v1".equals(version.path("name").asString())) {
				JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
				strict(schema);
				return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
			}
		}
		throw new IllegalStateException("no v1 in the CRD of " + crd.path("spec").path("names").path("kind"));
	}

	private static void strict(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties")
					&& !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
				object.put("additionalProperties", false);
			}
			object.properties().forEach(entry -> strict(entry.getValue()));
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(StrimziSchemas::strict);
		}
	}

}
