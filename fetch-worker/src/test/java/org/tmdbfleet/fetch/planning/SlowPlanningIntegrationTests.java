package org.tmdbfleet.fetch.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.ImportFailed;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportProgress;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import org.tmdbfleet.fetch.FetchWorkerIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning that takes longer than a Kafka transaction may last: TMDB answers in 150 ms, windows
 * are 2 pages and probed one at a time, so a 70-page discover import needs dozens of sequential
 * window probes (16 at once took 2.8 to 4.2 s, too close to the limit), and a transaction times
 * out after 3 s. A planner that opened its transaction before its last probe
 * would be aborted by the broker, again and again. The fleet fetches the windows decided first
 * while the later ones are still being asked for.
 */
@FetchWorkerIntegrationTest(simulator = "--simulator.latency=150ms")
@TestPropertySource(properties = { "spring.kafka.producer.properties.transaction.timeout.ms=3000",
		"fleet.planning.window-pages=2", "fleet.planning.probes=1" })
// the broker looks for timed-out transactions every 500 ms (10 s by default, longer than the timeout)
@EmbeddedKafka(brokerProperties = "transaction.abort.timed.out.transaction.cleanup.interval.ms=500")
class SlowPlanningIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Test
	void aPlanLongerThanATransactionIsPublishedOnceAndEveryPageIsFetched() {
		UUID importId = UUID.randomUUID();
		ImportFilters filters = new ImportFilters(LocalDate.of(2000, 1, 1), LocalDate.of(2019, 12, 31), null, null,
				null, null);
		ImportRequested request = new ImportRequested(importId, ImportSource.DISCOVER, 70, filters, Instant.now(),
				false);
		Instant requested = Instant.now();
		kafka.executeInTransaction(template -> template.send(Topics.IMPORTS, request.key(), request));

		try (TopicReader progress = new TopicReader(broker.getBrokersAsString(), Topics.PROGRESS)) {
			List<ImportPlanned> planned = progress.await(ImportPlanned.class, event -> event.importId().equals(importId),
					1, PATIENCE);
			Duration planning = Duration.between(requested, Instant.now());
			System.out.println("Planning took " + planning + " for " + planned.get(0).windows().size() + " windows");
			assertThat(planned).hasSize(1);
			assertThat(planned.get(0).windows()).hasSizeGreaterThanOrEqualTo(30);
			assertThat(planned.get(0).totalPages()).isEqualTo(70);
			assertThat(planning).as("planning outlasted the transaction timeout").isGreaterThan(Duration.ofSeconds(3));

			List<PageFetched> pages = progress.await(PageFetched.class, event -> event.importId().equals(importId), 70,
					PATIENCE);
			Set<Integer> fetched = pages.stream().map(PageFetched::page).collect(Collectors.toSet());
			assertThat(fetched).hasSize(70);

			// one partition (the import's key) holds them all, in the order they were committed
			List<ImportProgress> events = progress.await(ImportProgress.class,
					event -> event.importId().equals(importId), 71, Duration.ZERO);
			Set<Integer> windowFirstPages = planned.get(0)
				.windows()
				.stream()
				.map(ImportWindow::firstPage)
				.collect(Collectors.toSet());
			assertThat(events.subList(0, events.indexOf(planned.get(0))))
				.as("pages fetched by page commands before the plan was whole")
				.filteredOn(event -> event instanceof PageFetched page && !windowFirstPages.contains(page.page()))
				.isNotEmpty();
			assertThat(progress.await(ImportFailed.class, event -> event.importId().equals(importId), 1,
					Duration.ZERO)).isEmpty();
			assertThat(progress.await(ImportPlanned.class, event -> event.importId().equals(importId), 2,
					Duration.ofSeconds(2))).as("planned once").hasSize(1);
		}
	}

}
