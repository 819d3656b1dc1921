package org.tmdbfleet.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.context.LifecycleProperties;
import org.springframework.boot.convert.DurationStyle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each service runs on Kubernetes, in every combination: its image and port, Boot's probe
 * groups, memory sized in one place, a grace period longer than Boot's graceful shutdown, a
 * non-root read-only container, a Service and a PodDisruptionBudget, spread over nodes and zones,
 * and secrets referenced, never written into a manifest.
 */
class WorkloadTests {

	/** The container port of each service, named http (deploy/k8s conventions). */
	private static final Map<String, Integer> PORTS = Map.of("api-gateway", 8080, "catalog-api", 8070, "fetch-worker",
			8082, "persist-worker", 8083, "tmdb-simulator", 8090);

	private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|PASSWORD|SECRET|_KEY|_KEYS)$");

	static java.util.stream.Stream<Rendering> renderings() {
		return ManifestLinksTests.renderings();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyServiceRunsAsTheConventionsSay(Rendering rendering) {
		assertThat(rendering.ofKind("Deployment")).extracting(Rendering::name)
			.containsExactlyInAnyOrderElementsOf(rendering.has("simulator") ? PORTS.keySet()
					: PORTS.keySet().stream().filter(name -> !name.equals("tmdb-simulator")).toList());
		for (ObjectNode deployment : rendering.ofKind("Deployment")) {
			String name = Rendering.name(deployment);
			JsonNode pod = deployment.path("spec").path("template").path("spec");
			JsonNode container = Rendering.container(deployment);

			assertThat(pod.path("containers").size()).as(name).isEqualTo(1);
			assertThat(container.path("image").asString()).as(name).matches("tmdb-fleet/" + name + "(:.+)?");
			assertThat(container.path("ports").path(0).path("name").asString()).as(name).isEqualTo("http");
			assertThat(container.path("ports").path(0).path("containerPort").asInt()).as(name).isEqualTo(PORTS.get(name));
			assertThat(deployment.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/part-of")
				.asString()).as(name).isEqualTo("tmdb-fleet");

			for (String probe : List.of("startupProbe", "livenessProbe")) {
				assertThat(container.path(probe).path("httpGet").path("path").asString()).as(name + " " + probe)
					.isEqualTo("/actuator/health/liveness");
				assertThat(container.path(probe).path("httpGet").path("port").asString()).as(name).isEqualTo("http");
			}
			assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).as(name)
				.isEqualTo("/actuator/health/readiness");

			JsonNode resources = container.path("resources");
			assertThat(resources.path("requests").has("cpu")).as(name + " cpu request").isTrue();
			assertThat(resources.path("limits").has("cpu")).as(name + " cpu limit").isTrue();
			assertThat(resources.path("requests").path("memory").asString()).as(name + " memory request = limit")
				.isNotEmpty()
				.isEqualTo(resources.path("limits").path("memory").asString());
			// the image sizes the heap from the limit (MaxRAMPercentage); a fixed -Xmx would outgrow a lowered limit
			assertThat(rendering.environment(deployment)).as(name + " heap from the limit")
				.doesNotContainKeys("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

			assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
			assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
			assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(name)
				.isFalse();
			assertThat(container.path("volumeMounts").findValuesAsString("mountPath")).as(name).contains("/tmp");
			assertThat(pod.path("topologySpreadConstraints").findValuesAsString("topologyKey")).as(name)
				.contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");

			long shutdown = shutdownPhase(name).toSeconds() + container.path("lifecycle").path("preStop").path("sleep")
				.path("seconds").asLong(0);
			assertThat(pod.path("terminationGracePeriodSeconds").asLong()).as(name + " grace period above preStop + "
					+ "Boot's graceful shutdown").isGreaterThan(shutdown);

			assertThat(rendering.ofKind("Service")).as(name).anyMatch(service -> Rendering.name(service).equals(name));
			assertThat(rendering.ofKind("PodDisruptionBudget")).as(name)
				.anyMatch(budget -> Rendering.name(budget).equals(name));

			Map<String, String> environment = rendering.environment(deployment);
			if (environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
				assertThat(environment).as(name + ": topics come from KafkaTopics")
					.containsEntry("SPRING_KAFKA_ADMIN_AUTO_CREATE", "false");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void secretsAreReferencedNeverWritten(Rendering rendering) {
		assertThat(rendering.ofKind("Secret")).isEmpty();
		for (ObjectNode configMap : rendering.ofKind("ConfigMap")) {
			assertThat(configMap.path("data").propertyNames()).as(Rendering.name(configMap))
				.noneMatch(key -> SECRET_NAME.matcher(key).matches());
		}
		for (ObjectNode deployment : rendering.ofKind("Deployment")) {
			for (JsonNode variable : Rendering.container(deployment).path("env")) {
				String name = variable.path("name").asString();
				if (SECRET_NAME.matcher(name).matches()) {
					assertThat(variable.has("value")).as(Rendering.name(deployment) + " " + name).isFalse();
					assertThat(variable.path("valueFrom").has("secretKeyRef")).as(Rendering.name(deployment) + " " + name)
						.isTrue();
				}
			}
		}
	}

	@Test
	void theExampleOverlayHasEveryComponent() {
		Rendering example = Renderings.example();

		assertThat(example.objects()).allSatisfy(object -> {
			if (!object.path("kind").asString().equals("Namespace")) {
				assertThat(object.path("metadata").path("namespace").asString()).isEqualTo(Rendering.NAMESPACE);
			}
		});
		Rendering all = Renderings.combinations().getLast();
		assertThat(all.components()).containsExactlyInAnyOrderElementsOf(Renderings.components());
		assertThat(example.objects().stream().map(WorkloadTests::kindAndName).toList())
			.containsAll(all.objects().stream().map(WorkloadTests::kindAndName).toList());
	}

	@Test
	void theDeployGuideNamesWhatTheUserCreates() throws IOException {
		String guide = Files.readString(Tools.REPOSITORY.resolve("docs/deploy.md"));

		assertThat(guide).contains(Prerequisites.USER_SECRETS.keySet());
		Prerequisites.USER_SECRETS.values().forEach(keys -> assertThat(guide).contains(keys));
		assertThat(guide).contains(Prerequisites.DATABASE_SECRETS.keySet()).contains(Prerequisites.DATABASE_SERVICES)
			.contains(Prerequisites.KAFKA_SERVICES);
	}

	/** Boot's graceful shutdown phase of a service: its own file's, else Boot's default. */
	private static Duration shutdownPhase(String service) {
		JsonNode configured = FleetSources.property(service, "spring.lifecycle.timeout-per-shutdown-phase");
		return (configured != null) ? DurationStyle.detectAndParse(configured.asString())
				: new LifecycleProperties().getTimeoutPerShutdownPhase();
	}

	private static String kindAndName(JsonNode object) {
		return object.path("kind").asString() + "/" + Rendering.name(object);
	}

}
