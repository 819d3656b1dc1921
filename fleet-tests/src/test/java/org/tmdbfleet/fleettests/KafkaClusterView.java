package org.tmdbfleet.fleettests;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The fleet's Kafka cluster as an operator sees it through the Admin API (the broker jars bring no
 * command-line tools): who leads what, what is replicated, which node is the active controller.
 * Node {@code N} is the fleet's instance {@code kafka-N}.
 */
final class KafkaClusterView implements AutoCloseable {

	private final Admin admin;

	KafkaClusterView(String bootstrapServers) {
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				15_000));
	}

	static String instance(int node) {
		return "kafka-" + node;
	}

	/** Every topic, the fleet's and Kafka's own ({@code __consumer_offsets}, {@code __transaction_state}). */
	Set<String> topics() {
		return get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names());
	}

	/** The replicas of each partition of each topic, by topic. */
	Map<String, List<Integer>> replicaCounts(Collection<String> topics) {
		return describe(topics).values()
			.stream()
			.collect(Collectors.toMap(TopicDescription::name,
					topic -> topic.partitions().stream().map(partition -> partition.replicas().size()).toList()));
	}

	/** The effective {@code min.insync.replicas} of each topic (its own, else the cluster's). */
	Map<String, String> minInSyncReplicas(Collection<String> topics) {
		var configs = get(admin.describeConfigs(
				topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all());
		return configs.entrySet()
			.stream()
			.collect(Collectors.toMap(entry -> entry.getKey().name(),
					entry -> entry.getValue().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
	}

	/** The node leading the partitions of the topic that hold the most records. */
	int leaderOfTheBusiestPartitions(String topic) {
		List<TopicPartitionInfo> partitions = describe(List.of(topic)).get(topic).partitions();
		Map<TopicPartition, OffsetSpec> latest = partitions.stream()
			.collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
					partition -> OffsetSpec.latest()));
		var ends = get(admin.listOffsets(latest).all());
		Map<Integer, Long> recordsByLeader = partitions.stream()
			.filter(partition -> partition.leader() != null)
			.collect(Collectors.groupingBy(partition -> partition.leader().id(),
					Collectors.summingLong(partition -> ends.get(new TopicPartition(topic, partition.partition())).offset())));
		System.out.println("records of " + topic + " by the node leading their partition: " + recordsByLeader);
		return recordsByLeader.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}

	/** The node that leads the most partitions of the topic. */
	int leaderOfTheMostPartitions(String topic) {
		return describe(List.of(topic)).get(topic)
			.partitions()
			.stream()
			.filter(partition -> partition.leader() != null)
			.collect(Collectors.groupingBy(partition -> partition.leader().id(), Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.orElseThrow()
			.getKey();
	}

	/** The node whose controller leads the metadata quorum. */
	int activeController() {
		return get(admin.describeMetadataQuorum().quorumInfo()).leaderId();
	}

	/** Partitions of every topic that the node leads (a dead node leads none once it is fenced). */
	long partitionsLedBy(int node) {
		return partitions().filter(partition -> partition.leader() != null && partition.leader().id() == node).count();
	}

	/** Partitions of every topic with fewer in-sync replicas than replicas, or without a leader. */
	long underReplicatedPartitions() {
		return partitions().filter(partition -> partition.leader() == null
				|| partition.isr().size() < partition.replicas().size()).count();
	}

	private Stream<TopicPartitionInfo> partitions() {
		return describe(topics()).values().stream().flatMap(topic -> topic.partitions().stream());
	}

	private Map<String, TopicDescription> describe(Collection<String> topics) {
		return get(admin.describeTopics(topics).allTopicNames());
	}

	private static <T> T get(KafkaFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		admin.close(Duration.ofSeconds(5));
	}

}
