package org.tmdbfleet.catalog.lists;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.catalog.CatalogDatabase;
import org.tmdbfleet.catalog.lists.GeneratedCatalog.StoredMovie;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TMDB's four lists on the generated catalog: which movies each shows, in which order, with the
 * database's exact total, and the dates now_playing and upcoming span (today is the UTC date).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class MovieListsIntegrationTests {

	private static final GeneratedCatalog catalog = GeneratedCatalog.shared();

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
	void popularIsEveryMovieMostPopularFirst() {
		this.client.walk("/3/movie/popular?language=en-US", expected((m) -> true, SortBy.POPULARITY_DESC),
				count("true"));
	}

	@Test
	void topRatedIsTheMoviesWithAtLeast300VotesBestAverageFirst() {
		this.client.walk("/3/movie/top_rated?region=FR", expected((m) -> m.voteCount() >= 300, SortBy.VOTE_AVERAGE_DESC),
				count("m.vote_count >= 300"));
	}

	@Test
	void nowPlayingIsTheMoviesReleasedInTheLast40DaysThroughToday() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate from = today.minusDays(40);

		this.client.walk("/3/movie/now_playing?region=US", expected((m) -> released(m, from, today), SortBy.POPULARITY_DESC),
				count("m.release_date between current_date - 40 and current_date"));

		JsonNode dates = this.client.page("/3/movie/now_playing").path("dates");
		assertThat(dates.path("maximum").asString()).isEqualTo(today.toString());
		assertThat(dates.path("minimum").asString()).isEqualTo(from.toString());
	}

	@Test
	void upcomingIsTheMoviesReleasedFromTomorrowThrough30DaysAhead() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		this.client.walk("/3/movie/upcoming?", expected((m) -> released(m, today.plusDays(1), today.plusDays(30)),
				SortBy.POPULARITY_DESC), count("m.release_date between current_date + 1 and current_date + 30"));

		JsonNode page = this.client.page("/3/movie/upcoming");
		assertThat(page.propertyNames()).containsExactly("dates", "page", "results", "total_pages", "total_results");
		assertThat(page.path("dates").path("maximum").asString()).isEqualTo(today.plusDays(30).toString());
		assertThat(page.path("dates").path("minimum").asString()).isEqualTo(today.plusDays(1).toString());
	}

	@Test
	void pagesPast500AreServedAndAPageFarPastTheEndIsEmpty() {
		List<Long> expected = expected((m) -> true, SortBy.POPULARITY_DESC);

		JsonNode page600 = this.client.page("/3/movie/popular?page=600");
		JsonNode farPast = this.client.page("/3/movie/popular?page=2147483647");

		assertThat(ListPages.ids(page600)).isEqualTo(expected.subList(11980, 12000));
		assertThat(page600.propertyNames()).containsExactly("page", "results", "total_pages", "total_results");
		assertThat(farPast.path("results")).isEmpty();
		assertThat(farPast.path("page").asLong()).isEqualTo(2147483647L);
		assertThat(farPast.path("total_results").asLong()).isEqualTo(expected.size());
	}

	private static List<Long> expected(Predicate<StoredMovie> matches, SortBy sort) {
		List<Long> ids = new ArrayList<>();
		catalog.movies().stream().filter((m) -> !m.deleted() && !m.adult()).filter(matches).sorted(Orders.of(sort))
			.forEach((m) -> ids.add(m.id()));
		return ids;
	}

	private static long count(String condition) {
		return catalog.database().jdbc().queryForObject("select count(*) from movies m where m.deleted_at is null "
				+ "and not m.adult and " + condition, Long.class);
	}

	private static boolean released(StoredMovie movie, LocalDate from, LocalDate to) {
		return movie.released() != null && !movie.released().isBefore(from) && !movie.released().isAfter(to);
	}

}
