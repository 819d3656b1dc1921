package org.tmdbfleet.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In every combination of components, what an object names exists: the ConfigMaps, Secrets (and
 * their keys) and Services it refers to, the pods a Service, PodDisruptionBudget or PodMonitor
 * selects, the Deployment a ScaledObject scales, the Kafka a KafkaTopic belongs to. A Secret or
 * Service no object renders must be made by an operator from a rendered resource, or be one the
 * user creates ({@link Prerequisites}, listed in docs/deploy.md).
 */
class ManifestLinksTests {

	private static final Pattern URL_HOST = Pattern.compile("//([A-Za-z0-9.-]+)");

	private static final Pattern SERVICE_DNS = Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc(\\.cluster\\.local)?");

	static Stream<Rendering> renderings() {
		return Stream.concat(Renderings.combinations().stream(), Stream.of(Renderings.example()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyReferenceResolves(Rendering rendering) {
		List<String> broken = new ArrayList<>();
		Set<String> services = Prerequisites.services(rendering);
		Map<String, Set<String>> secrets = Prerequisites.secrets(rendering);

		for (ObjectNode deployment : rendering.ofKind("Deployment")) {
			String name = "Deployment " + Rendering.name(deployment);
			JsonNode pod = deployment.path("spec").path("template").path("spec");
			for (JsonNode container : pod.path("containers")) {
				for (JsonNode source : container.path("envFrom")) {
					configMap(rendering, source.path("configMapRef").path("name"), null, name, broken);
					secret(secrets, source.path("secretRef").path("name"), null, name, broken);
				}
				for (JsonNode variable : container.path("env")) {
					JsonNode from = variable.path("valueFrom");
					configMap(rendering, from.path("configMapKeyRef").path("name"), from.path("configMapKeyRef").path("key"),
							name, broken);
					secret(secrets, from.path("secretKeyRef").path("name"), from.path("secretKeyRef").path("key"), name,
							broken);
				}
			}
			for (JsonNode volume : pod.path("volumes")) {
				configMap(rendering, volume.path("configMap").path("name"), null, name, broken);
				secret(secrets, volume.path("secret").path("secretName"), null, name, broken);
			}
		}

		for (ObjectNode service : rendering.ofKind("Service")) {
			List<ObjectNode> pods = selected(rendering, service.path("spec").path("selector"));
			if (pods.isEmpty()) {
				broken.add("Service " + Rendering.name(service) + " selects no pods");
			}
			for (JsonNode port : service.path("spec").path("ports")) {
				portInEveryPod("Service " + Rendering.name(service), port.path("targetPort").asString(""), pods, broken);
			}
		}
		for (ObjectNode budget : rendering.ofKind("PodDisruptionBudget")) {
			if (selected(rendering, budget.path("spec").path("selector").path("matchLabels")).size() != 1) {
				broken.add("PodDisruptionBudget " + Rendering.name(budget) + " selects not exactly one Deployment");
			}
		}
		for (ObjectNode monitor : rendering.ofKind("PodMonitor")) {
			JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
			List<ObjectNode> pods = selected(rendering, selector);
			// a workload of a component left out (the simulator) is not scraped: harmless; a selector
			// that matches no workload of any combination is a typo
			if (pods.isEmpty() && selected(Renderings.combinations().getLast(), selector).isEmpty()) {
				broken.add("PodMonitor " + Rendering.name(monitor) + " selects no pods in any combination");
			}
			for (JsonNode endpoint : monitor.path("spec").path("podMetricsEndpoints")) {
				portInEveryPod("PodMonitor " + Rendering.name(monitor), endpoint.path("port").asString(""), pods, broken);
			}
		}

		for (ObjectNode scaled : rendering.ofKind("ScaledObject")) {
			String target = scaled.path("spec").path("scaleTargetRef").path("name").asString("");
			if (rendering.named("Deployment", target).isEmpty()) {
				broken.add("ScaledObject " + Rendering.name(scaled) + " scales no Deployment " + target);
			}
			for (JsonNode trigger : scaled.path("spec").path("triggers")) {
				hosts("bootstrapServers", trigger.path("metadata").path("bootstrapServers").asString(""))
					.forEach(host -> service(services, host, "ScaledObject " + Rendering.name(scaled), broken));
			}
		}
		for (ObjectNode configMap : rendering.ofKind("ConfigMap")) {
			configMap.path("data")
				.properties()
				.forEach(entry -> hosts(entry.getKey(), entry.getValue().asString())
					.forEach(host -> service(services, host, "ConfigMap " + Rendering.name(configMap), broken)));
		}

		for (String kind : List.of("KafkaTopic", "KafkaNodePool")) {
			for (ObjectNode object : rendering.ofKind(kind)) {
				String cluster = object.path("metadata").path("labels").path("strimzi.io/cluster").asString("");
				if (rendering.named("Kafka", cluster).isEmpty()) {
					broken.add(kind + " " + Rendering.name(object) + " belongs to no Kafka " + cluster);
				}
			}
		}

		assertThat(broken).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void writersUseThePrimaryAndTheCatalogApiTheReplicas(Rendering rendering) {
		String primary = rendering.ofKind("Cluster").stream().map(c -> Rendering.name(c) + "-rw").findFirst()
			.orElse("tmdb-fleet-db-rw");
		String replicas = rendering.ofKind("Cluster").stream().map(c -> Rendering.name(c) + "-ro").findFirst()
			.orElse("tmdb-fleet-db-ro");

		for (String writer : List.of("api-gateway", "persist-worker")) {
			assertThat(databaseHost(rendering, writer)).as(writer).isEqualTo(primary);
		}
		assertThat(databaseHost(rendering, "catalog-api")).isEqualTo(replicas);
		assertThat(rendering.environment(rendering.named("Deployment", "fetch-worker").orElseThrow()))
			.doesNotContainKey("SPRING_DATASOURCE_URL");
	}

	private static String databaseHost(Rendering rendering, String deployment) {
		String url = rendering.environment(rendering.named("Deployment", deployment).orElseThrow())
			.getOrDefault("SPRING_DATASOURCE_URL", "");
		Matcher host = URL_HOST.matcher(url);
		return host.find() ? host.group(1) : url;
	}

	private static void configMap(Rendering rendering, JsonNode name, JsonNode key, String from, List<String> broken) {
		if (name.isMissingNode()) {
			return;
		}
		var found = rendering.named("ConfigMap", name.asString());
		if (found.isEmpty()) {
			broken.add(from + " names no ConfigMap " + name.asString());
		}
		else if (key != null && !key.isMissingNode() && !found.get().path("data").has(key.asString())) {
			broken.add(from + ": ConfigMap " + name.asString() + " has no key " + key.asString());
		}
	}

	private static void secret(Map<String, Set<String>> secrets, JsonNode name, JsonNode key, String from,
			List<String> broken) {
		if (name.isMissingNode()) {
			return;
		}
		Set<String> keys = secrets.get(name.asString());
		if (keys == null) {
			broken.add(from + " names no Secret " + name.asString());
		}
		else if (key != null && !key.isMissingNode() && !keys.contains(key.asString())) {
			broken.add(from + ": Secret " + name.asString() + " has no key " + key.asString());
		}
	}

	/** In-cluster hosts of a value: a bootstrap list's, or a URL's; a dotted name is outside unless *.svc. */
	private static List<String> hosts(String key, String value) {
		List<String> hosts = new ArrayList<>();
		if (key.toLowerCase(java.util.Locale.ROOT).replace("_", "").endsWith("bootstrapservers")) {
			for (String server : value.split(",")) {
				hosts.add(server.trim().replaceFirst(":\\d+$", ""));
			}
		}
		else {
			Matcher url = URL_HOST.matcher(value);
			while (url.find()) {
				hosts.add(url.group(1));
			}
		}
		return hosts.stream().filter(host -> !host.contains(".") || SERVICE_DNS.matcher(host).matches()).toList();
	}

	private static void service(Set<String> services, String host, String from, List<String> broken) {
		Matcher dns = SERVICE_DNS.matcher(host);
		String name = host;
		if (dns.matches()) {
			name = dns.group(1);
			if (!Rendering.NAMESPACE.equals(dns.group(2))) {
				broken.add(from + " names Service " + host + " in namespace " + dns.group(2) + ", not "
						+ Rendering.NAMESPACE);
			}
		}
		if (!services.contains(name)) {
			broken.add(from + " names no Service " + name);
		}
	}

	/** The Deployments whose pods carry all the labels. */
	private static List<ObjectNode> selected(Rendering rendering, JsonNode labels) {
		if (!labels.isObject() || labels.isEmpty()) {
			return List.of();
		}
		return rendering.ofKind("Deployment").stream().filter(deployment -> {
			JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
			return labels.properties().stream()
				.allMatch(label -> label.getValue().asString().equals(podLabels.path(label.getKey()).asString(null)));
		}).toList();
	}

	private static void portInEveryPod(String referrer, String port, List<ObjectNode> pods, List<String> broken) {
		pods.stream()
			.filter(pod -> !containerPorts(pod).contains(port))
			.forEach(pod -> broken.add(referrer + ": no port " + port + " in " + Rendering.name(pod)));
	}

	private static Set<String> containerPorts(ObjectNode deployment) {
		Set<String> ports = new java.util.HashSet<>();
		deployment.path("spec").path("template").path("spec").path("containers")
			.forEach(container -> container.path("ports").forEach(port -> ports.add(port.path("name").asString(""))));
		return ports;
	}

}
