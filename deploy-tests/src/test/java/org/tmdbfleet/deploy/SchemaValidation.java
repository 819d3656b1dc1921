package org.tmdbfleet.deploy;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Every object against the schema of its API, chosen by its {@code apiVersion}: core Kubernetes
 * ({@link CoreSchemas}), Strimzi ({@link StrimziSchemas}), KEDA, CloudNativePG and the Prometheus
 * operator ({@link NodeSchemas}). An API with none of them is an error, never a skip.
 */
final class SchemaValidation {

	private SchemaValidation() {
	}

	/** The errors of each object that has some; an empty map when all are valid. */
	static Map<JsonNode, List<String>> errors(List<? extends JsonNode> objects) {
		Map<JsonNode, List<String>> errors = new IdentityHashMap<>();
		List<JsonNode> forNode = new ArrayList<>();
		for (JsonNode object : objects) {
			String apiVersion = object.path("apiVersion").asString("");
			List<String> found = new ArrayList<>(CoreSchemas.metadataErrors(object));
			if (CoreSchemas.covers(apiVersion)) {
				found.addAll(CoreSchemas.errors(object));
			}
			else if (CoreSchemas.group(apiVersion).equals("kafka.strimzi.io")) {
				found.addAll(StrimziSchemas.errors(object));
			}
			else if (NodeSchemas.covers(apiVersion)) {
				forNode.add(object);
			}
			else {
				found.add("no schema for " + apiVersion + " " + object.path("kind").asString());
			}
			if (!found.isEmpty()) {
				errors.put(object, found);
			}
		}
		List<List<String>> nodeErrors = NodeSchemas.errors(forNode);
		for (int i = 0; i < forNode.size(); i++) {
			if (!nodeErrors.get(i).isEmpty()) {
				errors.computeIfAbsent(forNode.get(i), object -> new ArrayList<>()).addAll(nodeErrors.get(i));
			}
		}
		return errors;
	}

}
