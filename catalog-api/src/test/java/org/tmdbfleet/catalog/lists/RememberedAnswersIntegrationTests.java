package org.tmdbfleet.catalog.lists;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.catalog.CatalogDatabase;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A list's total is counted, and a search's titles found, once while the catalog is quiet and
 * again as soon as a transaction ended: remembered or found again, the answer is the database's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class RememberedAnswersIntegrationTests {

	private static final CatalogDatabase database = CatalogDatabase.create();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	private ListPages client;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@BeforeAll
	static void storeMovies() {
		database.jdbc().update("""
				insert into movies (tmdb_id, title, popularity, vote_average, vote_count, release_date, fetched_at)
				select i, 'Movie ' || i, i, 7, 500, date '2000-01-01' + i, now() from generate_series(1, 45) as i""");
	}

	@BeforeEach
	void client() {
		this.client = new ListPages(this.port);
	}

	@Test
	void aQuietCatalogsTotalIsRememberedAndAWriteCountsItAgain() {
		long total = total("/3/movie/popular");
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			double remembered = remembered();
			return total("/3/movie/popular?page=2") == total && remembered() > remembered;
		});

		database.jdbc().update("insert into movies (tmdb_id, title, popularity, fetched_at) values (46, 'New', 1, now())");
		long afterInsert = total("/3/movie/popular?page=3");
		database.jdbc().update("update movies set deleted_at = now() where tmdb_id in (1, 2)");
		long afterDelete = total("/3/movie/popular");

		assertThat(total).isEqualTo(45);
		assertThat(afterInsert).isEqualTo(46);
		assertThat(afterDelete).isEqualTo(44);
		assertThat(total("/3/movie/top_rated")).isEqualTo(43);
	}

	@Test
	void aQuietCatalogsSearchIsFoundOnceForEveryPageAndAWriteFindsItAgain() {
		JsonNode first = this.client.page("/3/search/movie?query=movie");
		// pages 2 and 3 read from what an earlier page found, once no transaction ends in between
		List<JsonNode> next = await().atMost(Duration.ofSeconds(10)).until(() -> {
			double remembered = remembered("catalog.search.results");
			List<JsonNode> pages = List.of(this.client.page("/3/search/movie?query=movie&page=2"),
					this.client.page("/3/search/movie?query=movie&page=3"));
			return (remembered("catalog.search.results") >= remembered + 2) ? pages : null;
		}, Objects::nonNull);
		long total = first.path("total_results").asLong();

		database.jdbc().update("insert into movies (tmdb_id, title, popularity, fetched_at) values (47, 'Movie Found', 100, now())");
		try {
			JsonNode afterInsert = this.client.page("/3/search/movie?query=movie&page=1");

			assertThat(next.get(0).path("total_results").asLong()).isEqualTo(total);
			assertThat(ids(first)).hasSize(20).doesNotContainAnyElementsOf(ids(next.get(0)));
			assertThat(ids(next.get(0))).hasSize(20);
			assertThat(ids(next.get(1))).hasSize((int) total - 40);
			assertThat(afterInsert.path("total_results").asLong()).isEqualTo(total + 1);
			assertThat(ids(afterInsert)).first().isEqualTo(47L);
		}
		finally {
			database.jdbc().update("delete from movies where tmdb_id = 47");
		}
	}

	private static List<Long> ids(JsonNode page) {
		return page.path("results").valueStream().map((movie) -> movie.path("id").asLong()).toList();
	}

	private long total(String path) {
		return this.client.page(path).path("total_results").asLong();
	}

	private double remembered() {
		return remembered("catalog.list.totals");
	}

	private double remembered(String meter) {
		return this.meters.counter(meter, "outcome", "remembered").count();
	}

}
