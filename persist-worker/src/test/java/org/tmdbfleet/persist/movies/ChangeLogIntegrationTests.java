package org.tmdbfleet.persist.movies;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mirror's change list: a movie is logged under the day (UTC) its stored data changed, inserted,
 * changed by a newer fetch or marked deleted, and not for a fetch that changed nothing. Each test
 * first stores its movies, then moves their log "three days back", as if they had been stored then.
 */
class ChangeLogIntegrationTests extends PersistWorkerIntegrationTestSupport {

	@Autowired
	ChangeLogRetention retention;

	@Test
	void aNewMovieAndANewerFetchThatChangesItAreLoggedAnIdenticalRefetchIsNot() {
		UUID first = UUID.randomUUID();
		send(list(first, 7501, T0, "Will change"));
		send(list(first, 7502, T0, "Stays the same"));
		awaitOutcomes(first, 2);
		assertThat(daysLogged(7501)).as("inserted today").containsExactly(today());
		threeDaysAgo(7501, 7502);

		UUID refetch = UUID.randomUUID();
		send(list(refetch, 7501, T0.plusSeconds(60), "Changed"));
		send(list(refetch, 7502, T0.plusSeconds(60), "Stays the same"));
		awaitOutcomes(refetch, 2);

		assertThat(daysLogged(7501)).as("changed today").containsExactly(today().minusDays(3), today());
		assertThat(daysLogged(7502)).as("refetched unchanged").containsExactly(today().minusDays(3));
	}

	@Test
	void aMovieMarkedDeletedIsLoggedAStaleNotFoundIsNot() {
		UUID first = UUID.randomUUID();
		send(list(first, 7601, T0, "Gone soon"));
		send(list(first, 7602, T0.plusSeconds(60), "Still here"));
		awaitOutcomes(first, 2);
		threeDaysAgo(7601, 7602);

		UUID changes = UUID.randomUUID();
		send(notFound(changes, 7601, T0.plusSeconds(100)));
		send(notFound(changes, 7602, T0.plusSeconds(30)));
		awaitOutcomes(changes, 2);

		assertThat(daysLogged(7601)).as("deleted today").containsExactly(today().minusDays(3), today());
		assertThat(daysLogged(7602)).as("a 404 older than the stored fetch").containsExactly(today().minusDays(3));
	}

	@Test
	void daysBeyondTheRetentionArePrunedTheOthersKept() {
		LocalDate today = today();
		for (LocalDate day : List.of(today.minusDays(15), today.minusDays(14), today.minusDays(1), today)) {
			jdbc.update("insert into movie_changes (changed_on, tmdb_id) values (?, 7701)", day);
		}

		retention.prune();

		assertThat(daysLogged(7701)).as("14 days before today, and today")
			.containsExactly(today.minusDays(14), today.minusDays(1), today);
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

	private void threeDaysAgo(long... ids) {
		for (long id : ids) {
			jdbc.update("update movie_changes set changed_on = changed_on - 3 where tmdb_id = ?", id);
		}
	}

	private List<LocalDate> daysLogged(long id) {
		return jdbc.queryForList("select changed_on from movie_changes where tmdb_id = ? order by changed_on",
				LocalDate.class, id);
	}

	/** The database's today (UTC), which the log is written by. */
	private LocalDate today() {
		return jdbc.queryForObject("select " + MovieRepository.TODAY, LocalDate.class);
	}

}
