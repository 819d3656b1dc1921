package org.tmdbfleet.fleettests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.tmdbfleet.launcher.ImportWatch;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet on a three-node Kafka cluster ({@code ./fleet up --brokers 3}), each node its own JVM:
 * a node may crash ({@code kill -9}) in the middle of a 10,000-movie import, or be down for all of
 * one, and the import still ends COMPLETED with every movie stored once; the gateway keeps
 * accepting imports while a node is down. Every topic has three replicas and
 * {@code min.insync.replicas} 2, so two nodes hold each acknowledged write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaClusterIT {

	private static final Duration PATIENCE = Duration.ofMinutes(6);

	/** A dead node is fenced after broker.session.timeout.ms (9 s); open transactions abort after 10 s. */
	private static final Duration FAILOVER = Duration.ofSeconds(60);

	private static RunningFleet running;

	private static KafkaClusterView cluster;

	@BeforeAll
	static void up() {
		running = new RunningFleet("kafka-cluster", 3, Map.of());
		running.fleet().up(1, 1, 0, false);
		cluster = new KafkaClusterView(running.fleet().settings().kafkaBootstrap());
	}

	@AfterAll
	static void down() {
		if (cluster != null) {
			cluster.close();
		}
		if (running != null) {
			running.close();
		}
	}

	@Test
	@Order(1)
	void everyTopicTheFleetsAndKafkasOwnLivesOnThreeNodesAndAWriteOnTwo() {
		List<String> topics = List.copyOf(cluster.topics());

		assertThat(topics).contains("tmdb.imports", "tmdb.pages", "tmdb.movies", "tmdb.progress", "tmdb.control",
				"tmdb.movies.DLT", "__consumer_offsets", "__transaction_state");
		assertThat(cluster.replicaCounts(topics)).allSatisfy((topic, replicas) -> assertThat(replicas)
			.as(topic).isNotEmpty().containsOnly(3));
		assertThat(cluster.minInSyncReplicas(topics)).allSatisfy((topic, minimum) -> assertThat(minimum)
			.as(topic).isEqualTo("2"));
	}

	@Test
	@Order(2)
	void theGatewayKeepsAcceptingImportsWhileANodeIsDown() {
		// the node leading most of tmdb.imports, where the gateway publishes what it accepted
		String victim = KafkaClusterView.instance(cluster.leaderOfTheMostPartitions("tmdb.imports"));
		List<UUID> accepted = new ArrayList<>(List.of(running.startImport("popular", 2))); // answered before
		running.fleet().kill(victim);
		try {
			// during and after the 9 s the cluster takes to notice the node is gone
			for (int i = 0; i < 6; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = running.postForResponse("/api/imports",
						ImportWatch.request("popular", 2, false, null, null));
				Duration answered = Duration.ofNanos(System.nanoTime() - started);
				System.out.println("POST /api/imports " + (i * 2) + " s after kill -9 " + victim + ": "
						+ response.statusCode() + " in " + answered.toMillis() + " ms");
				assertThat(response.statusCode()).isEqualTo(202);
				assertThat(answered).as("answered without waiting for Kafka").isLessThan(Duration.ofSeconds(3));
				accepted.add(UUID.fromString(response.headers().firstValue("Location").orElseThrow()
					.replaceAll(".*/", "")));
				RunningFleet.pause(Duration.ofSeconds(2));
			}
			for (UUID id : accepted) {
				running.assertExact(running.follow(id, PATIENCE), id, 2);
			}
			assertThat(running.fleet().running("kafka")).as("completed on two nodes").doesNotContain(victim);
		}
		finally {
			restart(victim);
		}
	}

	@Test
	@Order(3)
	void tenThousandMoviesWithTheActiveControllerDownThroughoutAreExact() {
		String victim = KafkaClusterView.instance(cluster.activeController());
		running.fleet().kill(victim);
		try {
			awaitLeadingNothing(victim);
			long started = System.nanoTime();
			UUID id = running.startImport("popular", 500);

			JsonNode end = running.follow(id, PATIENCE);

			System.out.println("10,000 movies with " + victim + " (the active controller) down throughout: "
					+ end.path("status") + " in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
			running.assertExact(end, id, 500);
			assertThat(end.path("moviesPersisted").asLong()).isEqualTo(10_000);
		}
		finally {
			restart(victim);
		}
	}

	@Test
	@Order(4)
	void tenThousandMoviesWithTheLeaderOfTheBusiestPartitionsKilledAndRestartedMidImportAreExact() {
		long started = System.nanoTime();
		UUID id = running.startImport("top_rated", 500);
		running.awaitPersistedAtLeast(id, 1_000);
		String victim = KafkaClusterView.instance(cluster.leaderOfTheBusiestPartitions("tmdb.movies"));
		JsonNode before = running.view(id);
		assertThat(before.path("status").asString()).as("still importing when the node dies").isEqualTo("RUNNING");

		running.fleet().kill(victim);
		long killed = System.nanoTime();
		long persistedAtKill = before.path("moviesPersisted").asLong();
		// progress again, the node still dead: the import goes on without it
		await().atMost(FAILOVER)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> running.view(id).path("moviesPersisted").asLong() >= persistedAtKill + 500);
		Duration resumed = Duration.ofNanos(System.nanoTime() - killed);
		awaitLeadingNothing(victim);
		running.report("progress again " + resumed.toMillis() + " ms after kill -9 " + victim, id);
		restart(victim);
		JsonNode end = running.follow(id, PATIENCE);

		System.out.println("10,000 movies with " + victim + " killed at " + persistedAtKill + " movies: "
				+ end.path("status") + " in " + Duration.ofNanos(System.nanoTime() - started).toSeconds()
				+ " s; 500 more movies persisted " + resumed.toMillis() + " ms after the kill");
		running.assertExact(end, id, 500);
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(10_000);
	}

	private static void awaitLeadingNothing(String node) {
		int id = Integer.parseInt(node.substring(node.indexOf('-') + 1));
		await().atMost(FAILOVER).until(() -> cluster.partitionsLedBy(id) == 0);
	}

	/** Starts the node again, and waits until it holds a copy of every partition again. */
	private static void restart(String node) {
		long started = System.nanoTime();
		running.fleet().start(node);
		await().atMost(Duration.ofMinutes(2)).until(() -> cluster.underReplicatedPartitions() == 0);
		System.out.println(node + " restarted and every partition fully replicated in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
	}

}
