package org.tmdbfleet.gateway.imports;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ImportApiIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void anAcceptedImportIsRecordedAndPublished() {
		ResponseEntity<String> response = post("""
				{"source":"discover","maxPages":25,"filters":{"releaseDateFrom":"1990-01-01","releaseDateTo":"1999-12-31","genres":[28]}}""");

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		JsonNode body = FleetJson.MAPPER.readTree(response.getBody());
		UUID id = UUID.fromString(body.path("id").asString());
		assertThat(response.getHeaders().getLocation()).hasToString("/api/imports/" + id);
		assertThat(body.path("status").asString()).isEqualTo("QUEUED");
		assertThat(jdbc.queryForObject("select status from import_jobs where id = ?", String.class, id))
			.isEqualTo("QUEUED");
		ImportRequested published = publishedImport(id);
		assertThat(published.source()).isEqualTo(ImportSource.DISCOVER);
		assertThat(published.maxPages()).isEqualTo(25);
		assertThat(published.filters().genres()).containsExactly(28);
	}

	@Test
	void onlyDiscoverTakesMoreThanTmdbsFiveHundredPages() {
		ResponseEntity<String> discover = post("""
				{"source":"discover","maxPages":2000,"filters":{"releaseDateFrom":"1990-01-01","releaseDateTo":"2025-12-31"}}""");
		ResponseEntity<String> popular = post("{\"source\":\"popular\",\"maxPages\":501}");

		assertThat(discover.getStatusCode().value()).isEqualTo(202);
		UUID id = UUID.fromString(FleetJson.MAPPER.readTree(discover.getBody()).path("id").asString());
		assertThat(publishedImport(id).maxPages()).isEqualTo(2000);
		assertProblem(popular, 400);
		assertThat(popular.getBody()).contains("maxPages", "only discover");
	}

	@Test
	void progressEventsDriveAnImportToCompletedWithExactCounts() {
		UUID id = startImport();
		// movie 3 is on both pages: the list shifted while it was paged through
		progress(new ImportPlanned(id, 2, 40));
		progress(new PageFetched(id, 1, List.of(1L, 2L, 3L)));
		progress(new PageFetched(id, 2, List.of(3L, 4L)));
		await().until(() -> importView(id).path("pagesFetched").asInt() == 2);
		assertThat(importView(id).path("status").asString()).isEqualTo("RUNNING");
		assertThat(importView(id).path("moviesExpected").asInt()).isEqualTo(4);

		persisted(id, 1, 2, 3);
		progress(new MoviesPersisted(id, 3));
		await().until(() -> importView(id).path("moviesPersisted").asInt() == 3);
		assertThat(importView(id).path("status").asString()).isEqualTo("RUNNING");

		persisted(id, 4);
		progress(new MoviesPersisted(id, 1));
		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
		JsonNode done = importView(id);
		assertThat(done.path("moviesExpected").asInt()).isEqualTo(4);
		assertThat(done.path("moviesPersisted").asInt()).isEqualTo(4);
		assertThat(done.path("pagesTotal").asInt()).isEqualTo(2);
		assertThat(done.path("startedAt").isNull()).isFalse();
		assertThat(done.path("finishedAt").isNull()).isFalse();
	}

	@Test
	void aFailedPageEndsTheImportWithErrorsAndSaysWhy() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 2, 40));
		progress(new PageFetched(id, 1, List.of(11L)));
		persisted(id, 11);
		progress(new PageFailed(id, 2, "TMDB popular answered HTTP 503"));

		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));
		JsonNode done = importView(id);
		assertThat(done.path("pagesFailed").asInt()).isEqualTo(1);
		assertThat(done.path("failedPages").get(0).path("page").asInt()).isEqualTo(2);
		assertThat(done.path("failedPages").get(0).path("reason").asString()).contains("503");
	}

	@Test
	void anImportThatCannotStartIsFailedWithItsReason() {
		UUID id = startImport();
		progress(new ImportFailed(id, "TMDB popular answered HTTP 401 (7: Invalid API key)"));

		await().until(() -> "FAILED".equals(importView(id).path("status").asString()));
		assertThat(importView(id).path("error").asString()).contains("401");
	}

	@Test
	void badInputAndUnknownImportsAreProblemsNotErrors() {
		assertProblem(post("{\"source\":\"everything\"}"), 400);
		assertProblem(post("{\"source\":\"popular\",\"maxPages\":0}"), 400);
		assertProblem(post("{\"source\":\"popular\",\"maxPages\":501}"), 400);
		assertProblem(post("{\"source\":"), 400);
		assertProblem(post("""
				{"source":"discover","filters":{"releaseDateFrom":"2000-01-01","releaseDateTo":"1990-01-01"}}"""), 400);
		assertProblem(get("/api/imports/" + UUID.randomUUID()), 404);
		assertProblem(get("/api/imports/not-a-uuid"), 400);
	}

	private static void assertProblem(ResponseEntity<String> response, int status) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(FleetJson.MAPPER.readTree(response.getBody()).path("status").asInt()).isEqualTo(status);
	}

	private ResponseEntity<String> post(String json) {
		return http().post()
			.uri("/api/imports")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	private ResponseEntity<String> get(String path) {
		return http().get().uri(path).retrieve().onStatus(status -> true, (request, response) -> {
		}).toEntity(String.class);
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + port);
	}

	private ImportRequested publishedImport(UUID id) {
		try (TopicReader reader = new TopicReader(broker.getBrokersAsString(), Topics.IMPORTS)) {
			List<ImportRequested> found = reader.await(ImportRequested.class, request -> request.importId().equals(id),
					1, Duration.ofSeconds(20));
			assertThat(found).hasSize(1);
			return found.get(0);
		}
	}

}
