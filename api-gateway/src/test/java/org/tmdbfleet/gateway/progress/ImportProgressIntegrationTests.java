package org.tmdbfleet.gateway.progress;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an import's progress costs to read, what ends it when its last event is lost, and what
 * becomes of an event that cannot be applied.
 */
@TestPropertySource(properties = { "fleet.imports.recheck-interval=1s", "fleet.imports.events-interval=200ms",
		"fleet.gateway.progress-concurrency=3" })
class ImportProgressIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void theViewShowsTheFirstFailuresAndTheRestArePaged() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 30, 600));
		IntStream.rangeClosed(1, 25).forEach(page -> progress(new PageFailed(id, page, "TMDB answered HTTP 50" + page % 10)));
		IntStream.rangeClosed(26, 30).forEach(page -> progress(new PageFetched(id, page, List.of())));

		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));
		JsonNode view = importView(id);
		assertThat(view.path("pagesFailed").asInt()).isEqualTo(25);
		assertThat(view.path("failedPages").valueStream().map(page -> page.path("page").asInt()))
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

		JsonNode second = api().get("/api/imports/" + id + "/failed-pages?page=1&size=10").json();
		assertThat(second.path("items").valueStream().map(page -> page.path("page").asInt()))
			.containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
		assertThat(second.at("/items/0/reason").asString()).isEqualTo("TMDB answered HTTP 501");
		assertThat(second.at("/page/totalElements").asInt()).isEqualTo(25);
		assertThat(second.at("/page/totalPages").asInt()).isEqualTo(3);
		JsonNode movies = api().get("/api/imports/" + id + "/failed-movies").json();
		assertThat(movies.path("items")).isEmpty();
		assertProblem(api().get("/api/imports/" + UUID.randomUUID() + "/failed-pages"), 404);
		assertProblem(api().get("/api/imports/" + id + "/failed-pages?size=1000"), 400, "size");
	}

	@Test
	void streamsOfOneImportShareOneRead() throws Exception {
		UUID id = startImport();
		progress(new ImportPlanned(id, 1, 20));
		List<List<String>> lines = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
				new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
		List<CompletableFuture<Integer>> streams = lines.stream()
			.map(stream -> CompletableFuture.supplyAsync(() -> follow(id, stream)))
			.toList();
		await().until(() -> metric("fleet_imports_streams") == 4);

		double readsBefore = metric("fleet_imports_stream_reads_total");
		await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
		double reads = metric("fleet_imports_stream_reads_total") - readsBefore;
		// 2 s at one read per 200 ms: about 10 reads for all four streams, where one read per stream makes 40
		assertThat(reads).isBetween(5.0, 14.0);

		progress(new PageFetched(id, 1, List.of()));
		for (CompletableFuture<Integer> stream : streams) {
			assertThat(stream.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
		}
		lines.forEach(stream -> assertThat(events(stream)).last()
			.satisfies(last -> assertThat(last.path("status").asString()).isEqualTo("COMPLETED")));
		await().until(() -> metric("fleet_imports_streams") == 0);
	}

	@Test
	void pagesFetchedWhileTheImportIsStillPlannedRunItAndThePlanEndsIt() {
		UUID id = startImport();
		progress(new PageFetched(id, 1, List.of(81L)));
		progress(new PageFetched(id, 2, List.of()));

		await().until(() -> importView(id).path("pagesFetched").asInt() == 2);
		JsonNode planning = importView(id);
		assertThat(planning.path("status").asString()).isEqualTo("RUNNING");
		assertThat(planning.path("pagesTotal").isNull()).isTrue();
		assertThat(planning.path("startedAt").isNull()).isFalse();
		persisted(id, 81);
		await().until(() -> importView(id).path("moviesPersisted").asInt() == 1);
		assertThat(importView(id).path("status").asString()).as("every page so far done, but not the plan").isEqualTo("RUNNING");

		progress(new ImportPlanned(id, 2, 40));
		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
		assertThat(importView(id).path("pagesTotal").asInt()).isEqualTo(2);
	}

	@Test
	void aRunningImportWhoseLastEventWasLostIsEndedByTheRecheck() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 1, 20));
		progress(new PageFetched(id, 1, List.of(71L)));
		await().until(() -> importView(id).path("moviesExpected").asInt() == 1);

		// the persist worker records the outcome, and its MoviesPersisted event never arrives
		persisted(id, 71);

		await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
		assertThat(importView(id).path("moviesPersisted").asInt()).isEqualTo(1);
	}

	@Test
	void anEventThatCannotBeAppliedIsDeadLetteredAloneWhileItsNeighboursCount() {
		UUID id = startImport();
		UUID unknown = UUID.randomUUID();
		progress(new ImportPlanned(id, 3, 60));
		// on the import's partition, amid its events: a page of an import that does not exist has no row to go to
		kafka.send(Topics.PROGRESS, id.toString(), new PageFetched(unknown, 1, List.of(81L))).join();
		progress(new PageFetched(id, 1, List.of(82L)));
		progress(new PageFailed(id, 2, "TMDB answered \0HTTP 500"));
		progress(new PageFetched(id, 3, List.of()));
		persisted(id, 82);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));
		JsonNode view = importView(id);
		assertThat(view.path("pagesFetched").asInt()).isEqualTo(2);
		assertThat(view.path("pagesFailed").asInt()).isEqualTo(1);
		assertThat(view.path("moviesExpected").asInt()).isEqualTo(1);
		assertThat(view.at("/failedPages/0/reason").asString()).isEqualTo("TMDB answered HTTP 500");

		try (TopicReader deadLetters = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.PROGRESS))) {
			assertThat(deadLetters.await(PageFetched.class, event -> event.importId().equals(unknown), 1,
					Duration.ofSeconds(30))).hasSize(1);
		}
		assertThat(jdbc.queryForObject("select count(*) from import_items where import_id = ?", Long.class, unknown))
			.isZero();
	}

	private double metric(String name) {
		Response response = api().get("/actuator/prometheus");
		Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(response.body());
		return value.find() ? Double.parseDouble(value.group(1)) : 0;
	}

	@Test
	void theProgressListenerRunsAsManyConsumersAsItsPropertiesSay(@Autowired KafkaListenerEndpointRegistry listeners) {
		assertThat(((ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("gateway-progress"))
			.getConcurrency()).isEqualTo(3);
	}

}
