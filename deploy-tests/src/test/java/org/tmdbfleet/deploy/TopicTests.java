package org.tmdbfleet.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.deploy.FleetSources.Listener;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics of common's {@link Topics} against the manifests: each has a {@code KafkaTopic} as
 * the services would create it, and each one a scaled worker consumes has a KEDA trigger on the
 * consumer group that reads it, within what its partitions can use.
 */
class TopicTests {

	/** The property that sets how many consumers of each group one instance runs. */
	private static final Map<String, String> CONCURRENCY = Map.of("fetch-planner", "fleet.fetch.planner-concurrency",
			"fetch-pages", "fleet.fetch.concurrency", "fetch-details", "fleet.fetch.concurrency", "persist-movies",
			"fleet.persist.concurrency", "gateway-progress", "fleet.gateway.progress-concurrency");

	/**
	 * The topics written in Kafka transactions (by fetch workers), whose commit markers take offsets
	 * a caught-up group commits past only by {@link #listenersCommitPastTheLastCommitMarker};
	 * {@link #onlyFetchWorkersWriteInTransactionsAndNeverToImports} keeps tmdb.imports out of it.
	 */
	private static final Set<String> TRANSACTIONAL = Set.of(Topics.PAGES, Topics.DETAILS, Topics.MOVIES,
			Topics.PROGRESS, Topics.CONTROL);

	static List<String> commonTopics() {
		List<String> topics = new ArrayList<>(Topics.ALL);
		Topics.ALL.forEach(topic -> topics.add(Topics.deadLetter(topic)));
		topics.add(Topics.CONTROL);
		return topics;
	}

	static Stream<Rendering> withStrimzi() {
		return ManifestLinksTests.renderings().filter(rendering -> rendering.has("strimzi"));
	}

	static Stream<Rendering> withKeda() {
		return ManifestLinksTests.renderings().filter(rendering -> rendering.has("keda"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("withStrimzi")
	void everyTopicOfCommonHasAKafkaTopicAsTheServicesWouldCreateIt(Rendering rendering) {
		Map<String, ObjectNode> kafkaTopics = kafkaTopics(rendering);

		assertThat(kafkaTopics.keySet()).containsExactlyInAnyOrderElementsOf(commonTopics());
		int partitions = servicePartitions();
		kafkaTopics.forEach((topic, kafkaTopic) -> {
			JsonNode spec = kafkaTopic.path("spec");
			assertThat(spec.path("partitions").asInt()).as(topic)
				.isEqualTo(topic.equals(Topics.CONTROL) ? 1 : partitions);
			assertThat(spec.path("replicas").asInt()).as(topic).isEqualTo(3);
			assertThat(spec.path("config").path("min.insync.replicas").asString()).as(topic).isEqualTo("2");
			assertThat(spec.path("config").path("cleanup.policy").asString("delete")).as(topic)
				.isEqualTo(topic.equals(Topics.CONTROL) ? "compact" : "delete");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("withKeda")
	void everyTopicAScaledWorkerConsumesHasAKedaTriggerOnItsGroup(Rendering rendering) {
		List<Listener> listeners = FleetSources.listeners();
		Set<String> scaled = scaledDeployments(rendering).keySet();

		assertThat(scaled).contains("fetch-worker", "persist-worker");
		for (String topic : commonTopics()) {
			for (Listener listener : listeners) {
				if (listener.topic().equals(topic) && scaled.contains(listener.module())) {
					assertThat(triggers(scaledDeployments(rendering).get(listener.module())))
						.as(listener + " has a trigger")
						.anyMatch(trigger -> trigger.path("type").asString().equals("kafka")
								&& trigger.path("metadata").path("consumerGroup").asString().equals(listener.group())
								&& trigger.path("metadata").path("topic").asString().equals(topic));
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("withKeda")
	void scaledObjectsStayWithinThePartitionsAndWakeAtTheFirstRecordWaiting(Rendering rendering) {
		Map<String, Listener> byGroup = new java.util.HashMap<>();
		FleetSources.listeners().forEach(listener -> byGroup.put(listener.group(), listener));
		String bootstrap = rendering.environment(rendering.named("Deployment", "fetch-worker").orElseThrow())
			.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");

		scaledDeployments(rendering).forEach((deploymentName, scaledObject) -> {
			ObjectNode deployment = rendering.named("Deployment", deploymentName).orElseThrow();
			assertThat(deployment.path("spec").has("replicas")).as(deploymentName + ": KEDA owns the replicas").isFalse();
			JsonNode spec = scaledObject.path("spec");
			int min = spec.path("minReplicaCount").asInt(0);
			for (JsonNode trigger : triggers(scaledObject)) {
				JsonNode metadata = trigger.path("metadata");
				Listener listener = byGroup.get(metadata.path("consumerGroup").asString());
				assertThat(listener).as(deploymentName + ": a trigger on an unknown group " + metadata).isNotNull();
				assertThat(listener.module()).isEqualTo(deploymentName);
				assertThat(metadata.path("topic").asString()).isEqualTo(listener.topic());
				int partitions = partitions(rendering, listener.topic());
				int consumers = concurrency(rendering, deployment, listener.group());
				String what = deploymentName + " on " + listener.group();

				assertThat(spec.path("maxReplicaCount").asInt()).as(what + ": partitions / consumers per instance")
					.isLessThanOrEqualTo(partitions / consumers)
					.isPositive();
				assertThat(metadata.path("offsetResetPolicy").asString()).as(what).isEqualTo("earliest");
				assertThat(metadata.path("bootstrapServers").asString()).as(what)
					.isEqualTo(bootstrap.replace(":", "." + Rendering.NAMESPACE + ".svc:"));
				assertThat(Long.parseLong(metadata.path("lagThreshold").asString())).as(what).isPositive();
				if (min == 0) {
					// a caught-up group's lag is 0 (listenersCommitPastTheLastCommitMarker), so 0 costs nothing
					assertThat(metadata.path("activationLagThreshold").isMissingNode() ? 0
							: Long.parseLong(metadata.path("activationLagThreshold").asString()))
						.as(what + ": one record waiting, a retried page, wakes a worker")
						.isZero();
				}
			}
		});
	}

	@Test
	void everyListenerNamesItsConsumerConcurrency() {
		List<Listener> listeners = FleetSources.listeners();

		assertThat(listeners).extracting(Listener::group)
			.containsExactlyInAnyOrderElementsOf(CONCURRENCY.keySet());
		listeners.forEach(listener -> assertThat(FleetSources.property(listener.module(),
				CONCURRENCY.get(listener.group()))).as(listener.toString()).isNotNull());
	}

	/**
	 * KEDA's activation at 0 rests on it: without it a group that has read a transactional topic
	 * keeps a lag of up to one per partition, and fetch workers never scale to zero (proved on a
	 * real import by fetch-worker's CaughtUpLagIntegrationTests).
	 */
	@Test
	void listenersCommitPastTheLastCommitMarker() {
		assertThat(FleetSources.linesMentioning("common", "setFixTxOffsets(true)")).isNotEmpty();
	}

	@Test
	void onlyFetchWorkersWriteInTransactionsAndNeverToImports() {
		assertThat(FleetSources.property("fetch-worker", "spring.kafka.producer.transaction-id-prefix")).isNotNull();
		for (String service : List.of("api-gateway", "persist-worker")) {
			assertThat(FleetSources.property(service, "spring.kafka.producer.transaction-id-prefix")).as(service).isNull();
		}
		// fetch workers only read tmdb.imports: the gateway's outbox writes it, without transactions
		assertThat(FleetSources.linesMentioning("fetch-worker", "Topics.IMPORTS")).isNotEmpty()
			.allMatch(line -> line.contains("@KafkaListener"));
		assertThat(TRANSACTIONAL).doesNotContain(Topics.IMPORTS).containsAll(
				commonTopics().stream().filter(topic -> !topic.equals(Topics.IMPORTS) && !topic.endsWith(Topics.DLT_SUFFIX))
					.toList());
	}

	private static Map<String, ObjectNode> kafkaTopics(Rendering rendering) {
		Map<String, ObjectNode> topics = new java.util.HashMap<>();
		for (ObjectNode kafkaTopic : rendering.ofKind("KafkaTopic")) {
			String name = kafkaTopic.path("spec").path("topicName").asString(Rendering.name(kafkaTopic));
			assertThat(topics.put(name, kafkaTopic)).as("two KafkaTopics for " + name).isNull();
		}
		return topics;
	}

	/** A topic's partitions: its KafkaTopic's, else what the services would create. */
	private static int partitions(Rendering rendering, String topic) {
		ObjectNode kafkaTopic = kafkaTopics(rendering).get(topic);
		if (kafkaTopic != null) {
			return kafkaTopic.path("spec").path("partitions").asInt();
		}
		return topic.equals(Topics.CONTROL) ? 1 : servicePartitions();
	}

	/** fleet.kafka.partitions, the same in every service that has Kafka. */
	private static int servicePartitions() {
		List<Integer> partitions = FleetSources.SERVICES.stream()
			.map(service -> FleetSources.property(service, "fleet.kafka.partitions"))
			.filter(java.util.Objects::nonNull)
			.map(JsonNode::asInt)
			.distinct()
			.toList();
		assertThat(partitions).hasSize(1);
		return partitions.getFirst();
	}

	/** Consumers of a group per instance: the Deployment's environment, else the service's default. */
	private static int concurrency(Rendering rendering, ObjectNode deployment, String group) {
		String property = CONCURRENCY.get(group);
		String module = Rendering.name(deployment);
		String set = rendering.environment(deployment).get(FleetSources.environmentName(property));
		return (set != null) ? Integer.parseInt(set) : FleetSources.property(module, property).asInt();
	}

	private static Map<String, ObjectNode> scaledDeployments(Rendering rendering) {
		Map<String, ObjectNode> scaled = new java.util.HashMap<>();
		rendering.ofKind("ScaledObject")
			.forEach(scaledObject -> assertThat(scaled.put(
					scaledObject.path("spec").path("scaleTargetRef").path("name").asString(), scaledObject))
				.as("one ScaledObject per Deployment")
				.isNull());
		return scaled;
	}

	private static List<JsonNode> triggers(ObjectNode scaledObject) {
		List<JsonNode> triggers = new ArrayList<>();
		scaledObject.path("spec").path("triggers").forEach(triggers::add);
		return triggers;
	}

}
