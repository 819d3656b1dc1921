package org.tmdbfleet.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects {@code kubectl kustomize} rendered for the base with some components, in
 * namespace {@link #NAMESPACE}.
 *
 * @param components the components rendered over the base
 * @param objects every object, in rendering order
 */
record Rendering(Set<String> components, List<ObjectNode> objects) {

	static final String NAMESPACE = "tmdb-fleet";

	String name() {
		return components.isEmpty() ? "base" : "base+" + String.join("+", new TreeSet<>(components));
	}

	boolean has(String component) {
		return components.contains(component);
	}

	List<ObjectNode> ofKind(String kind) {
		return objects.stream().filter(object -> kind.equals(object.path("kind").asString())).toList();
	}

	Optional<ObjectNode> named(String kind, String name) {
		return ofKind(kind).stream().filter(object -> name.equals(name(object))).findFirst();
	}

	/** The environment a Deployment's first container gets from its ConfigMaps and literal values. */
	Map<String, String> environment(ObjectNode deployment) {
		JsonNode container = container(deployment);
		Map<String, String> environment = new LinkedHashMap<>();
		for (JsonNode source : container.path("envFrom")) {
			String configMap = source.path("configMapRef").path("name").asString("");
			named("ConfigMap", configMap).ifPresent(found -> found.path("data")
				.properties()
				.forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString())));
		}
		for (JsonNode variable : container.path("env")) {
			if (variable.has("value")) {
				environment.put(variable.path("name").asString(), variable.path("value").asString());
			}
		}
		return environment;
	}

	static String name(JsonNode object) {
		return object.path("metadata").path("name").asString("");
	}

	static JsonNode container(JsonNode deployment) {
		return deployment.path("spec").path("template").path("spec").path("containers").path(0);
	}

	@Override
	public String toString() {
		return name();
	}

}
