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
import org.tmdbfleet.common.messages.ImportCancelled;
import org.tmdbfleet.common.messages.MovieNotFetched;
import org.tmdbfleet.common.messages.FleetMessage;
import org.tmdbfleet.common.messages.ImportFilters;
import org.tmdbfleet.common.messages.ImportPlanned;
import org.tmdbfleet.common.messages.ImportRequested;
import org.tmdbfleet.common.messages.ImportSource;
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
				new FetchPage(importId, ImportSource.TOP_RATED, ImportFilters.NONE, 7, true),
				new ImportPlanned(importId, 25, 10_000), new PageFetched(importId, 3, List.of(1_200_001L, 42L)),
				new PageFailed(importId, 4, "TMDB 500"), new FetchDetails(importId, 550L),
				new MovieNotFetched(importId, 551L, true, "TMDB movie answered HTTP 404"),
				new GenresFetched(List.of(new GenresFetched.Genre(28, "Action")), Instant.parse("2026-01-02T03:04:05Z")),
				new ImportCancelled(importId, Instant.parse("2026-01-02T03:04:05Z")));

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
	void anOlderProducersCommandWithoutNewerFieldsReadsWithTheirDefaults() {
		String json = """
				{"type":"FetchPage","schemaVersion":1,"importId":"%s","source":"popular","filters":{},"page":3}"""
			.formatted(importId);

		FetchPage page = (FetchPage) deserializer.deserialize("t", json.getBytes(StandardCharsets.UTF_8));

		assertThat(page.details()).isFalse();
		assertThat(page.page()).isEqualTo(3);
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
