package org.tmdbfleet.gateway.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that retries a POST with the same Idempotency-Key gets the import its first attempt
 * created, and the import is published once; reusing a key for another body is refused.
 */
class ImportIdempotencyIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void aRepeatedRequestGetsTheSameImportAndPublishesNothingNew() {
		String key = "retry-" + UUID.randomUUID();
		String body = "{\"source\":\"top_rated\",\"maxPages\":137}";

		Response first = api().postJson("/api/imports", body, "Idempotency-Key", key);
		Response again = api().postJson("/api/imports", body, "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		UUID id = id(first);
		assertThat(id(again)).isEqualTo(id);
		assertThat(again.header("Location")).isEqualTo(first.header("Location")).isEqualTo("/api/imports/" + id);
		assertThat(published(137)).containsExactly(id);
	}

	@Test
	void theSameBodyWrittenDifferentlyIsTheSameRequest() {
		String key = "reordered-" + UUID.randomUUID();

		Response first = api().postJson("/api/imports",
				"{\"source\":\"discover\",\"maxPages\":138,\"filters\":{\"genres\":[28],\"language\":\"en\"}}",
				"Idempotency-Key", key);
		Response again = api().postJson("/api/imports",
				"{ \"filters\" : { \"language\" : \"en\", \"genres\" : [ 28 ] }, \"maxPages\" : 138, \"source\" : \"discover\" }",
				"Idempotency-Key", key);

		assertThat(again.status()).isEqualTo(200);
		assertThat(id(again)).isEqualTo(id(first));
	}

	@Test
	void aKeyReusedForAnotherBodyIsAConflict() {
		String key = "reused-" + UUID.randomUUID();
		Response first = api().postJson("/api/imports", "{\"source\":\"upcoming\",\"maxPages\":139}",
				"Idempotency-Key", key);

		Response other = api().postJson("/api/imports", "{\"source\":\"upcoming\",\"maxPages\":140}",
				"Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(202);
		JsonNode problem = assertProblem(other, 409, "Idempotency-Key");
		assertThat(problem.path("errors").get(0).path("message").asString()).contains("different request body");
		assertThat(published(140)).isEmpty();
	}

	@Test
	void simultaneousRequestsWithOneKeyCreateOneImport() throws Exception {
		String key = "race-" + UUID.randomUUID();
		String body = "{\"source\":\"now_playing\",\"maxPages\":141}";
		int clients = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return api().postJson("/api/imports", body, "Idempotency-Key", key);
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				responses.add(answer.get());
			}

			Set<UUID> ids = responses.stream().map(ImportIdempotencyIntegrationTests::id).collect(Collectors.toSet());
			assertThat(ids).hasSize(1);
			assertThat(responses).filteredOn(response -> response.status() == 202).hasSize(1);
			assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(clients - 1);
			assertThat(published(141)).containsExactlyElementsOf(ids);
		}
	}

	@Test
	void withoutAKeyEveryRequestIsANewImport() {
		String body = "{\"source\":\"popular\",\"maxPages\":142}";

		UUID first = id(api().postJson("/api/imports", body));
		UUID second = id(api().postJson("/api/imports", body));

		assertThat(first).isNotEqualTo(second);
	}

	private static UUID id(Response response) {
		assertThat(response.status()).as(response.body()).isIn(200, 202);
		return UUID.fromString(response.json().path("id").asString());
	}

	/**
	 * The ids of every import published with this (test-unique) page count. Waits a moment
	 * longer than one would need, so that a second, wrong message would be seen.
	 */
	private List<UUID> published(int maxPages) {
		try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), Topics.IMPORTS)) {
			return reader
				.await(ImportRequested.class, request -> Integer.valueOf(maxPages).equals(request.maxPages()), 2,
						Duration.ofSeconds(3))
				.stream()
				.map(ImportRequested::importId)
				.toList();
		}
	}

}
