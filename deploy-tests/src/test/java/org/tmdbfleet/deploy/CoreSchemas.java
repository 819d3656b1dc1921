package org.tmdbfleet.deploy;

import java.util.List;
import java.util.Set;

import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import tools.jackson.databind.JsonNode;

/**
 * Core Kubernetes objects against the official client's generated models
 * ({@code io.kubernetes:client-java-api}): deserializing rejects unknown fields, missing required
 * ones and wrong types. Also checks the metadata of every object, whatever its API.
 */
final class CoreSchemas {

	/** The API groups of Kubernetes itself ("" is the core group, apiVersion {@code v1}). */
	static final Set<String> GROUPS = Set.of("", "apps", "policy", "batch", "autoscaling", "networking.k8s.io",
			"rbac.authorization.k8s.io");

	private static final JSON JSON = new JSON();

	private CoreSchemas() {
	}

	static boolean covers(String apiVersion) {
		return GROUPS.contains(group(apiVersion));
	}

	/** What is wrong with a core object; empty when it matches its API's schema. */
	static List<String> errors(JsonNode object) {
		String apiVersion = object.path("apiVersion").asString();
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		String model = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
				+ version.substring(1) + object.path("kind").asString();
		Class<?> type;
		try {
			type = Class.forName(model);
		}
		catch (ClassNotFoundException ex) {
			return List.of("no schema for " + apiVersion + " " + object.path("kind").asString());
		}
		return deserialize(object.toString(), type);
	}

	/** The metadata of any object, as ObjectMeta. */
	static List<String> metadataErrors(JsonNode object) {
		return deserialize(object.path("metadata").toString(), V1ObjectMeta.class);
	}

	static String group(String apiVersion) {
		int slash = apiVersion.indexOf('/');
		return (slash < 0) ? "" : apiVersion.substring(0, slash);
	}

	private static List<String> deserialize(String json, Class<?> type) {
		try {
			JSON.deserialize(json, type);
			return List.of();
		}
		catch (RuntimeException ex) {
			return List.of(type.getSimpleName() + ": " + ex.getMessage());
		}
	}

}
