package org.tmdbfleet.persist.movies;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outcome of each movie of an import and the counters on its {@code import_jobs} row, as the
 * gateway reads them: exact however records are delivered, and exact when PostgreSQL rejects one.
 * Every test publishes to one partition, so a record published last is processed last.
 */
class ImportProgressIntegrationTests extends PersistWorkerIntegrationTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void outcomesCountOnceHoweverOftenTheirRecordsAreDelivered() {
		UUID importId = startImport();
		listed(importId, 9001, 9002, 9003, 9004); // 9005 is not listed yet
		List<FleetMessage> records = List.of(movie(importId, 9001, T0), movie(importId, 9002, T0),
				movie(importId, 9002, T0.plusSeconds(1)), new MovieNotFetched(importId, 9003, true, "HTTP 404"),
				new MovieNotFetched(importId, 9004, false, "HTTP 503"), movie(importId, 9005, T0));

		publish(records);
		await().atMost(Duration.ofSeconds(30)).until(() -> count("import_items where import_id = ? "
				+ "and outcome is not null", importId) == 5);
		Map<String, Object> counted = counters(importId);
		assertThat(counted).containsEntry("movies_expected", 4L)
			.containsEntry("movies_persisted", 2L)
			.containsEntry("movies_not_found", 1L)
			.containsEntry("movies_failed", 1L)
			.containsEntry("heartbeat", true);
		assertThat(jdbc.queryForMap("select outcome, listed from import_items where import_id = ? and tmdb_id = 9005",
				importId))
			.containsEntry("outcome", "PERSISTED")
			.containsEntry("listed", false);

		publish(records);
		processedAll();
		assertThat(counters(importId)).isEqualTo(counted);

		// the gateway's retry: the failed movie has no outcome again, and is out of movies_failed
		jdbc.update("update import_items set outcome = 'RETRYING' where import_id = ? and tmdb_id = 9004", importId);
		jdbc.update("update import_jobs set movies_failed = movies_failed - 1 where id = ?", importId);
		publish(List.of(movie(importId, 9004, T0.plusSeconds(60))));
		publish(List.of(movie(importId, 9004, T0.plusSeconds(60))));
		processedAll();
		assertThat(counters(importId)).containsEntry("movies_persisted", 3L)
			.containsEntry("movies_not_found", 1L)
			.containsEntry("movies_failed", 0L);
		assertThat(jdbc.queryForObject("select outcome from import_items where import_id = ? and tmdb_id = 9004",
				String.class, importId))
			.isEqualTo("PERSISTED");
	}

	@Test
	void aRecordPostgreSQLRejectsCostsOnlyItselfInABatchOfAThousand() {
		UUID importId = startImport();
		long[] ids = LongStream.rangeClosed(9_100_001, 9_101_000).toArray();
		long poisoned = ids[500];
		listed(importId, ids);
		// a rule MovieRow knows nothing about: PostgreSQL refuses the record's data (SQLSTATE 22000)
		jdbc.execute("""
				create function refuse_poisoned() returns trigger language plpgsql as $$
				begin
				    if new.title = 'Poisoned' then
				        raise exception 'no poisoned titles here' using errcode = 'data_exception';
				    end if;
				    return new;
				end $$""");
		jdbc.execute("create trigger refuse_poisoned before insert or update on movies "
				+ "for each row execute function refuse_poisoned()");
		double upsertedBefore = meters.get("fleet.movies.upserted").counter().count();
		try (OneTransactionPublisher oneBatch = new OneTransactionPublisher(broker)) {
			oneBatch.publish(0, LongStream.of(ids)
				.mapToObj(id -> movie(importId, id, T0, (id == poisoned) ? "Poisoned" : "Movie " + id))
				.toList());

			await().atMost(Duration.ofSeconds(60))
				.until(() -> count("import_items where import_id = ? and outcome is not null", importId) == 1000);
		}
		finally {
			jdbc.execute("drop trigger refuse_poisoned on movies");
		}

		assertThat(meters.get("fleet.persist.batch.size").summary().max()).as("one batch").isEqualTo(1000);
		assertThat(count("movies where tmdb_id between ? and ?", ids[0], ids[999])).isEqualTo(999);
		assertThat(count("movies where tmdb_id = ?", poisoned)).isZero();
		assertThat(meters.get("fleet.movies.upserted").counter().count() - upsertedBefore).isEqualTo(999);
		assertThat(counters(importId)).containsEntry("movies_expected", 1000L)
			.containsEntry("movies_persisted", 999L)
			.containsEntry("movies_failed", 1L);
		Map<String, Object> item = jdbc.queryForMap(
				"select outcome, reason from import_items where import_id = ? and tmdb_id = ?", importId, poisoned);
		assertThat(item).containsEntry("outcome", "FAILED");
		assertThat(item.get("reason").toString()).startsWith("rejected by PostgreSQL: ")
			.contains("no poisoned titles here");
		// of this batch (the topic is shared with the other tests of the context)
		List<ConsumerRecord<String, byte[]>> dead = deadLetters().stream()
			.filter(record -> record.key() != null && record.key().matches("\\d+"))
			.filter(record -> Long.parseLong(record.key()) >= ids[0] && Long.parseLong(record.key()) <= ids[999])
			.toList();
		assertThat(dead).extracting(ConsumerRecord::key).containsExactly(Long.toString(poisoned));
		assertThat(header(dead.getFirst(), "kafka_dlt-exception-message")).startsWith("rejected by PostgreSQL: ")
			.contains("no poisoned titles here");
		assertThat(new String(dead.getFirst().value(), StandardCharsets.UTF_8)).contains("Poisoned");
	}

	@Test
	void aFailureThatIsNotTheRecordsDataIsRetriedUntilItHeals() {
		UUID importId = startImport();
		listed(importId, 9201);
		// "disk full" (SQLSTATE 53100) for this record: the database's trouble, not the record's
		jdbc.execute("""
				create function disk_full() returns trigger language plpgsql as $$
				begin
				    if new.tmdb_id = 9201 then
				        raise exception 'could not extend file' using errcode = 'disk_full';
				    end if;
				    return new;
				end $$""");
		jdbc.execute("create trigger disk_full before insert or update on movies "
				+ "for each row execute function disk_full()");
		try {
			publish(List.of(movie(importId, 9201, T0)));

			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(5))
				.until(() -> count("import_items where import_id = ? and outcome is not null", importId) == 0);
		}
		finally {
			jdbc.execute("drop trigger disk_full on movies");
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> count("movies where tmdb_id = 9201") == 1);
		assertThat(counters(importId)).containsEntry("movies_persisted", 1L).containsEntry("movies_failed", 0L);
		assertThat(deadLetters()).extracting(ConsumerRecord::key).doesNotContain("9201");
	}

	/** An import as the gateway creates it. */
	private UUID startImport() {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into import_jobs (id, source, params, status) values (?, 'popular', '{}', 'RUNNING')", id);
		return id;
	}

	/** Movies of a fetched page, as the gateway lists them: one more expected movie each. */
	private void listed(UUID importId, long... ids) {
		for (long id : ids) {
			jdbc.update("insert into import_items (import_id, tmdb_id, listed) values (?, ?, true)", importId, id);
		}
		jdbc.update("update import_jobs set movies_expected = movies_expected + ? where id = ?", ids.length, importId);
	}

	private void publish(List<? extends FleetMessage> records) {
		records.forEach(record -> kafka.send(Topics.MOVIES, 0, record.key(), record).join());
	}

	/** Everything published to the partition before is processed once a sentinel behind it is. */
	private void processedAll() {
		UUID sentinel = UUID.randomUUID();
		publish(List.of(movie(sentinel, 9999, T0)));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("import_items where import_id = ?", sentinel) == 1);
	}

	private static MovieFetched movie(UUID importId, long id, Instant fetchedAt) {
		return movie(importId, id, fetchedAt, "Movie " + id);
	}

	private static MovieFetched movie(UUID importId, long id, Instant fetchedAt, String title) {
		return new MovieFetched(importId, id, fetchedAt, FleetJson.MAPPER.readTree("""
				{"id":%d,"title":"%s","release_date":"2001-01-01","popularity":1.5,"genre_ids":[18]}"""
			.formatted(id, title)));
	}

	private Map<String, Object> counters(UUID importId) {
		return jdbc.queryForMap("""
				select movies_expected, movies_persisted, movies_not_found, movies_failed,
				       heartbeat_at is not null as heartbeat
				from import_jobs where id = ?""", importId);
	}

	private long count(String from, Object... args) {
		return jdbc.queryForObject("select count(*) from " + from, Long.class, args);
	}

	private List<ConsumerRecord<String, byte[]>> deadLetters() {
		try (Consumer<String, byte[]> consumer = deadLetterConsumer()) {
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			KafkaTestUtils.getRecords(consumer, Duration.ofSeconds(5)).forEach(records::add);
			return records;
		}
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
