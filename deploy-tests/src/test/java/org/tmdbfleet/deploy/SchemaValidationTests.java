package org.tmdbfleet.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each validator refuses what the API server would: for every kind the manifests use, a rendered
 * object with a misspelt field and one with a value of the wrong type, and kinds nothing
 * validates. Without this, a validator that accepts anything would let every check pass.
 */
class SchemaValidationTests {

	/**
	 * Valid Prometheus-operator resources, for the monitoring.coreos.com/v1 validator whether or
	 * not a monitoring component renders some.
	 */
	private static final String MONITORING_SAMPLES = """
			apiVersion: monitoring.coreos.com/v1
			kind: PodMonitor
			metadata: {name: tmdb-fleet, namespace: tmdb-fleet}
			spec:
			  selector: {matchLabels: {app.kubernetes.io/part-of: tmdb-fleet}}
			  podMetricsEndpoints: [{port: http, path: /actuator/prometheus, interval: 15s}]
			---
			apiVersion: monitoring.coreos.com/v1
			kind: PrometheusRule
			metadata: {name: tmdb-fleet, namespace: tmdb-fleet}
			spec:
			  groups:
			    - name: tmdb-fleet
			      rules:
			        - alert: FleetDown
			          expr: up{job="tmdb-fleet"} == 0
			          for: 5m
			          labels: {severity: critical}
			""";

	@Test
	void eachValidatorRefusesAMisspeltFieldAndAWrongType() {
		Map<String, ObjectNode> valid = new LinkedHashMap<>();
		Renderings.example().objects().forEach(object -> valid.putIfAbsent(object.path("kind").asString(), object));
		Renderings.parse(MONITORING_SAMPLES).forEach(object -> valid.putIfAbsent(object.path("kind").asString(), object));

		Map<String, ObjectNode> broken = new LinkedHashMap<>();
		breakIt(broken, valid, "Deployment", "misspelt", o -> container(o).put("imagePullPolcy", "Always"));
		breakIt(broken, valid, "Deployment", "wrong type", o -> spec(o).put("replicas", "two"));
		breakIt(broken, valid, "Service", "misspelt", o -> spec(o).set("selectr", spec(o).path("selector")));
		breakIt(broken, valid, "Service", "wrong type", o -> ((ObjectNode) spec(o).path("ports").path(0)).put("port", "http"));
		breakIt(broken, valid, "ConfigMap", "misspelt", o -> o.set("dat", o.path("data")));
		breakIt(broken, valid, "ConfigMap", "wrong type", o -> o.put("data", "SERVER_PORT=8080"));
		breakIt(broken, valid, "PodDisruptionBudget", "misspelt", o -> spec(o).put("maxUnavalable", 1));
		breakIt(broken, valid, "PodDisruptionBudget", "wrong type", o -> spec(o).put("selector", "app"));
		breakIt(broken, valid, "Namespace", "misspelt", o -> o.putObject("spec").put("finalisers", "x"));
		breakIt(broken, valid, "Namespace", "wrong type", o -> ((ObjectNode) o.path("metadata")).put("labels", "x"));
		breakIt(broken, valid, "Kafka", "misspelt", o -> ((ObjectNode) spec(o).path("kafka")).set("listner",
				spec(o).path("kafka").path("listeners")));
		breakIt(broken, valid, "Kafka", "wrong type", o -> ((ObjectNode) spec(o).path("kafka").path("listeners").path(0))
			.put("port", "9092"));
		breakIt(broken, valid, "KafkaNodePool", "misspelt", o -> spec(o).set("role", spec(o).path("roles")));
		breakIt(broken, valid, "KafkaNodePool", "wrong type", o -> spec(o).put("replicas", "3"));
		breakIt(broken, valid, "KafkaTopic", "misspelt", o -> spec(o).put("replica", 3));
		breakIt(broken, valid, "KafkaTopic", "wrong type", o -> spec(o).put("partitions", "12"));
		breakIt(broken, valid, "Cluster", "misspelt", o -> ((ObjectNode) spec(o).path("storage")).put("sise", "20Gi"));
		breakIt(broken, valid, "Cluster", "wrong type", o -> spec(o).put("instances", "three"));
		breakIt(broken, valid, "ScaledObject", "misspelt", o -> spec(o).put("maxReplicas", 3));
		breakIt(broken, valid, "ScaledObject", "wrong type", o -> ((ObjectNode) spec(o).path("triggers").path(0)
			.path("metadata")).put("lagThreshold", 100));
		breakIt(broken, valid, "PodMonitor", "misspelt", o -> spec(o).set("podMetricEndpoints",
				spec(o).path("podMetricsEndpoints")));
		breakIt(broken, valid, "PodMonitor", "wrong type", o -> ((ObjectNode) spec(o).path("podMetricsEndpoints").path(0))
			.put("path", 8080));
		breakIt(broken, valid, "PrometheusRule", "misspelt", o -> spec(o).set("group", spec(o).path("groups")));
		breakIt(broken, valid, "PrometheusRule", "wrong type", o -> ((ObjectNode) spec(o).path("groups").path(0))
			.put("rules", "up == 0"));
		breakIt(broken, valid, "KafkaTopic", "no such kind", o -> o.put("kind", "KafkaTopik"));
		breakIt(broken, valid, "ScaledObject", "no such kind", o -> o.put("kind", "ScaledObjekt"));
		breakIt(broken, valid, "Deployment", "no such kind", o -> o.put("kind", "Deploymant"));
		breakIt(broken, valid, "ConfigMap", "no such API", o -> o.put("apiVersion", "example.com/v1"));

		List<JsonNode> all = new ArrayList<>(valid.values());
		all.addAll(broken.values());
		Map<JsonNode, List<String>> errors = SchemaValidation.errors(all);

		assertThat(valid.keySet()).as("every kind the manifests use is broken below")
			.allMatch(kind -> broken.keySet().stream().anyMatch(name -> name.startsWith(kind + " ")));
		valid.forEach((kind, object) -> assertThat(errors.get(object)).as("valid " + kind).isNull());
		broken.forEach((name, object) -> assertThat(errors.get(object)).as(name).isNotEmpty());
	}

	private static void breakIt(Map<String, ObjectNode> broken, Map<String, ObjectNode> valid, String kind, String how,
			Consumer<ObjectNode> change) {
		ObjectNode object = valid.get(kind).deepCopy();
		change.accept(object);
		broken.put(kind + " " + how, object);
	}

	private static ObjectNode spec(ObjectNode object) {
		return (ObjectNode) object.path("spec");
	}

	private static ObjectNode container(ObjectNode deployment) {
		return (ObjectNode) Rendering.container(deployment);
	}

}
