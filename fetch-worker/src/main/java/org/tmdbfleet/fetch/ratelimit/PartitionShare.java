package org.tmdbfleet.fetch.ratelimit;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.tmdbfleet.common.kafka.Topics;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Which {@code tmdb.pages} partitions this instance owns right now, told by Kafka's rebalances.
 * Partitions are owned by exactly one consumer of the group at a time, and revoked before they
 * are assigned elsewhere, so the owned fractions of all instances never add up to more than 1.
 */
@Component
public class PartitionShare implements ConsumerAwareRebalanceListener {

	private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

	private volatile int partitions;

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> assigned) {
		assigned.stream().filter(PartitionShare::isPages).forEach(owned::add);
		if (assigned.stream().anyMatch(PartitionShare::isPages)) {
			partitions = consumer.partitionsFor(Topics.PAGES).size();
		}
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
		owned.removeAll(revoked);
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
		owned.removeAll(lost);
	}

	/** Whether this instance owns partition {@code partition} of {@code tmdb.pages} now. */
	public boolean owns(int partition) {
		return owned.contains(new TopicPartition(Topics.PAGES, partition));
	}

	/** This instance's fraction of the page partitions, 0 while it owns none. */
	public double fraction() {
		int total = partitions;
		return total == 0 ? 0 : Math.min(1.0, owned.size() / (double) total);
	}

	private static boolean isPages(TopicPartition partition) {
		return Topics.PAGES.equals(partition.topic());
	}

}
