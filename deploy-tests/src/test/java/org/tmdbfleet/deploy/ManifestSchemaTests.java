package org.tmdbfleet.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every combination of components renders, and every object rendered matches the schema of its
 * API (core Kubernetes and each operator's CRD).
 */
class ManifestSchemaTests {

	@Test
	void everyCombinationOfComponentsRenders() {
		List<Rendering> combinations = Renderings.combinations();

		assertThat(combinations).hasSize(1 << Renderings.components().size());
		assertThat(combinations).allSatisfy(rendering -> assertThat(rendering.ofKind("Deployment"))
			.as(rendering.name())
			.extracting(Rendering::name)
			.containsAll(List.of("api-gateway", "fetch-worker", "persist-worker", "catalog-api")));
	}

	@Test
	void everyRenderedObjectMatchesItsApisSchema() {
		// the same object renders in many combinations: each distinct one is checked once
		Map<String, ObjectNode> distinct = new LinkedHashMap<>();
		Map<String, List<String>> renderedIn = new LinkedHashMap<>();
		List<Rendering> renderings = new ArrayList<>(Renderings.combinations());
		renderings.add(Renderings.example());
		for (Rendering rendering : renderings) {
			for (ObjectNode object : rendering.objects()) {
				distinct.putIfAbsent(object.toString(), object);
				renderedIn.computeIfAbsent(object.toString(), key -> new ArrayList<>()).add(rendering.name());
			}
		}

		Map<JsonNode, List<String>> errors = SchemaValidation.errors(List.copyOf(distinct.values()));

		List<String> report = errors.entrySet()
			.stream()
			.map(entry -> entry.getKey().path("kind").asString() + " " + Rendering.name(entry.getKey()) + " (in "
					+ renderedIn.get(entry.getKey().toString()).get(0) + "): " + entry.getValue())
			.toList();
		assertThat(report).isEmpty();
		assertThat(distinct.values()).extracting(object -> object.path("kind").asString())
			.contains("Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "Kafka", "KafkaNodePool",
					"KafkaTopic", "Cluster", "ScaledObject");
	}

}
