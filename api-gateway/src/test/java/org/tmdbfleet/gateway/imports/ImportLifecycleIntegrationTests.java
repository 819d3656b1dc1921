package org.tmdbfleet.gateway.imports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cancel, retry and live progress, as an operator drives them over HTTP. */
class ImportLifecycleIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void cancellingARunningImportTellsTheWorkersAndKeepsWhatWasDone() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 2, 40));
		progress(new PageFetched(id, 1, List.of(21L)));
		await().until(() -> importView(id).path("pagesFetched").asInt() == 1);

		Response cancelled = api().postJson("/api/imports/" + id + "/cancel", "");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("pagesFetched").asInt()).isEqualTo(1);
		assertThat(cancelled.json().path("finishedAt").isNull()).isFalse();
		assertThat(cancellationsOf(id)).hasSize(1);

		// late progress of the page in flight is still counted, and the import stays cancelled
		persisted(id, 21);
		progress(new PageFetched(id, 2, List.of()));
		await().until(() -> importView(id).path("pagesFetched").asInt() == 2);
		assertThat(importView(id).path("status").asString()).isEqualTo("CANCELLED");

		Response again = api().postJson("/api/imports/" + id + "/cancel", "");
		assertThat(again.status()).isEqualTo(200);
		assertThat(cancellationsOf(id)).hasSize(2);
	}

	@Test
	void anEndedImportCannotBeCancelled() {
		UUID id = startImport();
		progress(new ImportFailed(id, "TMDB answered HTTP 401"));
		await().until(() -> "FAILED".equals(importView(id).path("status").asString()));

		assertProblem(api().postJson("/api/imports/" + id + "/cancel", ""), 409, "status");
		assertProblem(api().postJson("/api/imports/" + UUID.randomUUID() + "/cancel", ""), 404);
		assertProblem(api().postJson("/api/imports/not-an-id/cancel", ""), 400, "id");
	}

	@Test
	void aPlanFailureAfterTheImportWasPlannedLeavesItRunningToItsEnd() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 1, 20));
		await().until(() -> "RUNNING".equals(importView(id).path("status").asString()));

		// a second plan of a command relayed twice, failing: the plan that counts was made
		progress(new ImportFailed(id, "planning failed: TMDB popular answered HTTP 503"));
		progress(new PageFetched(id, 1, List.of(41L)));
		persisted(id, 41);

		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
		assertThat(importView(id).hasNonNull("error")).as(importView(id).toString()).isFalse();
	}

	@Test
	void retrySendsExactlyTheFailedPagesAndTheImportCompletesWhenTheySucceed() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 3, 60));
		progress(new PageFailed(id, 1, "TMDB popular answered HTTP 503"));
		progress(new PageFetched(id, 2, List.of(31L)));
		persisted(id, 31);
		progress(new PageFailed(id, 3, "TMDB popular answered HTTP 500"));
		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));

		Response retried = api().postJson("/api/imports/" + id + "/retry", "");
		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		assertThat(retried.header("Location")).isEqualTo("/api/imports/" + id);
		assertThat(retried.json().path("status").asString()).isEqualTo("RUNNING");
		assertThat(retried.json().path("pagesRetrying").asInt()).isEqualTo(2);
		assertThat(retried.json().path("pagesFailed").asInt()).isZero();
		try (TopicReader pages = new TopicReader(broker.getBrokersAsString(), Topics.PAGES)) {
			List<FetchPage> sent = pages.await(FetchPage.class, page -> page.importId().equals(id), 3,
					Duration.ofSeconds(5));
			assertThat(sent).extracting(FetchPage::page).containsExactlyInAnyOrder(1, 3);
			assertThat(sent).allSatisfy(page -> assertThat(page.source().wireName()).isEqualTo("popular"));
		}
		// nothing left to retry while the retried pages are on their way
		assertProblem(api().postJson("/api/imports/" + id + "/retry", ""), 409, "status");

		progress(new PageFetched(id, 1, List.of(32L)));
		progress(new PageFetched(id, 3, List.of()));
		persisted(id, 32);
		progress(new MoviesPersisted(id, 1));
		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
		JsonNode done = importView(id);
		assertThat(done.path("pagesFetched").asInt()).isEqualTo(3);
		assertThat(done.path("pagesFailed").asInt()).isZero();
		assertThat(done.path("failedPages")).isEmpty();
		assertThat(done.path("moviesPersisted").asInt()).isEqualTo(2);
	}

	@Test
	void aWindowedImportShowsItsWindowsAndRetriesAFailedPageAsItsWindowsPage() {
		Response started = api().postJson("/api/imports", """
				{"source":"discover","filters":{"releaseDateFrom":"1990-01-01","releaseDateTo":"2025-12-31","genres":[28]}}""");
		UUID id = UUID.fromString(started.json().path("id").asString());
		LocalDate cut = LocalDate.of(2008, 1, 1);
		progress(new ImportPlanned(id, 5, 90,
				List.of(new ImportWindow(LocalDate.of(1990, 1, 1), cut.minusDays(1), 1, 3, 50, false),
						new ImportWindow(cut, LocalDate.of(2025, 12, 31), 4, 2, 40, false))));
		for (int page = 1; page <= 4; page++) {
			progress(new PageFetched(id, page, List.of()));
		}
		progress(new PageFailed(id, 5, "TMDB discover answered HTTP 503"));
		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));

		JsonNode windows = importView(id).path("windows");
		assertThat(windows).hasSize(2);
		assertThat(windows.get(1).path("from").asString()).isEqualTo("2008-01-01");
		assertThat(windows.get(1).path("to").asString()).isEqualTo("2025-12-31");
		assertThat(windows.get(1).path("firstPage").asInt()).isEqualTo(4);
		assertThat(windows.get(1).path("pages").asInt()).isEqualTo(2);
		assertThat(windows.get(1).path("results").asLong()).isEqualTo(40);
		assertThat(windows.get(1).path("truncated").asBoolean()).isFalse();

		assertThat(api().postJson("/api/imports/" + id + "/retry", "").status()).isEqualTo(202);
		try (TopicReader pages = new TopicReader(broker.getBrokersAsString(), Topics.PAGES)) {
			FetchPage sent = pages.await(FetchPage.class, page -> page.importId().equals(id), 1, Duration.ofSeconds(5))
				.get(0);
			assertThat(sent.page()).isEqualTo(5);
			assertThat(sent.tmdbPage()).as("page 2 of the second window").isEqualTo(2);
			assertThat(sent.filters().releaseDateFrom()).isEqualTo(cut);
			assertThat(sent.filters().releaseDateTo()).isEqualTo(LocalDate.of(2025, 12, 31));
			assertThat(sent.filters().genres()).containsExactly(28);
			assertThat(sent.filters().sortBy()).isEqualTo(ImportWindow.DEFAULT_SORT);
		}
		progress(new PageFetched(id, 5, List.of()));
		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
	}

	@Test
	void aRetriedPageThatFailsAgainEndsTheImportWithErrorsAgain() {
		UUID id = startImport();
		progress(new ImportPlanned(id, 2, 40));
		progress(new PageFetched(id, 1, List.of()));
		progress(new PageFailed(id, 2, "TMDB popular answered HTTP 503"));
		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));

		assertThat(api().postJson("/api/imports/" + id + "/retry", "").status()).isEqualTo(202);
		progress(new PageFailed(id, 2, "TMDB popular answered HTTP 504"));

		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));
		assertThat(importView(id).path("failedPages").get(0).path("reason").asString()).contains("504");
	}

	@Test
	void anImportThatFailedBeforeItWasPlannedIsQueuedAgainWhole() {
		UUID id = startImport();
		progress(new ImportFailed(id, "TMDB popular answered HTTP 401 (7: Invalid API key)"));
		await().until(() -> "FAILED".equals(importView(id).path("status").asString()));

		Response retried = api().postJson("/api/imports/" + id + "/retry", "");
		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		assertThat(retried.json().path("status").asString()).isEqualTo("QUEUED");
		assertThat(retried.json().path("error").isNull()).isTrue();
		try (TopicReader imports = new TopicReader(broker.getBrokersAsString(), Topics.IMPORTS)) {
			assertThat(imports.await(ImportRequested.class, request -> request.importId().equals(id), 2,
					Duration.ofSeconds(5)))
				.hasSize(2)
				.allSatisfy(request -> assertThat(request.maxPages()).isEqualTo(2));
		}
	}

	@Test
	void aDetailsImportCountsMoviesNotFoundAndRetriesTheMoviesWhoseDetailsFailed() {
		Response started = api().postJson("/api/imports", "{\"source\":\"popular\",\"maxPages\":1,\"details\":true}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		UUID id = UUID.fromString(started.json().path("id").asString());
		try (TopicReader imports = new TopicReader(broker.getBrokersAsString(), Topics.IMPORTS)) {
			assertThat(imports.await(ImportRequested.class, request -> request.importId().equals(id), 1,
					Duration.ofSeconds(5)))
				.singleElement()
				.satisfies(request -> assertThat(request.details()).isTrue());
		}
		progress(new ImportPlanned(id, 1, 3));
		progress(new PageFetched(id, 1, List.of(51L, 52L, 53L)));
		// as the persist workers record them
		persisted(id, 51);
		outcome(id, 52, "NOT_FOUND", "TMDB movie answered HTTP 404 (34: The resource you requested could not be found.)");
		outcome(id, 53, "FAILED", "TMDB movie answered HTTP 503, 4 attempts");
		progress(new MoviesPersisted(id, 3));
		await().until(() -> "COMPLETED_WITH_ERRORS".equals(importView(id).path("status").asString()));
		JsonNode broken = importView(id);
		assertThat(broken.path("moviesPersisted").asInt()).isEqualTo(1);
		assertThat(broken.path("moviesNotFound").asInt()).isEqualTo(1);
		assertThat(broken.path("moviesFailed").asInt()).isEqualTo(1);
		assertThat(broken.path("failedMovies").get(0).path("tmdbId").asLong()).isEqualTo(53);
		assertThat(broken.path("failedMovies").get(0).path("reason").asString()).contains("503");

		assertThat(api().postJson("/api/imports/" + id + "/retry", "").status()).isEqualTo(202);
		try (TopicReader details = new TopicReader(broker.getBrokersAsString(), Topics.DETAILS)) {
			assertThat(details.await(FetchDetails.class, command -> command.importId().equals(id), 2,
					Duration.ofSeconds(5)))
				.extracting(FetchDetails::tmdbId)
				.containsExactly(53L);
		}
		assertThat(importView(id).path("status").asString()).isEqualTo("RUNNING");
		persisted(id, 53);
		progress(new MoviesPersisted(id, 1));
		await().until(() -> "COMPLETED".equals(importView(id).path("status").asString()));
		assertThat(importView(id).path("moviesPersisted").asInt()).isEqualTo(2);
	}

	@Test
	void nothingToRetryAndCancelledImportsAreConflicts() {
		UUID running = startImport();
		assertProblem(api().postJson("/api/imports/" + running + "/retry", ""), 409, "status");

		UUID cancelled = startImport();
		progress(new ImportPlanned(cancelled, 2, 40));
		progress(new PageFailed(cancelled, 1, "TMDB popular answered HTTP 500"));
		await().until(() -> importView(cancelled).path("pagesFailed").asInt() == 1);
		assertThat(api().postJson("/api/imports/" + cancelled + "/cancel", "").status()).isEqualTo(200);
		assertProblem(api().postJson("/api/imports/" + cancelled + "/retry", ""), 409, "status");
		assertThat(importView(cancelled).path("pagesFailed").asInt()).isEqualTo(1);
		assertProblem(api().postJson("/api/imports/" + UUID.randomUUID() + "/retry", ""), 404);
	}

	@Test
	void theEventStreamPushesProgressUntilTheImportEnds() throws Exception {
		UUID id = startImport();
		List<String> lines = new CopyOnWriteArrayList<>();
		CompletableFuture<Integer> stream = CompletableFuture.supplyAsync(() -> follow(id, lines));
		await().until(() -> lines.contains("event:progress"));

		progress(new ImportPlanned(id, 2, 40));
		await().until(() -> events(lines).stream().anyMatch(event -> event.path("status").asString().equals("RUNNING")));
		progress(new PageFetched(id, 1, List.of(41L)));
		progress(new PageFetched(id, 2, List.of(42L)));
		persisted(id, 41, 42);
		progress(new MoviesPersisted(id, 2));

		assertThat(stream.get(20, TimeUnit.SECONDS)).as("the stream closes when the import ended").isEqualTo(200);
		List<JsonNode> events = events(lines);
		assertThat(events.get(0).path("status").asString()).isEqualTo("QUEUED");
		assertThat(events.getLast().path("status").asString()).isEqualTo("COMPLETED");
		assertThat(events.getLast().path("moviesPersisted").asInt()).isEqualTo(2);
		assertThat(events).extracting(event -> event.path("pagesFetched").asInt()).isSorted();
		assertThat(lines).containsSubsequence("event:end", "data:COMPLETED");
	}

	@Test
	void theEventStreamOfAnEndedImportSaysSoAndCloses() {
		UUID id = startImport();
		progress(new ImportFailed(id, "TMDB answered HTTP 401"));
		await().until(() -> "FAILED".equals(importView(id).path("status").asString()));

		List<String> lines = new ArrayList<>();
		assertThat(follow(id, lines)).isEqualTo(200);
		assertThat(events(lines)).singleElement().satisfies(event -> assertThat(event.path("status").asString())
			.isEqualTo("FAILED"));
		assertThat(lines).containsSubsequence("event:end", "data:FAILED");
		assertProblem(api().get("/api/imports/" + UUID.randomUUID() + "/events"), 404);
	}

	/** Reads the whole stream, line by line, into {@code lines}; returns the HTTP status. */
	private List<ImportCancelled> cancellationsOf(UUID id) {
		try (TopicReader control = new TopicReader(broker.getBrokersAsString(), Topics.CONTROL)) {
			return control.await(ImportCancelled.class, cancellation -> cancellation.importId().equals(id), 2,
					Duration.ofSeconds(3));
		}
	}

}
