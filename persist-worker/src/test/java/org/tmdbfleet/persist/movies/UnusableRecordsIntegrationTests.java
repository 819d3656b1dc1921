package org.tmdbfleet.persist.movies;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.MovieFetched;

import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records that leave the happy path: each is its own loss, never the batch's, and a movie's is
 * counted as its import's failed movie (so the import can end and a retry fetches it again).
 */
class UnusableRecordsIntegrationTests extends PersistWorkerIntegrationTestSupport {

	@Test
	void aMovieRecordThatCannotBecomeARowIsItsImportsFailedMovieWithTheReason() {
		UUID importId = UUID.randomUUID();
		List<FleetMessage> batch = List.of(movie(importId, 8101, T0, "{}"),
				movie(importId, 8102, T0, "{\"id\":9999,\"title\":\"Someone else\"}"),
				movie(importId, 8103, null, "{\"id\":8103,\"title\":\"When?\"}"),
				movie(importId, 8104, T0, "[]"), movie(importId, 8105, T0, "{\"id\":8105,\"title\":\"Fine\"}"));

		try (OneTransactionPublisher oneBatch = new OneTransactionPublisher(broker)) {
			oneBatch.publish(0, batch);
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> outcomes(importId).size() == 5);
		assertThat(outcomes(importId)).containsEntry(8101L, "FAILED:movie JSON id does not match the event's id 8101")
			.containsEntry(8102L, "FAILED:movie JSON id does not match the event's id 8102")
			.containsEntry(8103L, "FAILED:movie 8103 has no fetchedAt")
			.containsEntry(8104L, "FAILED:movie 8104 has no JSON object")
			.containsEntry(8105L, "PERSISTED:");
		assertThat(jdbc.queryForList("select tmdb_id from movies where tmdb_id between 8101 and 8105", Long.class))
			.containsExactly(8105L);
		awaitDeadLetters("8101", "8102", "8103", "8104");
	}

	@Test
	void aGenreListOrImageConfigurationPostgresqlRefusesCostsOnlyItself() {
		UUID importId = UUID.randomUUID();
		GenresFetched twice = new GenresFetched(
				List.of(new GenresFetched.Genre(18, "Drama"), new GenresFetched.Genre(18, "Drama, again")), T0);
		ImageConfigurationFetched nul = new ImageConfigurationFetched("http://img.example/\0", "https://img.example/\0",
				List.of("w92"), List.of("w780"), List.of("w45"), T0.plusSeconds(86_400 * 365));

		try (OneTransactionPublisher oneBatch = new OneTransactionPublisher(broker)) {
			oneBatch.publish(0, List.of(twice, nul, movie(importId, 8201, T0, "{\"id\":8201,\"title\":\"Goes on\"}")));
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(importId).size() == 1);
		assertThat(outcomes(importId)).containsEntry(8201L, "PERSISTED:");
		assertThat(jdbc.queryForObject("select title from movies where tmdb_id = 8201", String.class))
			.isEqualTo("Goes on");
		awaitDeadLetters("genres", "image-configuration");
	}

	private static MovieFetched movie(UUID importId, long id, Instant fetchedAt, String json) {
		return new MovieFetched(importId, id, fetchedAt, FleetJson.MAPPER.readTree(json));
	}

	private Map<Long, String> outcomes(UUID importId) {
		return jdbc.query("select tmdb_id, outcome || ':' || coalesce(reason, '') as outcome from import_items "
				+ "where import_id = ?", rows -> {
					Map<Long, String> outcomes = new TreeMap<>();
					while (rows.next()) {
						outcomes.put(rows.getLong(1), rows.getString(2));
					}
					return outcomes;
				}, importId);
	}

	/** Waits until {@code tmdb.movies.DLT} holds records with these keys (besides other tests'). */
	private void awaitDeadLetters(String... keys) {
		try (Consumer<String, byte[]> consumer = deadLetterConsumer()) {
			Set<String> seen = new HashSet<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(record -> seen.add(record.key()));
				assertThat(seen).contains(keys);
			});
		}
	}

}
