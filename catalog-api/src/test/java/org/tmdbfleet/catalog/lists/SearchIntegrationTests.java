package org.tmdbfleet.catalog.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tmdbfleet.catalog.CatalogDatabase;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search on the generated catalog: accents, case and a small typo aside, in any script. What each
 * query should find is the spec's rule written again in the test's own SQL ({@code strpos} and
 * {@code word_similarity} over {@code lower(unaccent(…))}), in popularity order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class SearchIntegrationTests {

	private static final GeneratedCatalog catalog = GeneratedCatalog.shared();

	/** docs/catalog-api.md, "Search", as a reader of the spec would write it. */
	private static final String MATCHES = """
			select m.tmdb_id from movies m, lower(unaccent(?)) as q(folded)
			where m.deleted_at is null and (? or not m.adult) and (? = 0 or extract(year from m.release_date) = ?)
			  and (strpos(lower(unaccent(m.title)), q.folded) > 0
			       or word_similarity(q.folded, lower(unaccent(m.title))) >= 0.6
			       or strpos(lower(unaccent(m.original_title)), q.folded) > 0
			       or word_similarity(q.folded, lower(unaccent(m.original_title))) >= 0.6)
			order by m.popularity desc nulls last, m.tmdb_id""";

	@LocalServerPort
	int port;

	private ListPages client;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		catalog.register(registry);
	}

	@BeforeEach
	void client() {
		this.client = new ListPages(this.port);
	}

	@Test
	void aQueryWithoutItsAccentsFindsTheTitleWithThem() {
		assertThat(served("amelie")).contains(GeneratedCatalog.AMELIE);
	}

	@Test
	void aSmallTypoStillFindsTheTitle() {
		assertThat(served("Shawshenk")).contains(GeneratedCatalog.SHAWSHANK);
	}

	@ParameterizedTest
	@CsvSource({ "темные аллеи, 2000003", "ТЁМНЫЕ, 2000003", "千と千尋, 2000004", "神隠し, 2000004", "기생충, 2000005",
			"spirited, 2000004", "千尋, 2000004", "隠, 2000004", "기생, 2000005" })
	void aQueryInAnyScriptFindsTheTitlesOrOriginalTitlesHoldingIt(String query, long movie) {
		assertThat(served(query)).contains(movie);
	}

	@Test
	void likesWildcardsInAQueryStandForThemselves() {
		assertThat(served("100%")).containsExactly(GeneratedCatalog.HUNDRED_PERCENT);
		assertThat(served("y_li")).containsExactly(GeneratedCatalog.UNDERSCORED);
	}

	@Test
	void aCommonWordIsPagedInPopularityOrderUnderTheExactTotal() {
		assertThat(walk("river", "", 0, false)).hasSizeGreaterThan(100);
		assertThat(walk("silent river", "", 0, false)).hasSizeGreaterThan(20);
	}

	@Test
	void theYearsAndAdultTitlesNarrowOrWidenTheSearch() {
		assertThat(walk("silent", "&year=1977", 1977, false)).isNotEmpty();
		assertThat(walk("golden", "&primary_release_year=1990", 1990, false)).isNotEmpty();
		assertThat(walk("golden", "&include_adult=true", 0, true)).hasSizeGreaterThan(walk("golden", "", 0, false).size());
	}

	@Test
	void aMissingOrBlankQueryFindsNothing() {
		for (String path : List.of("/3/search/movie", "/3/search/movie?query=", "/3/search/movie?query=%20%20&page=3",
				"/3/search/movie?query=%CC%81")) {
			JsonNode page = this.client.page(path);

			assertThat(page.path("results")).as(path).isEmpty();
			assertThat(page.path("total_results").asLong()).as(path).isZero();
			assertThat(page.path("total_pages").asLong()).as(path).isZero();
		}
	}

	/** What the search answers for the query: all of it, each movie checked on the page it is served on. */
	private List<Long> served(String query) {
		List<Long> expected = walk(query, "", 0, false);
		for (int index = 0; index < expected.size(); index += 20) {
			JsonNode page = this.client.page(path(query, "") + "&page=" + (index / 20 + 1));
			assertThat(ListPages.ids(page)).isEqualTo(expected.subList(index, Math.min(expected.size(), index + 20)));
		}
		return expected;
	}

	/**
	 * Walks the search's pages against the test's own matches, and returns those. {@code filters}
	 * is a query-string ending such as {@code &year=1977}, which {@code year} and {@code adult} repeat.
	 */
	private List<Long> walk(String query, String filters, int year, boolean adult) {
		List<Long> expected = catalog.database().jdbc().queryForList(MATCHES, Long.class, query, adult, year, year);

		this.client.walk(path(query, filters), expected, expected.size());
		return expected;
	}

	private static String path(String query, String filters) {
		return "/3/search/movie?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + filters;
	}

}
