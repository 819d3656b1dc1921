package org.tmdbfleet.gateway.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/imports}: newest first, filtered by status and source, in pages. Other test
 * classes share the database, so expectations are read from it rather than assumed.
 */
class ImportListIntegrationTests extends GatewayIntegrationTestSupport {

	/** Later than anything other tests create: these rows open the unfiltered list. */
	private static final Instant FUTURE = Instant.parse("2200-01-01T00:00:00Z");

	private final List<UUID> completedTopRated = new ArrayList<>();

	@BeforeEach
	void recordImports() {
		if (jdbc.queryForObject("select count(*) from import_jobs where created_at >= ?", Integer.class,
				Timestamp.from(FUTURE)) > 0) {
			completedTopRated.addAll(jdbc.queryForList("""
					select id from import_jobs where created_at >= ? and status = 'COMPLETED' and source = 'top_rated'
					order by created_at desc, id desc""", UUID.class, Timestamp.from(FUTURE)));
			return;
		}
		for (int i = 0; i < 12; i++) {
			String status = (i % 3 == 0) ? "FAILED" : "COMPLETED";
			String source = (i % 2 == 0) ? "top_rated" : "upcoming";
			UUID id = UUID.randomUUID();
			jdbc.update("""
					insert into import_jobs (id, source, params, status, requested_pages, total_pages, created_at, finished_at)
					values (?, ?, '{}'::jsonb, ?, 5, 5, ?, ?)""", id, source, status,
					Timestamp.from(FUTURE.plus(i, ChronoUnit.MINUTES)), Timestamp.from(FUTURE.plus(i + 1, ChronoUnit.MINUTES)));
			if (status.equals("COMPLETED") && source.equals("top_rated")) {
				completedTopRated.add(0, id);
			}
		}
	}

	@Test
	void theNewestImportsComeFirstWithTheirSummary() {
		JsonNode page = ok(api().get("/api/imports?size=3"));

		assertThat(page.path("items")).hasSize(3);
		JsonNode newest = page.path("items").get(0);
		assertThat(newest.path("createdAt").asString()).isEqualTo("2200-01-01T00:11:00Z");
		assertThat(newest.path("source").asString()).isEqualTo("upcoming");
		assertThat(newest.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(newest.path("pagesTotal").asInt()).isEqualTo(5);
		assertThat(newest.path("finishedAt").asString()).isEqualTo("2200-01-01T00:12:00Z");
		assertThat(newest.has("moviesPersisted")).as("no counts in a list").isFalse();
		assertThat(page.path("page").path("size").asInt()).isEqualTo(3);
		assertThat(page.path("page").path("number").asInt()).isZero();
	}

	@Test
	void filtersAndPagesTogether() {
		int total = jdbc.queryForObject(
				"select count(*) from import_jobs where status = 'COMPLETED' and source = 'top_rated'", Integer.class);

		JsonNode first = ok(api().get("/api/imports?status=COMPLETED&source=top_rated&size=2"));
		JsonNode second = ok(api().get("/api/imports?status=COMPLETED&source=top_rated&size=2&page=1"));

		assertThat(first.path("page").path("totalElements").asInt()).isEqualTo(total);
		assertThat(first.path("page").path("totalPages").asInt()).isEqualTo((total + 1) / 2);
		assertThat(ids(first)).containsExactlyElementsOf(completedTopRated.subList(0, 2));
		assertThat(ids(second)).containsExactlyElementsOf(completedTopRated.subList(2, 4));
		first.path("items").forEach(item -> {
			assertThat(item.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(item.path("source").asString()).isEqualTo("top_rated");
		});
	}

	@Test
	void emptyFiltersAreNoFilters() {
		int total = jdbc.queryForObject("select count(*) from import_jobs", Integer.class);

		JsonNode page = ok(api().get("/api/imports?status=&source=&page=&size="));

		assertThat(page.path("page").path("size").asInt()).isEqualTo(20);
		assertThat(page.path("page").path("totalElements").asInt()).isEqualTo(total);
		assertThat(page.path("items").size()).isEqualTo(Math.min(20, total));
	}

	@Test
	void aPageBeyondTheEndIsEmpty() {
		JsonNode page = ok(api().get("/api/imports?source=upcoming&page=100000"));

		assertThat(page.path("items")).isEmpty();
		assertThat(page.path("page").path("number").asInt()).isEqualTo(100000);
	}

	@Test
	void badPagingIsAProblem() {
		assertProblem(api().get("/api/imports?size=101"), 400, "size");
		assertProblem(api().get("/api/imports?page=-1&size=0"), 400, "page", "size");
		assertProblem(api().get("/api/imports?status=finished"), 400, "status");
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<UUID> ids(JsonNode page) {
		List<UUID> ids = new ArrayList<>();
		page.path("items").forEach(item -> ids.add(UUID.fromString(item.path("id").asString())));
		return ids;
	}

}
