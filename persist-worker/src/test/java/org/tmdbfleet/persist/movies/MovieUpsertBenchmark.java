package org.tmdbfleet.persist.movies;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.testing.TestDatabase;
import org.tmdbfleet.persist.PersistWorkerApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rows per second of the batch upsert against one row per transaction, measured in the same run
 * on the same database. Not part of {@code verify}; run it with
 * {@code ./mvnw -pl persist-worker test -Dtest=MovieUpsertBenchmark}.
 */
@SpringBootTest(properties = { "spring.config.name=" + PersistWorkerApplication.CONFIG_NAME,
		"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.listener.auto-startup=false" })
@EmbeddedKafka
class MovieUpsertBenchmark {

	private static final int BATCH = 1000;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@Autowired
	MovieBatchWriter movies;

	@Test
	void batchUpsertAgainstOneRowPerTransaction() {
		UUID importId = UUID.randomUUID();
		measure(rows(1, 2_000), 1, importId); // warm-up: JIT, connection pool, plan caches
		measure(rows(10_000_001, 20_000), BATCH, importId);

		double baseline = measure(rows(2_000_001, 3_000), 1, importId);
		double batched = measure(rows(3_000_001, 50_000), BATCH, importId);
		double updates = measure(rows(3_000_001, 50_000), BATCH, importId);
		System.out.printf("%nPersist benchmark (embedded PostgreSQL, same run)%n");
		System.out.printf("  one row per transaction (baseline): %,10.0f rows/s%n", baseline);
		System.out.printf("  batch upsert, %d rows (inserts):   %,10.0f rows/s  = %.1fx baseline%n", BATCH, batched,
				batched / baseline);
		System.out.printf("  batch upsert, %d rows (updates):   %,10.0f rows/s  = %.1fx baseline%n%n", BATCH, updates,
				updates / baseline);
	}

	private double measure(List<MovieRow> rows, int batchSize, UUID importId) {
		long started = System.nanoTime();
		for (int from = 0; from < rows.size(); from += batchSize) {
			List<FetchedMovie> batch = rows.subList(from, Math.min(rows.size(), from + batchSize))
				.stream()
				.map(row -> new FetchedMovie(new ConsumerRecord<>(Topics.MOVIES, 0, row.tmdbId(), null, null), importId,
						row))
				.toList();
			movies.write(batch, List.of(), List.of());
		}
		return rows.size() / ((System.nanoTime() - started) / 1e9);
	}

	private static List<MovieRow> rows(long firstId, int count) {
		Instant fetchedAt = Instant.now();
		List<MovieRow> rows = new ArrayList<>(count);
		for (long id = firstId; id < firstId + count; id++) {
			String title = "Movie " + id;
			String payload = """
					{"id":%d,"title":"%s","overview":"%s","popularity":%d.5,"genre_ids":[28,12]}"""
				.formatted(id, title, "An overview of typical length. ".repeat(10), id % 1000);
			rows.add(new MovieRow(id, title, title, "en", "An overview of typical length. ".repeat(10),
					LocalDate.of(1990 + (int) (id % 35), 1 + (int) (id % 12), 1), id % 1000 + 0.5, 6.5,
					(int) (id % 5000), false, "/p" + id + ".jpg", null, List.of(28, 12), fetchedAt, payload, fetchedAt,
					null, null, null, null, null, null));
		}
		return rows;
	}

}
