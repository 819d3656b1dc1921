package org.tmdbfleet.catalog.lists;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TMDB client of the catalog API under test: asks for pages as a client would, and walks a
 * list's pages comparing each with the movies expected there.
 */
final class ListPages {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	ListPages(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path) {
		try {
			URI uri = URI.create("http://localhost:" + this.port + path.replace("|", "%7C"));
			return this.http.send(HttpRequest.newBuilder(uri).build(),
					BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
	}

	/** The answer's JSON, which must be a 200. */
	JsonNode page(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	JsonNode error(String path, int status) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("results").forEach((item) -> ids.add(item.path("id").asLong()));
		return ids;
	}

	/**
	 * Walks the list at {@code path} (a query string ending, so {@code &page=} can follow): its
	 * first three pages, one from the middle, the last and the one after it. Each page holds the
	 * expected movies of its place, in order, and no movie shows twice; every page tells the same
	 * total, which is {@code count}, the database's own for the same filters.
	 * @return the ids seen, in the order of the pages walked
	 */
	List<Long> walk(String path, List<Long> expected, long count) {
		assertThat(expected).as("the test's own expectation for %s", path).hasSize((int) count);
		long totalPages = (count + 19) / 20;
		Set<Long> pages = new LinkedHashSet<>(List.of(1L, 2L, 3L, Math.max(1, totalPages / 2), totalPages,
				totalPages + 1));
		Set<Long> seen = new HashSet<>();
		List<Long> walked = new ArrayList<>();
		for (long number : pages) {
			if (number < 1 || (number > totalPages + 1)) {
				continue;
			}
			JsonNode page = page(path + "&page=" + number);
			int from = (int) Math.min(count, (number - 1) * 20);
			List<Long> ids = ids(page);
			assertThat(ids).as("%s page %d", path, number).isEqualTo(expected.subList(from, (int) Math.min(count, from + 20)));
			assertThat(page.path("page").asLong()).isEqualTo(number);
			assertThat(page.path("total_results").asLong()).as("%s total_results", path).isEqualTo(count);
			assertThat(page.path("total_pages").asLong()).as("%s total_pages", path).isEqualTo(totalPages);
			for (long id : ids) {
				assertThat(seen.add(id)).as("%s: movie %d on two pages", path, id).isTrue();
			}
			walked.addAll(ids);
		}
		return walked;
	}

}
