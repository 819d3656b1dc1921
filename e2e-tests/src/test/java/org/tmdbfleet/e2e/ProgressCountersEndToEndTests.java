package org.tmdbfleet.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.messages.MoviesPersisted;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import's counters are exact whatever order its events come in and however often each one
 * is delivered. Each case is a random import: pages fetched (their movies overlapping, as when a
 * list shifts), pages failed, pages that failed once and were fetched later, and every listed
 * movie's outcome (persisted, not found, failed). Every progress event and every movie record is
 * sent one to three times, all of them shuffled, to the real gateway and the real persist worker,
 * which race each other as they do in production. The import must end with exactly the counts
 * the case implies, and the status they imply.
 */
@EmbeddedKafka
class ProgressCountersEndToEndTests {

	private static final int CASES = 24;

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.warmedUp();

	private final Fleet fleet;

	ProgressCountersEndToEndTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@Test
	void countersAreExactUnderShuffledAndRepeatedEvents() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Case> cases = IntStream.range(0, CASES).mapToObj(i -> Case.random(random)).toList();
		List<FleetMessage> sends = new ArrayList<>();
		for (Case c : cases) {
			fleet.recordQueuedImport(c.id());
			for (FleetMessage message : c.messages()) {
				int copies = 1 + random.nextInt(3);
				for (int i = 0; i < copies; i++) {
					sends.add(message);
				}
			}
		}
		Collections.shuffle(sends, random);
		fleet.publish(sends);

		for (Case c : cases) {
			// an import may end before a late (reordered) event of it is applied: wait for the last word
			fleet.awaitEnd(c.id(), Duration.ofMinutes(2));
			JsonNode[] end = new JsonNode[1];
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> {
					end[0] = fleet.view(c.id());
					return counts(end[0]).equals(c.expectedCounts())
							&& end[0].path("status").asString().equals(c.expectedStatus());
				});
			}
			catch (ConditionTimeoutException ex) {
				// say what differs
			}
			assertThat(counts(end[0])).as("seed %d, %s", seed, c).isEqualTo(c.expectedCounts());
			assertThat(end[0].path("status").asString()).as("seed %d, %s", seed, c).isEqualTo(c.expectedStatus());
		}
	}

	private static Map<String, Long> counts(JsonNode view) {
		Map<String, Long> counts = new TreeMap<>();
		for (String name : List.of("pagesFetched", "pagesFailed", "pagesRetrying", "moviesExpected", "moviesPersisted",
				"moviesNotFound", "moviesFailed")) {
			counts.put(name, view.path(name).asLong());
		}
		return counts;
	}

	/**
	 * One import's true history.
	 *
	 * @param fetched the pages fetched in the end, with the movies each listed
	 * @param failed the pages that failed for good
	 * @param failedFirst fetched pages whose first attempt failed
	 * @param outcomes each listed movie's outcome: PERSISTED, NOT_FOUND or FAILED
	 */
	record Case(UUID id, Map<Integer, List<Long>> fetched, Set<Integer> failed, Set<Integer> failedFirst,
			Map<Long, String> outcomes) {

		static Case random(Random random) {
			UUID id = UUID.randomUUID();
			int pages = 1 + random.nextInt(8);
			Map<Integer, List<Long>> fetched = new TreeMap<>();
			Set<Integer> failed = new LinkedHashSet<>();
			Set<Integer> failedFirst = new LinkedHashSet<>();
			for (int page = 1; page <= pages; page++) {
				if (random.nextInt(5) == 0) {
					failed.add(page);
					continue;
				}
				if (random.nextInt(4) == 0) {
					failedFirst.add(page);
				}
				// ids from a small pool, so pages share movies as a shifting list does
				fetched.put(page, random.ints(random.nextInt(6), 1, 25).mapToObj(n -> 9_000_000L + n).distinct().toList());
			}
			Map<Long, String> outcomes = new TreeMap<>();
			fetched.values().stream().flatMap(List::stream).distinct().forEach(movie -> {
				int draw = random.nextInt(10);
				outcomes.put(movie, draw < 7 ? "PERSISTED" : draw < 9 ? "NOT_FOUND" : "FAILED");
			});
			return new Case(id, fetched, failed, failedFirst, outcomes);
		}

		List<FleetMessage> messages() {
			List<FleetMessage> messages = new ArrayList<>();
			messages.add(new ImportPlanned(id, fetched.size() + failed.size(), 20L * (fetched.size() + failed.size())));
			fetched.forEach((page, movies) -> messages.add(new PageFetched(id, page, movies)));
			failed.forEach(page -> messages.add(new PageFailed(id, page, "TMDB answered HTTP 503")));
			failedFirst.forEach(page -> messages.add(new PageFailed(id, page, "TMDB answered HTTP 502")));
			outcomes.forEach((movie, outcome) -> {
				messages.add(switch (outcome) {
					case "PERSISTED" -> new MovieFetched(id, movie, Instant.parse("2026-11-24T08:00:00Z"),
							FleetJson.MAPPER.readTree("{\"id\":" + movie + ",\"title\":\"Movie " + movie + "\"}"));
					case "NOT_FOUND" -> new MovieNotFetched(id, movie, true, "TMDB answered HTTP 404 (34)");
					default -> new MovieNotFetched(id, movie, false, "TMDB answered HTTP 503, 4 attempts");
				});
				messages.add(new MoviesPersisted(id, 1));
			});
			return messages;
		}

		Map<String, Long> expectedCounts() {
			Map<String, Long> counts = new TreeMap<>();
			counts.put("pagesFetched", (long) fetched.size());
			counts.put("pagesFailed", (long) failed.size());
			counts.put("pagesRetrying", 0L);
			counts.put("moviesExpected", (long) outcomes.size());
			counts.put("moviesPersisted", count("PERSISTED"));
			counts.put("moviesNotFound", count("NOT_FOUND"));
			counts.put("moviesFailed", count("FAILED"));
			return counts;
		}

		String expectedStatus() {
			return failed.isEmpty() && count("FAILED") == 0 ? "COMPLETED" : "COMPLETED_WITH_ERRORS";
		}

		private long count(String outcome) {
			return outcomes.values().stream().filter(outcome::equals).count();
		}

	}

}
