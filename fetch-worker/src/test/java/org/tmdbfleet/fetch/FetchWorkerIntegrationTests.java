package org.tmdbfleet.fetch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ExportListed;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanDecided;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.fetch.tmdb.ExportHost;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@FetchWorkerIntegrationTest
@TestPropertySource(properties = "tmdb.export-timeout=" + FetchWorkerIntegrationTests.EXPORT_TIMEOUT)
class FetchWorkerIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	static final String EXPORT_TIMEOUT = "2s";

	/** TMDB's files host for catalog imports: each test tells it how to answer. */
	private static final ExportHost exportHost = new ExportHost(3924, 6124, 8773);

	@DynamicPropertySource
	static void tmdb(DynamicPropertyRegistry registry) {
		registry.add("tmdb.exports-url", exportHost::url);
	}

	@AfterAll
	static void stopExportHost() {
		exportHost.close();
	}

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	MeterRegistry registry;

	@Test
	void anImportIsPlannedAndEveryPageBecomesOneEventPerMovie() {
		UUID importId = request(ImportSource.POPULAR, 3);

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS);
				TopicReader movies = new TopicReader(broker.getBrokersAsString(), Topics.MOVIES)) {
			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(importId), 1, PATIENCE))
				.singleElement()
				.satisfies(planned -> assertThat(planned.totalPages()).isEqualTo(3));
			List<PageFetched> pages = progress.await(PageFetched.class, event -> event.importId().equals(importId), 3,
					PATIENCE);
			assertThat(pages).extracting(PageFetched::page).containsExactlyInAnyOrder(1, 2, 3);
			Set<Long> pageIds = new HashSet<>();
			pages.forEach(page -> pageIds.addAll(page.movieIds()));
			assertThat(pageIds).hasSize(60);

			List<MovieFetched> events = movies.await(MovieFetched.class, event -> event.importId().equals(importId),
					60, PATIENCE);
			assertThat(events).extracting(MovieFetched::tmdbId).containsExactlyInAnyOrderElementsOf(pageIds);
			assertThat(events).allSatisfy(event -> {
				assertThat(event.movie().path("id").asLong()).isEqualTo(event.tmdbId());
				assertThat(event.movie().has("title")).isTrue();
			});
		}
		assertThat(registry.get("fleet.pages.fetched").counter().count()).isGreaterThanOrEqualTo(3);
		assertThat(registry.get("fleet.tmdb.requests").tags("endpoint", "popular", "status", "200").timer().count())
			.isGreaterThanOrEqualTo(3);
	}

	@Test
	void anImportBeyondTheListIsPlannedAtTmdbsTotal() {
		UUID importId = request(ImportSource.UPCOMING, 500);

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			ImportPlanned planned = progress
				.await(ImportPlanned.class, event -> event.importId().equals(importId), 1, PATIENCE)
				.get(0);
			assertThat(planned.totalPages()).isBetween(1, 499);
			assertThat(progress.await(PageFetched.class, event -> event.importId().equals(importId),
					planned.totalPages(), PATIENCE))
				.hasSize(planned.totalPages());
		}
	}

	@Test
	void aDetailsImportTurnsEveryListedMovieIntoItsDetailsAndRefreshesTheReferenceData() {
		UUID importId = request(ImportSource.TOP_RATED, 1, true);

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS);
				TopicReader movies = new TopicReader(broker.getBrokersAsString(), Topics.MOVIES)) {
			List<Long> listed = progress.await(PageFetched.class, event -> event.importId().equals(importId), 1,
					PATIENCE).get(0).movieIds();
			List<MovieFetched> events = movies.await(MovieFetched.class, event -> event.importId().equals(importId),
					20, PATIENCE);
			assertThat(events).extracting(MovieFetched::tmdbId).containsExactlyInAnyOrderElementsOf(listed);
			assertThat(events).allSatisfy(event -> {
				assertThat(event.movie().has("runtime")).as("runtime").isTrue();
				assertThat(event.movie().path("credits").path("cast").isArray()).as("credits").isTrue();
				assertThat(event.movie().has("external_ids")).isTrue();
				assertThat(event.movie().has("keywords")).isTrue();
				assertThat(event.movie().has("release_dates")).isTrue();
			});
			assertThat(movies.await(GenresFetched.class, genres -> true, 1, PATIENCE)).first()
				.satisfies(genres -> assertThat(genres.genres()).extracting(GenresFetched.Genre::name)
					.contains("Action"));
			assertThat(movies.await(ImageConfigurationFetched.class, images -> true, 1, PATIENCE)).first()
				.satisfies(images -> {
					assertThat(images.secureBaseUrl()).endsWith("/t/p/").startsWith("http://localhost:");
					assertThat(images.posterSizes()).contains("w342", "original");
					assertThat(images.backdropSizes()).contains("w780");
					assertThat(images.configuration().path("images").path("still_sizes").isArray())
						.as("TMDB's whole answer, beyond the fields read").isTrue();
					assertThat(images.configuration().path("images").path("secure_base_url").asString())
						.isEqualTo(images.secureBaseUrl());
					assertThat(images.configuration().path("change_keys").toString()).contains("\"title\"");
				});
		}
		assertThat(registry.get("fleet.tmdb.requests").tags("endpoint", "movie", "status", "200").timer().count())
			.isGreaterThanOrEqualTo(20);
	}

	@Test
	void aMovieTmdbDoesNotKnowIsRecordedAsNotFound() {
		UUID importId = UUID.randomUUID();
		FetchDetails command = new FetchDetails(importId, 999_999_999L);
		kafka.executeInTransaction(template -> template.send(Topics.DETAILS, command.key(), command));

		try (TopicReader movies = new TopicReader(broker.getBrokersAsString(), Topics.MOVIES)) {
			assertThat(movies.await(MovieNotFetched.class, event -> event.importId().equals(importId), 1, PATIENCE))
				.singleElement()
				.satisfies(missing -> {
					assertThat(missing.notFound()).isTrue();
					assertThat(missing.tmdbId()).isEqualTo(999_999_999L);
					assertThat(missing.reason()).contains("404");
				});
		}
	}

	@Test
	void anUnreadableDetailsCommandIsDeadLetteredAloneAndItsBatchIsFetched() {
		UUID listing = request(ImportSource.TOP_RATED, 1);
		UUID importId = UUID.randomUUID();
		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS);
				TopicReader movies = new TopicReader(broker.getBrokersAsString(), Topics.MOVIES);
				KafkaProducer<String, String> raw = new KafkaProducer<>(
						Map.of("bootstrap.servers", broker.getBrokersAsString()), new StringSerializer(),
						new StringSerializer());
				KafkaConsumer<String, String> dead = new KafkaConsumer<>(
						Map.of("bootstrap.servers", broker.getBrokersAsString(), "group.id", "test-" + importId,
								"auto.offset.reset", "earliest"),
						new StringDeserializer(), new StringDeserializer())) {
			List<Long> ids = progress.await(PageFetched.class, event -> event.importId().equals(listing), 1, PATIENCE)
				.get(0)
				.movieIds()
				.subList(0, 2);
			FetchDetails first = new FetchDetails(importId, ids.get(0));
			kafka.executeInTransaction(template -> template.send(Topics.DETAILS, first.key(), first));
			raw.send(new ProducerRecord<>(Topics.DETAILS, first.key(), "{\"tmdbId\": not json " + importId));
			FetchDetails second = new FetchDetails(importId, ids.get(1));
			kafka.executeInTransaction(template -> template.send(Topics.DETAILS, second.key(), second));

			assertThat(movies.await(MovieFetched.class, event -> event.importId().equals(importId), 2, PATIENCE))
				.extracting(MovieFetched::tmdbId)
				.containsExactlyInAnyOrderElementsOf(ids);
			dead.subscribe(List.of(Topics.deadLetter(Topics.DETAILS)));
			List<ConsumerRecord<String, String>> poison = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				dead.poll(Duration.ofMillis(200))
					.forEach(record -> poison.addAll((record.value().contains(importId.toString())) ? List.of(record)
							: List.of()));
				return !poison.isEmpty();
			});
			assertThat(new String(poison.get(0).headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
					StandardCharsets.UTF_8)).contains("deserialize");
		}
	}

	@Test
	void aDiscoverImportBeyondTmdbsPagesIsPagedInReleaseDateWindows() {
		LocalDate from = LocalDate.of(1990, 1, 1);
		ImportFilters filters = new ImportFilters(from, LocalDate.of(2025, 12, 31), null, null, null, null);
		UUID importId = request(ImportSource.DISCOVER, 600, filters);

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS);
				TopicReader movies = new TopicReader(broker.getBrokersAsString(), Topics.MOVIES);
				TopicReader pageCommands = new TopicReader(broker.getBrokersAsString(), Topics.PAGES)) {
			ImportPlanned planned = progress
				.await(ImportPlanned.class, event -> event.importId().equals(importId), 1, PATIENCE)
				.get(0);
			List<ImportWindow> windows = planned.windows();
			assertThat(planned.totalPages()).isEqualTo(600);
			assertThat(windows).hasSizeGreaterThan(1);
			assertThat(windows.get(0).from()).isEqualTo(from);
			assertThat(windows.get(1).from()).isEqualTo(windows.get(0).to().plusDays(1));
			assertThat(windows.get(1).firstPage()).isEqualTo(windows.get(0).pages() + 1);

			// the page commands are dealt out over the partitions evenly, so the fetch workers run out together
			int commanded = 600 - (int) windows.stream().filter(window -> window.pages() > 0).count();
			List<FetchPage> commands = pageCommands.await(FetchPage.class, event -> event.importId().equals(importId),
					commanded, PATIENCE);
			assertThat(commands).hasSize(commanded);
			Map<Integer, Long> perPartition = commands.stream()
				.collect(Collectors.groupingBy(pageCommands::partition, Collectors.counting()));
			assertThat(perPartition).hasSize(kafka.executeInTransaction(template -> template.partitionsFor(Topics.PAGES)).size());
			assertThat(Collections.max(perPartition.values()) - Collections.min(perPartition.values())).isLessThanOrEqualTo(1);

			// the second window's page 1 came with planning, its page 2 from a page command
			ImportWindow second = windows.get(1);
			List<PageFetched> pages = progress.await(PageFetched.class, event -> event.importId().equals(importId)
					&& second.holds(event.page()) && event.page() <= second.firstPage() + 1, 2, PATIENCE);
			assertThat(pages).hasSize(2);
			List<Long> ids = pages.stream()
				.sorted(Comparator.comparingInt(PageFetched::page))
				.flatMap(page -> page.movieIds().stream())
				.toList();
			Map<Long, String> released = new HashMap<>();
			movies.await(MovieFetched.class, event -> event.importId().equals(importId) && ids.contains(event.tmdbId()),
					40, PATIENCE)
				.forEach(event -> released.put(event.tmdbId(), event.movie().path("release_date").asString()));
			List<String> dates = ids.stream().map(released::get).toList();
			assertThat(dates).hasSize(40).isSorted().allSatisfy(date -> assertThat(LocalDate.parse(date))
				.isBetween(second.from(), second.to()));
		}
		finally {
			cancel(importId);
		}
	}

	@Test
	void anOpenStartIsCutFromTheOldestReleaseNotFromTmdbsOldestFilm() {
		// the simulator's films begin in 1930; cut from 1874, the first windows held none
		UUID importId = request(ImportSource.DISCOVER, 600, ImportFilters.NONE);

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			ImportPlanned planned = progress
				.await(ImportPlanned.class, event -> event.importId().equals(importId), 1, PATIENCE)
				.get(0);
			ImportWindow first = planned.windows().get(0);
			assertThat(first.from()).as("still open below").isNull();
			assertThat(first.to()).isAfterOrEqualTo(LocalDate.of(1930, 1, 1));
			assertThat(planned.windows()).allSatisfy(window -> assertThat(window.results()).isPositive());
		}
		finally {
			cancel(importId);
		}
	}

	@Test
	void aPageCommandThatFailsInAWayNobodyForesawEndsAsThatPagesFailureWithTheReason() {
		UUID importId = UUID.randomUUID();
		// no source: the listener throws a NullPointerException, not a TMDB failure
		FetchPage broken = new FetchPage(importId, null, ImportFilters.NONE, 4, null, false);
		kafka.executeInTransaction(template -> template.send(Topics.PAGES, broken.key(), broken));

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS);
				TopicReader dead = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.PAGES))) {
			List<PageFailed> failed = progress.await(PageFailed.class, event -> event.importId().equals(importId), 1,
					PATIENCE);
			assertThat(failed).singleElement().satisfies(page -> {
				assertThat(page.page()).isEqualTo(4);
				assertThat(page.reason()).contains("NullPointerException");
			});
			assertThat(dead.await(FetchPage.class, command -> command.importId().equals(importId), 1, PATIENCE))
				.hasSize(1);
		}
	}

	@Test
	void aPageTmdbRefusesIsDeadLetteredWithSpringsHeadersAndItsImportToldTmdbsAnswer() {
		UUID importId = UUID.randomUUID();
		FetchPage beyond = new FetchPage(importId, ImportSource.POPULAR, ImportFilters.NONE, 501, null, false);
		double failedBefore = registry.get("fleet.pages.failed").counter().count();
		kafka.executeInTransaction(template -> template.send(Topics.PAGES, beyond.key(), beyond));

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS);
				TopicReader dead = new TopicReader(broker.getBrokersAsString(), Topics.deadLetter(Topics.PAGES))) {
			PageFailed failed = progress.await(PageFailed.class, event -> event.importId().equals(importId), 1, PATIENCE)
				.get(0);
			assertThat(failed.page()).isEqualTo(501);
			assertThat(failed.reason()).as("TMDB's answer, word for word").contains("400").contains("22")
				.doesNotContain("Exception");
			FetchPage deadLetter = dead.await(FetchPage.class, command -> command.importId().equals(importId), 1,
					PATIENCE).get(0);
			assertThat(dead.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.PAGES);
			assertThat(dead.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
			assertThat(dead.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNotNull();
			assertThat(dead.header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo(failed.reason());
		}
		assertThat(registry.get("fleet.pages.failed").counter().count()).isEqualTo(failedBefore + 1);
	}

	@Test
	void aDuplicatedImportRequestedIsPlannedOnceEvenWhenItsSecondPlanWouldFail() throws Exception {
		exportHost.thenServes().thenStalls(); // a second plan would fail at the export timeout
		ImportRequested request = new ImportRequested(UUID.randomUUID(), ImportSource.CATALOG, null,
				ImportFilters.NONE, Instant.now(), true);
		UUID importId = request.importId();

		// the outbox relays at least once: the same record twice, each in a transaction of its own
		send(request);
		RecordMetadata duplicate = send(request);

		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
				TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			TopicPartition partition = new TopicPartition(duplicate.topic(), duplicate.partition());
			await().atMost(PATIENCE).until(() -> committedOffset(admin, "fetch-planner", partition) > duplicate.offset());

			// both commands consumed: whatever their plans sent is committed by now
			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(importId), 2,
					Duration.ofSeconds(3)))
				.singleElement()
				.satisfies(planned -> assertThat(planned.totalResults()).isEqualTo(3));
			assertThat(progress.await(ImportFailed.class, event -> event.importId().equals(importId), 1,
					Duration.ofSeconds(1)))
				.isEmpty();
			assertThat(progress.await(ExportListed.class, event -> event.importId().equals(importId), 2,
					Duration.ofSeconds(1)))
				.hasSize(1);
		}
		finally {
			exportHost.clear();
		}
	}

	@Test
	void aCommandWhosePlanAnotherInstanceDecidedIsNotPlannedAgainButALaterRequestIs() throws Exception {
		ImportRequested request = new ImportRequested(UUID.randomUUID(), ImportSource.POPULAR, 1, ImportFilters.NONE,
				Instant.now(), false);
		UUID importId = request.importId();
		// the marker another fetch worker's plan committed, before it lost the partition
		kafka.executeInTransaction(template -> template.send(Topics.CONTROL,
				new ImportPlanDecided(importId, request.requestedAt()).key(),
				new ImportPlanDecided(importId, request.requestedAt())))
			.get();

		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
				TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			RecordMetadata duplicate = send(request);
			TopicPartition partition = new TopicPartition(duplicate.topic(), duplicate.partition());
			await().atMost(PATIENCE).until(() -> committedOffset(admin, "fetch-planner", partition) > duplicate.offset());
			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(importId), 1,
					Duration.ofSeconds(2)))
				.as("planned again although its plan was decided")
				.isEmpty();

			// the gateway's retry: the same import, requested later
			send(new ImportRequested(importId, ImportSource.POPULAR, 1, ImportFilters.NONE,
					request.requestedAt().plusSeconds(1), false));
			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(importId), 1, PATIENCE))
				.hasSize(1);
		}
	}

	@Test
	void aStalledExportFailsTheImportWithinTheTimeoutAndARetryPlansItAgain() throws Exception {
		exportHost.thenStalls().thenServes();
		UUID importId = UUID.randomUUID();
		Instant requestedAt = Instant.now();

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			send(new ImportRequested(importId, ImportSource.CATALOG, null, ImportFilters.NONE, requestedAt, true));

			// without a deadline on the body the planner waits for the host forever, and the import never fails
			assertThat(progress.await(ImportFailed.class, event -> event.importId().equals(importId), 1,
					Duration.ofSeconds(20)))
				.singleElement()
				.satisfies(failed -> assertThat(failed.reason()).startsWith("planning failed: the export movie_ids_")
					.endsWith(".json.gz was not read within 2 s (tmdb.export-timeout)"));

			// the gateway's retry of a failed plan: a new command, requested later
			send(new ImportRequested(importId, ImportSource.CATALOG, null, ImportFilters.NONE,
					requestedAt.plusSeconds(1), true));

			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(importId), 1, PATIENCE))
				.singleElement()
				.satisfies(planned -> assertThat(planned.totalResults()).isEqualTo(3));
		}
		finally {
			exportHost.clear();
		}
	}

	@Test
	void importsWithDatesTmdbCannotAnswerFailNamingTheFieldAndPlanningGoesOn() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		// commands a gateway refuses now, but an older one sent, or a record already on the topic holds
		Map<String, ImportFilters> refused = Map.of(
				"changedTo +999999999-12-31 is not a date TMDB can answer", ImportFilters.changed(today, LocalDate.MAX),
				"changedFrom -999999999-01-01 is not a date TMDB can answer", ImportFilters.changed(LocalDate.MIN, today),
				"is more than 366 days of changes", ImportFilters.changed(today, LocalDate.of(9999, 12, 31)),
				"changedFrom " + today + " is after changedTo " + today.minusDays(1),
				ImportFilters.changed(today, today.minusDays(1)),
				"releaseDateFrom -999999999-01-01 is not a date TMDB can answer",
				new ImportFilters(LocalDate.MIN, LocalDate.MAX, null, null, null, null));
		Map<UUID, String> expected = new HashMap<>();
		refused.forEach((reason, filters) -> {
			ImportSource source = (filters.changedFrom() != null) ? ImportSource.CHANGES : ImportSource.DISCOVER;
			expected.put(request(source, 600, filters), reason);
		});

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			List<ImportFailed> failed = progress.await(ImportFailed.class,
					event -> expected.containsKey(event.importId()), expected.size(), PATIENCE);
			assertThat(failed).hasSize(expected.size())
				.allSatisfy(event -> assertThat(event.reason()).startsWith("planning failed: ")
					.contains(expected.get(event.importId())));

			UUID next = request(ImportSource.POPULAR, 1);
			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(next), 1, PATIENCE))
				.hasSize(1);
		}
	}

	private RecordMetadata send(ImportRequested request) throws Exception {
		return kafka.executeInTransaction(template -> template.send(Topics.IMPORTS, request.key(), request))
			.get()
			.getRecordMetadata();
	}

	private static long committedOffset(Admin admin, String group, TopicPartition partition) throws Exception {
		OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get()
			.get(partition);
		return (committed != null) ? committed.offset() : -1;
	}

	private UUID request(ImportSource source, int maxPages) {
		return request(source, maxPages, ImportFilters.NONE, false);
	}

	private UUID request(ImportSource source, int maxPages, boolean details) {
		return request(source, maxPages, ImportFilters.NONE, details);
	}

	private UUID request(ImportSource source, int maxPages, ImportFilters filters) {
		return request(source, maxPages, filters, false);
	}

	/** Stops an import's remaining pages, so that a test's large plan does not load the next tests. */
	private void cancel(UUID importId) {
		ImportCancelled cancelled = new ImportCancelled(importId, Instant.now());
		kafka.executeInTransaction(template -> template.send(Topics.CONTROL, cancelled.key(), cancelled));
	}

	private UUID request(ImportSource source, int maxPages, ImportFilters filters, boolean details) {
		UUID importId = UUID.randomUUID();
		ImportRequested request = new ImportRequested(importId, source, maxPages, filters, Instant.now(), details);
		kafka.executeInTransaction(template -> template.send(Topics.IMPORTS, request.key(), request));
		return importId;
	}

}
