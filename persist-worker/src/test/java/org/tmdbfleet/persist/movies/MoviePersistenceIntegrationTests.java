package org.tmdbfleet.persist.movies;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.common.kafka.FleetJson;
import org.tmdbfleet.common.kafka.Topics;
import org.tmdbfleet.common.messages.GenresFetched;
import org.tmdbfleet.common.messages.ImageConfigurationFetched;
import org.tmdbfleet.common.messages.MovieFetched;
import org.tmdbfleet.common.messages.MovieNotFetched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MoviePersistenceIntegrationTests extends PersistWorkerIntegrationTestSupport {

	@Autowired
	DataSource dataSource;

	@Test
	void persistsMoviesWithTmdbQuirksIntact() {
		UUID importId = UUID.randomUUID();
		String spirited = """
				{"id":1300129,"title":"千と千尋の神隠し","original_title":"千と千尋の神隠し","release_date":"",
				 "vote_average":8,"vote_count":17000,"popularity":88.5,"poster_path":null,"adult":false,
				 "genre_ids":[16,10751],"overview":"%s","fleet_extra":{"new":true}}"""
			.formatted("x".repeat(1500));

		publish(movie(importId, 1300129, T0, spirited));
		publish(movie(importId, 2, T0, json(2, "Ariel", "1988-10-21")));

		await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from movies where tmdb_id in (1300129, 2)") == 2);
		Map<String, Object> row = jdbc.queryForMap("select * from movies where tmdb_id = 1300129");
		assertThat(row.get("title")).isEqualTo("千と千尋の神隠し");
		assertThat(row.get("release_date")).isNull();
		assertThat(row.get("vote_average")).isEqualTo(8.0);
		assertThat(row.get("poster_path")).isNull();
		assertThat(row.get("overview").toString()).hasSize(1500);
		assertThat(jdbc.queryForObject("select payload->'fleet_extra'->>'new' from movies where tmdb_id = 1300129",
				String.class))
			.isEqualTo("true");
		assertThat(jdbc.queryForObject("select genre_ids::text from movies where tmdb_id = 1300129", String.class))
			.isEqualTo("{16,10751}");
		assertThat(jdbc.queryForObject("select release_date from movies where tmdb_id = 2", LocalDate.class))
			.isEqualTo(LocalDate.of(1988, 10, 21));
		await().until(() -> count("select count(*) from import_items where import_id = '" + importId
				+ "' and outcome = 'PERSISTED' and persisted_at is not null and not listed") == 2);
	}

	@Test
	void valuesPostgreSQLWouldRejectAreStoredAsNullAndKeptInThePayload() {
		UUID importId = UUID.randomUUID();
		// each of these failed the statement, or was garbled, before MovieRow read them for PostgreSQL
		publish(movie(importId, 6101, T0, """
				{"id":6101,"title":"Nul\\u0000Title","overview":"ends with the text \\\\u0000",
				 "release_date":"0000-01-01","vote_count":3000000000,"runtime":1e30,"genre_ids":[18,3000000000],
				 "fleet\\u0000key":"value\\u0000"}"""));
		publish(movie(importId, 6102, T0, json(6102, "Far future", "+10000-01-01")));
		publish(movie(importId, 6103, T0, json(6103, "Before Christ", "-0001-01-01")));
		MovieNotFetched missing = new MovieNotFetched(importId, 6104, false, "TMDB said \0nothing");
		kafka.send(Topics.MOVIES, missing.key(), missing).join();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from import_items where import_id = '" + importId + "'") == 4);
		Map<String, Object> row = jdbc.queryForMap("""
				select title, overview, release_date, vote_count, runtime, genre_ids::text as genre_ids,
				       payload->>'fleetkey' as fleet_key, payload->>'release_date' as payload_date,
				       payload->>'vote_count' as payload_votes, payload->>'overview' as payload_overview
				from movies where tmdb_id = 6101""");
		assertThat(row).containsEntry("title", "NulTitle")
			.containsEntry("overview", "ends with the text \\u0000")
			.containsEntry("payload_overview", "ends with the text \\u0000")
			.containsEntry("release_date", null)
			.containsEntry("payload_date", "0000-01-01")
			.containsEntry("vote_count", null)
			.containsEntry("payload_votes", "3000000000")
			.containsEntry("runtime", null)
			.containsEntry("genre_ids", "{18}")
			.containsEntry("fleet_key", "value");
		assertThat(jdbc.queryForObject("select release_date::text from movies where tmdb_id = 6102", String.class))
			.isEqualTo("10000-01-01");
		assertThat(jdbc.queryForObject("select release_date from movies where tmdb_id = 6103", LocalDate.class))
			.isNull();
		assertThat(jdbc.queryForList("select outcome || ':' || coalesce(reason, '') from import_items "
				+ "where import_id = '" + importId + "' order by tmdb_id", String.class))
			.containsExactly("PERSISTED:", "PERSISTED:", "PERSISTED:", "FAILED:TMDB said nothing");
	}

	@Test
	void aDetailsFetchAndANewerListFetchInOneBatchKeepTheDetails() {
		UUID importId = UUID.randomUUID();
		MovieFetched list = movie(importId, 6201, T0.plusSeconds(60), """
				{"id":6201,"title":"Merged (list)","popularity":9.5,"genre_ids":[18,36],"release_date":"2004-04-04"}""");
		MovieFetched details = movie(importId, 6201, T0, """
				{"id":6201,"title":"Merged (details)","imdb_id":"tt0006201","runtime":99,"genres":[{"id":18}],
				 "tagline":"kept","credits":{"cast":[{"id":1,"name":"Ann","order":0}],
				                            "crew":[{"id":2,"name":"Dee","job":"Director"}]}}""");

		try (OneTransactionPublisher oneBatch = new OneTransactionPublisher(broker)) {
			oneBatch.publish(0, List.of(list, details));
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from import_items where import_id = '" + importId + "'") == 1);
		Map<String, Object> row = jdbc.queryForMap("""
				select title, popularity, runtime, imdb_id, genre_ids::text as genre_ids, fetched_at,
				       jsonb_array_length(top_cast) as cast_size, directors->0->>'name' as director,
				       details->>'tagline' as tagline, payload->>'title' as payload_title,
				       details->'credits' is not null as has_credits
				from movies where tmdb_id = 6201""");
		assertThat(row).containsEntry("title", "Merged (list)")
			.containsEntry("popularity", 9.5)
			.containsEntry("genre_ids", "{18,36}")
			.containsEntry("runtime", 99)
			.containsEntry("imdb_id", "tt0006201")
			.containsEntry("cast_size", 1)
			.containsEntry("director", "Dee")
			.containsEntry("tagline", "kept")
			.containsEntry("payload_title", "Merged (list)")
			.containsEntry("has_credits", true);
		assertThat(((java.sql.Timestamp) row.get("fetched_at")).toInstant()).isEqualTo(T0.plusSeconds(60));
		assertThat(jdbc.queryForList("select genre_id from movie_genres where movie_id = 6201 order by genre_id",
				Integer.class))
			.containsExactly(18, 36);
	}

	@Test
	void reImportingAnUnchangedCatalogRewritesNothing() {
		UUID first = UUID.randomUUID();
		LongStream.rangeClosed(6301, 6320)
			.forEach(id -> publish(movie(first, id, T0, catalogJson(id, "Catalog " + id))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from import_items where import_id = '" + first + "'") == 20);
		TableStatistics statistics = new TableStatistics((HikariDataSource) dataSource);
		statistics.flush();
		Map<String, Long> before = statistics.of("movies", "movie_genres");

		// the nightly sync: the same movies fetched again, one of them changed on TMDB
		UUID second = UUID.randomUUID();
		LongStream.rangeClosed(6301, 6319)
			.forEach(id -> publish(movie(second, id, T0.plusSeconds(3600), catalogJson(id, "Catalog " + id))));
		publish(movie(second, 6320, T0.plusSeconds(3600), catalogJson(6320, "Catalog 6320, renamed")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from import_items where import_id = '" + second + "'") == 20);
		statistics.flush();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> statistics.of("movies", "movie_genres").get("movies_upd") > before.get("movies_upd"));
		Map<String, Long> after = statistics.of("movies", "movie_genres");
		assertThat(after.get("movies_upd")).as("only the changed movie is rewritten")
			.isEqualTo(before.get("movies_upd") + 1);
		assertThat(after).as("nothing else written").isEqualTo(withUpdates(before, after.get("movies_upd")));
		assertThat(jdbc.queryForList("select title from movies where tmdb_id in (6301, 6320) order by tmdb_id",
				String.class))
			.containsExactly("Catalog 6301", "Catalog 6320, renamed");
		// fetched_at is when TMDB last gave different data
		assertThat(jdbc.queryForList("select fetched_at from movies where tmdb_id in (6301, 6320) order by tmdb_id",
				java.sql.Timestamp.class))
			.extracting(java.sql.Timestamp::toInstant)
			.containsExactly(T0, T0.plusSeconds(3600));
	}

	@Test
	void redeliveryChangesNothingAndAnOlderEventNeverOverwritesANewerOne() {
		UUID importId = UUID.randomUUID();
		List<MovieFetched> batch = LongStream.rangeClosed(5001, 5050)
			.mapToObj(id -> movie(importId, id, T0.plusSeconds(60), json(id, "New " + id, "2001-01-01")))
			.toList();
		batch.forEach(this::publish);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from movies where tmdb_id between 5001 and 5050") == 50);
		String before = snapshot();

		batch.forEach(this::publish);
		LongStream.rangeClosed(5001, 5050)
			.forEach(id -> publish(movie(importId, id, T0, json(id, "Old " + id, "1999-01-01"))));
		// a sentinel behind the re-delivered and stale records: once it is in, they were all processed
		publish(movie(importId, 5999, T0, json(5999, "Sentinel", "2020-01-01")));
		await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from movies where tmdb_id = 5999") == 1);

		assertThat(snapshot()).isEqualTo(before);
		assertThat(count("select count(*) from movies where title like 'Old %'")).isZero();
		assertThat(count("select count(*) from import_items where import_id = '" + importId
				+ "' and outcome = 'PERSISTED'")).isEqualTo(51);
	}

	@Test
	void aMovieTmdbNoLongerKnowsIsMarkedDeletedAndComesBackWhenFoundAgain() {
		UUID importId = UUID.randomUUID();
		publish(movie(importId, 7101, T0, json(7101, "Soon Gone", "2001-01-01")));
		publish(movie(importId, 7102, T0, json(7102, "Stays", "2001-01-01")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from movies where tmdb_id in (7101, 7102)") == 2);

		UUID changes = UUID.randomUUID();
		kafka.send(Topics.MOVIES, "7101",
				new MovieNotFetched(changes, 7101, true, "TMDB answered 404: status_code 34", T0.plusSeconds(30)))
			.join();
		// found again after the 404 (in the same batch or a later one), it stays
		kafka.send(Topics.MOVIES, "7102",
				new MovieNotFetched(changes, 7102, true, "TMDB answered 404: status_code 34", T0.plusSeconds(30)))
			.join();
		publish(movie(changes, 7102, T0.plusSeconds(60), json(7102, "Stays, Renamed", "2001-01-01")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from movies where tmdb_id = 7101 and deleted_at is not null") == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from movies where tmdb_id = 7102 and title = 'Stays, Renamed'") == 1);
		assertThat(count("select count(*) from movies where tmdb_id = 7102 and deleted_at is null")).isEqualTo(1);
		assertThat(count("select count(*) from import_items where import_id = '" + changes
				+ "' and tmdb_id = 7101 and outcome = 'NOT_FOUND'")).isEqualTo(1);

		publish(movie(changes, 7101, T0.plusSeconds(120), json(7101, "Back Again", "2001-01-01")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from movies where tmdb_id = 7101 and deleted_at is null") == 1);
		assertThat(jdbc.queryForObject("select title from movies where tmdb_id = 7101", String.class))
			.isEqualTo("Back Again");
	}

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicAndTheRestIsPersisted() {
		byte[] garbage = "{\"type\":\"MovieFetched\",\"tmdbId\":".getBytes(StandardCharsets.UTF_8);
		kafka.send(Topics.MOVIES, "777", garbage);
		publish(movie(UUID.randomUUID(), 778, T0, json(778, "After the poison", "2010-05-05")));

		await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from movies where tmdb_id = 778") == 1);
		try (Consumer<String, byte[]> consumer = deadLetterConsumer()) {
			// the context's other test classes dead-letter records of their own
			List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(letters::add);
				return letters.stream().anyMatch(letter -> "777".equals(letter.key()));
			});
			ConsumerRecord<String, byte[]> dead = letters.stream()
				.filter(letter -> "777".equals(letter.key()))
				.findFirst()
				.orElseThrow();
			assertThat(dead.value()).isEqualTo(garbage);
			assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		}
	}

	@Test
	void detailsFillRuntimeCastDirectorsAndGenresAndALaterListFetchKeepsThem() {
		UUID importId = UUID.randomUUID();
		String cast = LongStream.rangeClosed(1, 7)
			.mapToObj(i -> "{\"id\":%d,\"name\":\"Actor %d\",\"character\":\"Role %d\",\"order\":%d}".formatted(i, i, i,
					7 - i))
			.collect(java.util.stream.Collectors.joining(","));
		publish(movie(importId, 6001, T0, """
				{"id":6001,"title":"Detailed","imdb_id":"tt0006001","runtime":121,"release_date":"2004-04-04",
				 "genres":[{"id":18,"name":"Drama"},{"id":36,"name":"History"}],
				 "credits":{"cast":[%s],"crew":[{"id":90,"name":"Ada Director","job":"Director"},
				                              {"id":91,"name":"Bo Writer","job":"Screenplay"}]},
				 "keywords":{"keywords":[]}}""".formatted(cast)));
		MovieNotFetched missing = new MovieNotFetched(importId, 6002, true, "TMDB movie answered HTTP 404");
		kafka.send(Topics.MOVIES, missing.key(), missing).join();
		GenresFetched genres = new GenresFetched(List.of(new GenresFetched.Genre(18, "Drama"),
				new GenresFetched.Genre(36, "History")), T0);
		kafka.send(Topics.MOVIES, genres.key(), genres).join();

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count("select count(*) from import_items where import_id = '" + importId + "'") == 2);
		Map<String, Object> row = jdbc.queryForMap("select runtime, imdb_id, top_cast::text as top_cast, "
				+ "directors::text as directors from movies where tmdb_id = 6001");
		assertThat(row.get("runtime")).isEqualTo(121);
		assertThat(row.get("imdb_id")).isEqualTo("tt0006001");
		assertThat(jdbc.queryForList("select jsonb_array_elements(top_cast)->>'name' from movies where tmdb_id = 6001",
				String.class))
			.containsExactly("Actor 7", "Actor 6", "Actor 5", "Actor 4", "Actor 3");
		assertThat(row.get("directors").toString()).contains("Ada Director").doesNotContain("Bo Writer");
		assertThat(jdbc.queryForList("select genre_id from movie_genres where movie_id = 6001 order by genre_id",
				Integer.class))
			.containsExactly(18, 36);
		assertThat(jdbc.queryForMap("select outcome, reason from import_items where tmdb_id = 6002"))
			.containsEntry("outcome", "NOT_FOUND");
		await().until(() -> count("select count(*) from genres where id in (18, 36)") == 2);

		// a newer list fetch: list fields change, details stay, genres follow
		publish(movie(importId, 6001, T0.plusSeconds(60), """
				{"id":6001,"title":"Detailed (list)","genre_ids":[18],"release_date":"2004-04-04"}"""));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "Detailed (list)".equals(jdbc.queryForObject("select title from movies where tmdb_id = 6001",
					String.class)));
		assertThat(jdbc.queryForObject("select runtime from movies where tmdb_id = 6001", Integer.class)).isEqualTo(121);
		assertThat(jdbc.queryForObject("select jsonb_array_length(top_cast) from movies where tmdb_id = 6001",
				Integer.class))
			.isEqualTo(5);
		assertThat(jdbc.queryForList("select genre_id from movie_genres where movie_id = 6001", Integer.class))
			.containsExactly(18);
	}

	@Test
	void theNewestImageConfigurationIsKeptWhateverOrderItArrivesIn() {
		ImageConfigurationFetched newer = new ImageConfigurationFetched("http://img.example/t/p/",
				"https://img.example/t/p/", List.of("w92", "w342", "original"), List.of("w780"), List.of("w45"),
				T0.plusSeconds(60));
		ImageConfigurationFetched older = new ImageConfigurationFetched("http://old.example/t/p/",
				"https://old.example/t/p/", List.of("w92"), List.of("w300"), List.of("w45"), T0);
		kafka.send(Topics.MOVIES, newer.key(), newer).join();
		await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from image_configuration") == 1);
		kafka.send(Topics.MOVIES, older.key(), older).join();

		// the older one is consumed within a batch's time; it must leave the newer one in place
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> "https://img.example/t/p/".equals(jdbc.queryForObject(
					"select secure_base_url from image_configuration", String.class)));
		Map<String, Object> row = jdbc.queryForMap("select secure_base_url, base_url, array_to_string(poster_sizes, ',') as posters "
				+ "from image_configuration");
		assertThat(row).containsEntry("secure_base_url", "https://img.example/t/p/")
			.containsEntry("base_url", "http://img.example/t/p/")
			.containsEntry("posters", "w92,w342,original");
	}

	@Test
	void tmdbsWholeConfigurationIsStoredAsGivenAndANewerRecordWithoutItLeavesNoneOfAnOlderFetch() {
		String answer = """
				{"change_keys":["adult","title"],"images":{"base_url":"http://whole.example/t/p/",
				 "secure_base_url":"https://whole.example/t/p/","logo_sizes":["w45"],"still_sizes":["w92"]},
				 "brand_new":{"nul":"a\\u0000b"}}""";
		ImageConfigurationFetched whole = new ImageConfigurationFetched("http://whole.example/t/p/",
				"https://whole.example/t/p/", List.of("w92"), List.of("w780"), List.of("w45"), T0.plusSeconds(86_400),
				FleetJson.MAPPER.readTree(answer));
		ImageConfigurationFetched olderWorker = new ImageConfigurationFetched("http://img.example/t/p/",
				"https://img.example/t/p/", List.of("w92"), List.of("w780"), List.of("w45"), T0.plusSeconds(2 * 86_400));
		try {
			kafka.send(Topics.MOVIES, whole.key(), whole).join();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> count("select count(*) from image_configuration where configuration is not null") == 1);
			assertThat(FleetJson.MAPPER.readTree(jdbc.queryForObject("select configuration::text from image_configuration",
					String.class))).as("NUL removed, as from a movie's JSON")
				.isEqualTo(FleetJson.MAPPER.readTree(answer.replace("\\u0000", "")));

			kafka.send(Topics.MOVIES, olderWorker.key(), olderWorker).join();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "https://img.example/t/p/".equals(jdbc.queryForObject(
						"select secure_base_url from image_configuration", String.class)));
			assertThat(count("select count(*) from image_configuration where configuration is null")).isEqualTo(1);
		}
		finally {
			jdbc.update("delete from image_configuration"); // the other tests' fetch times are older
		}
	}

	private void publish(MovieFetched event) {
		kafka.send(Topics.MOVIES, event.key(), event).join();
	}

	private static String catalogJson(long id, String title) {
		return """
				{"id":%d,"title":"%s","release_date":"2001-02-03","popularity":4.5,"vote_average":7.1,
				 "vote_count":300,"genre_ids":[18,35],"overview":"Unchanged"}""".formatted(id, title);
	}

	private static Map<String, Long> withUpdates(Map<String, Long> statistics, long movieUpdates) {
		Map<String, Long> expected = new TreeMap<>(statistics);
		expected.put("movies_upd", movieUpdates);
		return expected;
	}

	private static MovieFetched movie(UUID importId, long id, Instant fetchedAt, String json) {
		return new MovieFetched(importId, id, fetchedAt, FleetJson.MAPPER.readTree(json));
	}

	private static String json(long id, String title, String releaseDate) {
		return """
				{"id":%d,"title":"%s","release_date":"%s","popularity":1.5,"vote_average":6.1,"vote_count":10}"""
			.formatted(id, title, releaseDate);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

	private String snapshot() {
		return jdbc.queryForList("select tmdb_id, title, release_date, payload::text, fetched_at, updated_at from movies "
				+ "where tmdb_id between 5001 and 5050 order by tmdb_id").toString();
	}

	@Test
	void theListenerRunsAsManyConsumersAsItsPropertiesSay(@Autowired KafkaListenerEndpointRegistry listeners) {
		assertThat(((ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("persist-movies"))
			.getConcurrency()).isEqualTo(CONSUMERS);
	}

}
