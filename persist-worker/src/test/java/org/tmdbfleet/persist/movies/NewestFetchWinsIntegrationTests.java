package org.tmdbfleet.persist.movies;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newest observation of a movie wins, whatever order the records arrive in, across batches
 * and inside one: between "exists" and "gone", and per part (list data, details).
 */
class NewestFetchWinsIntegrationTests extends PersistWorkerIntegrationTestSupport {

	@Test
	void aStaleNotFoundAfterANewerFetchDeletesNothing() {
		UUID importId = UUID.randomUUID();
		send(list(importId, 8301, T0.plusSeconds(60), "Still here"));
		awaitOutcomes(importId, 1);

		UUID late = UUID.randomUUID();
		send(notFound(late, 8301, T0.plusSeconds(30)));
		awaitOutcomes(late, 1);

		assertThat(deleted(8301)).isFalse();
	}

	@Test
	void insideABatchFetchTimeDecidesNotRecordOrder() {
		UUID importId = UUID.randomUUID();
		try (OneTransactionPublisher oneBatch = new OneTransactionPublisher(broker)) {
			oneBatch.publish(0, List.of(list(importId, 8311, T0.plusSeconds(60), "Found after"),
					notFound(importId, 8311, T0.plusSeconds(30)), notFound(importId, 8312, T0.plusSeconds(90)),
					list(importId, 8312, T0.plusSeconds(60), "Gone after")));
		}
		awaitOutcomes(importId, 2);

		assertThat(deleted(8311)).as("found after the 404").isFalse();
		assertThat(deleted(8312)).as("gone after the fetch").isTrue();
	}

	@Test
	void aFetchOlderThanTheDeletionDoesNotUndoIt() {
		UUID importId = UUID.randomUUID();
		send(list(importId, 8321, T0, "Soon gone"));
		awaitOutcomes(importId, 1);
		UUID changes = UUID.randomUUID();
		send(notFound(changes, 8321, T0.plusSeconds(100)));
		awaitOutcomes(changes, 1);
		assertThat(deleted(8321)).isTrue();

		UUID slow = UUID.randomUUID();
		send(list(slow, 8321, T0.plusSeconds(50), "Seen before it was gone"));
		awaitOutcomes(slow, 1);

		assertThat(deleted(8321)).isTrue();
	}

	@Test
	void anOlderDetailsFetchMergedIntoANewerListFetchKeepsTheStoredDetails() {
		UUID importId = UUID.randomUUID();
		send(details(importId, 8401, T0.plusSeconds(5), "\"tt0008401\"", "105"));
		awaitOutcomes(importId, 1);

		UUID later = UUID.randomUUID();
		try (OneTransactionPublisher oneBatch = new OneTransactionPublisher(broker)) {
			oneBatch.publish(0, List.of(details(later, 8401, T0.plusSeconds(4), "\"tt0000004\"", "104"),
					list(later, 8401, T0.plusSeconds(6), "List at T6")));
		}
		awaitOutcomes(later, 1);

		assertThat(jdbc.queryForMap("select title, runtime, imdb_id, details->>'runtime' as details_runtime "
				+ "from movies where tmdb_id = 8401"))
			.containsEntry("title", "List at T6")
			.containsEntry("runtime", 105)
			.containsEntry("imdb_id", "tt0008401")
			.containsEntry("details_runtime", "105");
	}

	@Test
	void aDetailsAnswersNullClearsTheStoredValue() {
		UUID importId = UUID.randomUUID();
		send(details(importId, 8411, T0, "\"tt0008411\"", "111"));
		awaitOutcomes(importId, 1);

		UUID later = UUID.randomUUID();
		send(details(later, 8411, T0.plusSeconds(60), "null", "null"));
		awaitOutcomes(later, 1);

		assertThat(jdbc.queryForMap("select runtime, imdb_id from movies where tmdb_id = 8411"))
			.containsEntry("runtime", null)
			.containsEntry("imdb_id", null);
	}

	private static MovieFetched details(UUID importId, long id, Instant fetchedAt, String imdbId, String runtime) {
		return new MovieFetched(importId, id, fetchedAt, MovieFetched.Part.DETAILS, FleetJson.MAPPER.readTree("""
				{"id":%d,"title":"Details","imdb_id":%s,"runtime":%s,"genres":[{"id":18,"name":"Drama"}],
				 "credits":{"cast":[],"crew":[]}}""".formatted(id, imdbId, runtime)));
	}

	private static MovieFetched list(UUID importId, long id, Instant fetchedAt, String title) {
		return new MovieFetched(importId, id, fetchedAt, MovieFetched.Part.LIST, FleetJson.MAPPER.readTree("""
				{"id":%d,"title":"%s","popularity":2.5,"genre_ids":[18]}""".formatted(id, title)));
	}

	private static MovieNotFetched notFound(UUID importId, long id, Instant answeredAt) {
		return new MovieNotFetched(importId, id, true, "TMDB movie answered HTTP 404 (34: not found)", answeredAt);
	}

	private void send(FleetMessage message) {
		kafka.send(Topics.MOVIES, message.key(), message).join();
	}

	private void awaitOutcomes(UUID importId, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from import_items where import_id = ?", Long.class,
					importId) == count);
	}

	private boolean deleted(long id) {
		return jdbc.queryForObject("select deleted_at is not null from movies where tmdb_id = ?", Boolean.class, id);
	}

}
