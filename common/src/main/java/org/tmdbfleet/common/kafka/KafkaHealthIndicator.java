package org.tmdbfleet.common.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka is up when the cluster answers a metadata request in time. Boot has no Kafka indicator of
 * its own; without one, a worker cut off from the broker would still report UP.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final AdminClient admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super("Kafka health check failed");
		this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up()
			.withDetail("clusterId", cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.withDetail("nodes", nodes);
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(1));
	}

}
