package org.tmdbfleet.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.PageFetched;
import org.tmdbfleet.common.testing.TopicReader;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One movie among a thousand that PostgreSQL refuses (here: a check constraint the test adds, a
 * rule the fleet cannot know): the other 999 are persisted, the refused one goes to
 * {@code tmdb.movies.DLT} with PostgreSQL's reason, and the import ends COMPLETED_WITH_ERRORS
 * naming it. Never the whole batch on the DLT, never an import that cannot end.
 */
@EmbeddedKafka
class PoisonedMovieEndToEndTests {

	private static final long FIRST_ID = 7_000_001;

	private static final long POISONED = 7_000_437;

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp();

	private final Fleet fleet;

	PoisonedMovieEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@BeforeAll
	static void refusePoison(Fleet fleet) {
		fleet.database().execute("alter table movies add constraint refuses_poison check (title is distinct from 'Poison')");
	}

	@Test
	void aMoviePostgresqlRefusesFailsAloneAndItsImportSaysWhich() {
		UUID id = UUID.randomUUID();
		fleet.recordQueuedImport(id);
		List<Long> ids = LongStream.range(FIRST_ID, FIRST_ID + 1000).boxed().toList();
		List<FleetMessage> messages = new ArrayList<>();
		messages.add(new ImportPlanned(id, 50, 1000));
		for (int page = 1; page <= 50; page++) {
			messages.add(new PageFetched(id, page, ids.subList((page - 1) * 20, page * 20)));
		}
		Instant fetched = Instant.now();
		for (long movie : ids) {
			String title = (movie == POISONED) ? "Poison" : "Movie " + movie;
			messages.add(new MovieFetched(id, movie, fetched,
					FleetJson.MAPPER.readTree("{\"id\":" + movie + ",\"title\":\"" + title + "\"}")));
		}
		fleet.publish(messages);

		JsonNode end = fleet.awaitEnd(id, Duration.ofMinutes(2));

		assertThat(end.path("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
		assertThat(end.path("moviesExpected").asLong()).isEqualTo(1000);
		assertThat(end.path("moviesPersisted").asLong()).isEqualTo(999);
		assertThat(end.path("moviesFailed").asLong()).isEqualTo(1);
		assertThat(end.at("/failedMovies/0/tmdbId").asLong()).isEqualTo(POISONED);
		assertThat(end.at("/failedMovies/0/reason").asString()).contains("refuses_poison");
		assertThat(fleet.database()
			.queryForObject("select count(*) from movies where tmdb_id between ? and ?", Long.class, FIRST_ID,
					FIRST_ID + 999)).isEqualTo(999);
		try (TopicReader dead = fleet.reader(Topics.deadLetter(Topics.MOVIES))) {
			List<MovieFetched> letters = dead.await(MovieFetched.class, movie -> movie.importId().equals(id), 2,
					Duration.ofSeconds(10));
			assertThat(letters).singleElement().satisfies(letter -> {
				assertThat(letter.tmdbId()).isEqualTo(POISONED);
				assertThat(dead.header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("refuses_poison");
			});
		}
	}

}
