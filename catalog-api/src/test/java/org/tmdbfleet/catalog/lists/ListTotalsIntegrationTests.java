package org.tmdbfleet.catalog.lists;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.catalog.CatalogDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A list's total is counted once while the catalog is quiet and again as soon as a transaction
 * ended: remembered or counted, it is the database's exact count.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class ListTotalsIntegrationTests {

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

	private long total(String path) {
		return this.client.page(path).path("total_results").asLong();
	}

	private double remembered() {
		return this.meters.counter("catalog.list.totals", "outcome", "remembered").count();
	}

}
