package org.tmdbfleet.common.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.messages.FetchDetails;
import org.tmdbfleet.common.messages.FetchPage;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.ImportPlanDecided;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
import org.tmdbfleet.common.messages.ImportWindow;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.PageFailed;
import org.tmdbfleet.common.messages.PageFetched;

import static org.assertj.core.api.Assertions.assertThat;

class FleetMessageSerdeTests {

	private final FleetMessageSerializer serializer = new FleetMessageSerializer();

	private final FleetMessageDeserializer deserializer = new FleetMessageDeserializer();

	private final UUID importId = UUID.randomUUID();

	@Test
	void everyMessageSurvivesTheWire() {
		ImportFilters filters = new ImportFilters(LocalDate.of(1990, 1, 1), LocalDate.of(2025, 12, 31), List.of(28, 12),
				"popularity.desc", "ja", "JP");
		List<FleetMessage> messages = List.of(
				new ImportRequested(importId, ImportSource.DISCOVER, 25, filters, Instant.parse("2026-01-02T03:04:05Z"), true),
				new FetchPage(importId, ImportSource.TOP_RATED, ImportFilters.NONE, 7, null, true),
				new FetchPage(importId, ImportSource.DISCOVER, filters, 612, 112, false),
				new ImportPlanned(importId, 25, 10_000),
				new ImportPlanned(importId, 900, 17_000,
						List.of(new ImportWindow(null, LocalDate.of(2007, 12, 31), 1, 450, 9_000, false),
								new ImportWindow(LocalDate.of(2008, 1, 1), null, 451, 450, 8_000, false))),
				new PageFetched(importId, 3, List.of(1_200_001L, 42L)), new PageFailed(importId, 4, "TMDB 500"),
				new FetchDetails(importId, 550L), new MovieNotFetched(importId, 551L, true, "TMDB movie answered HTTP 404"),
				new GenresFetched(List.of(new GenresFetched.Genre(28, "Action")), Instant.parse("2026-01-02T03:04:05Z")),
				new ImageConfigurationFetched("http://image.tmdb.org/t/p/", "https://image.tmdb.org/t/p/",
						List.of("w92", "w342", "original"), List.of("w300", "original"), List.of("w45", "original"),
						Instant.parse("2026-01-02T03:04:05Z")),
				new ImageConfigurationFetched("http://image.tmdb.org/t/p/", "https://image.tmdb.org/t/p/",
						List.of("w92"), List.of("w300"), List.of("w45"), Instant.parse("2026-01-02T03:04:05Z"),
						FleetJson.MAPPER.readTree("""
								{"change_keys":["title"],"images":{"secure_base_url":"https://image.tmdb.org/t/p/"}}""")),
				new ImportCancelled(importId, Instant.parse("2026-01-02T03:04:05Z")),
				new ImportPlanDecided(importId, Instant.parse("2026-01-02T03:04:05.123456Z")));

		for (FleetMessage message : messages) {
			assertThat(roundTrip(message)).isEqualTo(message);
		}
	}

	@Test
	void movieKeepsTmdbJsonUnchangedIncludingUnknownFieldsAndNonAscii() {
		String tmdb = """
				{"id":1200001,"title":"千と千尋の神隠し","release_date":"","vote_average":7,"poster_path":null,"brand_new":{"x":[1]}}""";
		MovieFetched message = new MovieFetched(importId, 1_200_001L, Instant.parse("2026-01-02T03:04:05.123456Z"),
				FleetJson.MAPPER.readTree(tmdb));

		MovieFetched back = (MovieFetched) roundTrip(message);

		assertThat(back).isEqualTo(message);
		assertThat(back.movie().toString()).isEqualTo(tmdb);
		assertThat(back.key()).isEqualTo("1200001");
	}

	@Test
	void aNewerProducersUnknownFieldsAreIgnored() {
		String json = """
				{"type":"PageFailed","schemaVersion":2,"importId":"%s","page":9,"reason":"x","severity":"high"}"""
			.formatted(importId);

		FleetMessage message = deserializer.deserialize("t", json.getBytes(StandardCharsets.UTF_8));

		assertThat(message).isEqualTo(new PageFailed(2, importId, 9, "x"));
	}

	@Test
	void anOlderProducersMessagesReadWithTheNewFieldsEmpty() {
		String fetch = """
				{"type":"FetchPage","schemaVersion":1,"importId":"%s","source":"popular","page":7}"""
			.formatted(importId);
		String planned = """
				{"type":"ImportPlanned","schemaVersion":1,"importId":"%s","totalPages":3,"totalResults":60}"""
			.formatted(importId);

		FetchPage page = (FetchPage) deserializer.deserialize("t", fetch.getBytes(StandardCharsets.UTF_8));
		ImportPlanned plan = (ImportPlanned) deserializer.deserialize("t", planned.getBytes(StandardCharsets.UTF_8));

		assertThat(page.listPage()).isNull();
		assertThat(page.details()).isFalse();
		assertThat(page.tmdbPage()).isEqualTo(7);
		assertThat(plan.windows()).isEmpty();
	}

	@Test
	void anImageConfigurationWrittenBeforeTheWholeAnswerWasSentReadsWithoutIt() {
		String older = """
				{"type":"ImageConfigurationFetched","schemaVersion":1,"baseUrl":"http://image.tmdb.org/t/p/",
				 "secureBaseUrl":"https://image.tmdb.org/t/p/","posterSizes":["w92"],"backdropSizes":["w300"],
				 "profileSizes":["w45"],"fetchedAt":"2026-01-02T03:04:05Z"}""";

		ImageConfigurationFetched images = (ImageConfigurationFetched) deserializer.deserialize("t",
				older.getBytes(StandardCharsets.UTF_8));

		assertThat(images.configuration()).isNull();
		assertThat(images.secureBaseUrl()).isEqualTo("https://image.tmdb.org/t/p/");
		assertThat(images.posterSizes()).containsExactly("w92");
	}

	@Test
	void aWindowedPageIsTheImportsPageOnTheWireAndTheWindowsPageForTmdb() {
		FetchPage page = new FetchPage(importId, ImportSource.DISCOVER, ImportFilters.NONE, 612, 112, false);

		String json = new String(serializer.serialize("t", page), StandardCharsets.UTF_8);

		assertThat(page.key()).isEqualTo(importId + ":612");
		assertThat(page.tmdbPage()).isEqualTo(112);
		assertThat(json).contains("\"page\":612", "\"listPage\":112").doesNotContain("tmdbPage");
	}

	@Test
	void rawBytesPassThroughForDeadLetters() {
		byte[] garbage = { '{', 'n', 'o', 't' };

		assertThat(serializer.serialize("t", garbage)).isSameAs(garbage);
	}

	private FleetMessage roundTrip(FleetMessage message) {
		return deserializer.deserialize("t", serializer.serialize("t", message));
	}

}
