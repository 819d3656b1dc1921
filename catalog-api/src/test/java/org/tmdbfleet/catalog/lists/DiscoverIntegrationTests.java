package org.tmdbfleet.catalog.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tmdbfleet.catalog.CatalogDatabase;
import org.tmdbfleet.catalog.lists.GeneratedCatalog.StoredMovie;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Discover on a generated catalog: for each filter and each order, the pages a client walks hold
 * exactly the movies the spec says, in its order, each once, under the database's exact total.
 * The expectation is the spec written again: filters and orders in Java over the stored rows, the
 * total as the test's own {@code COUNT(*)}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.config.name=catalog-api",
		CatalogDatabase.WITHOUT_KAFKA })
class DiscoverIntegrationTests {

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

	static Stream<Arguments> filters() {
		return Stream.of(
				filter("with_genres=28", "28 = any(m.genre_ids)", (m) -> m.genres().contains(28)),
				filter("with_genres=28,12", "m.genre_ids @> '{28,12}'",
						(m) -> m.genres().contains(28) && m.genres().contains(12)),
				filter("with_genres=28|16", "(28 = any(m.genre_ids) or 16 = any(m.genre_ids))",
						(m) -> m.genres().contains(28) || m.genres().contains(16)),
				filter("with_genres=18,28|16", "18 = any(m.genre_ids) and (28 = any(m.genre_ids) or 16 = any(m.genre_ids))",
						(m) -> m.genres().contains(18) && (m.genres().contains(28) || m.genres().contains(16))),
				filter("without_genres=18|35", "not (18 = any(m.genre_ids) or 35 = any(m.genre_ids))",
						(m) -> !m.genres().contains(18) && !m.genres().contains(35)),
				filter("primary_release_date.gte=1990-01-01&primary_release_date.lte=1999-12-31",
						"m.release_date between '1990-01-01' and '1999-12-31'",
						(m) -> released(m, "1990-01-01", "1999-12-31")),
				filter("release_date.gte=2000-01-01", "m.release_date >= '2000-01-01'",
						(m) -> released(m, "2000-01-01", "9999-12-31")),
				filter("primary_release_date.gte=2010-01-01&release_date.gte=1950-01-01&release_date.lte=2015-06-30",
						"m.release_date between '2010-01-01' and '2015-06-30'",
						(m) -> released(m, "2010-01-01", "2015-06-30")),
				filter("primary_release_year=1985", "extract(year from m.release_date) = 1985",
						(m) -> m.released() != null && m.released().getYear() == 1985),
				filter("vote_average.gte=7.5&vote_average.lte=9", "m.vote_average >= 7.5 and m.vote_average <= 9",
						(m) -> m.voteAverage() >= 7.5 && m.voteAverage() <= 9),
				filter("vote_count.gte=299.5", "m.vote_count >= 300", (m) -> m.voteCount() >= 300),
				filter("vote_count.lte=10", "m.vote_count <= 10", (m) -> m.voteCount() <= 10),
				filter("with_runtime.gte=120&with_runtime.lte=150", "m.runtime between 120 and 150",
						(m) -> m.runtime() != null && m.runtime() >= 120 && m.runtime() <= 150),
				filter("with_original_language=ko", "m.original_language = 'ko'", (m) -> "ko".equals(m.language())),
				filter("include_adult=true", "true", (m) -> true),
				filter("with_genres=18&with_original_language=fr&primary_release_date.gte=1980-01-01"
						+ "&vote_count.gte=100&sort_by=vote_average.desc", SortBy.VOTE_AVERAGE_DESC,
						"18 = any(m.genre_ids) and m.original_language = 'fr' and m.release_date >= '1980-01-01' "
								+ "and m.vote_count >= 100",
						(m) -> m.genres().contains(18) && "fr".equals(m.language()) && released(m, "1980-01-01", "9999-12-31")
								&& m.voteCount() >= 100));
	}

	@ParameterizedTest
	@MethodSource("filters")
	void theMoviesOnEveryPageAreTheFiltersMatchesInTheirOrderEachOnce(String parameters, SortBy sort, String sql,
			Predicate<StoredMovie> matches) {
		boolean adult = parameters.contains("include_adult=true");

		List<Long> expected = expected(matches, sort, adult);
		long count = catalog.database().jdbc().queryForObject("select count(*) from movies m where m.deleted_at is null"
				+ (adult ? "" : " and not m.adult") + " and " + sql, Long.class);

		List<Long> walked = this.client.walk("/3/discover/movie?" + parameters, expected, count);

		assertThat(count).as("the filter leaves several pages to walk").isGreaterThan(60);
		assertThat(walked).isNotEmpty();
	}

	@ParameterizedTest
	@EnumSource(SortBy.class)
	void eachOrderHoldsAcrossThePagesOfTheWholeCatalog(SortBy sort) {
		List<Long> expected = expected((m) -> true, sort, false);
		long count = catalog.database().jdbc().queryForObject(
				"select count(*) from movies where deleted_at is null and not adult", Long.class);

		this.client.walk("/3/discover/movie?sort_by=" + sort.value(), expected, count);
	}

	@ParameterizedTest
	@EnumSource(value = SortBy.class, names = { "RELEASE_DATE_DESC", "TITLE_DESC", "VOTE_AVERAGE_ASC" })
	void eachOrderAlsoHoldsUnderAFilter(SortBy sort) {
		Predicate<StoredMovie> matches = (m) -> m.genres().contains(35) && m.voteCount() >= 100;
		List<Long> expected = expected(matches, sort, false);
		long count = catalog.database().jdbc().queryForObject("select count(*) from movies m where m.deleted_at is null "
				+ "and not m.adult and 35 = any(m.genre_ids) and m.vote_count >= 100", Long.class);

		this.client.walk("/3/discover/movie?with_genres=35&vote_count.gte=100&sort_by=" + sort.value(), expected, count);
	}

	@Test
	void releaseDateNamesTheSameOrdersAsPrimaryReleaseDate() {
		assertThat(this.client.page("/3/discover/movie?sort_by=release_date.desc&page=7"))
			.isEqualTo(this.client.page("/3/discover/movie?sort_by=primary_release_date.desc&page=7"));
		assertThat(this.client.page("/3/discover/movie?sort_by=release_date.asc"))
			.isEqualTo(this.client.page("/3/discover/movie?sort_by=primary_release_date.asc"));
	}

	@Test
	void anItemHasTmdbsListFieldsInTmdbsOrder() {
		JsonNode item = this.client.page("/3/discover/movie?primary_release_date.gte=2001-04-25"
				+ "&primary_release_date.lte=2001-04-25&with_genres=35,10749&with_original_language=fr")
			.path("results").get(0);

		assertThat(item.propertyNames()).containsExactly("adult", "backdrop_path", "genre_ids", "id",
				"original_language", "original_title", "overview", "popularity", "poster_path", "release_date", "title",
				"video", "vote_average", "vote_count");
		assertThat(item.path("id").asLong()).isEqualTo(GeneratedCatalog.AMELIE);
		assertThat(item.path("release_date").asString()).isEqualTo("2001-04-25");
		assertThat(item.path("genre_ids").toString()).isEqualTo("[35,10749]");
		assertThat(item.path("vote_average").asDouble()).isEqualTo(7.9);
	}

	private static List<Long> expected(Predicate<StoredMovie> matches, SortBy sort, boolean adult) {
		List<Long> ids = new ArrayList<>();
		catalog.movies().stream().filter((m) -> !m.deleted() && (adult || !m.adult())).filter(matches)
			.sorted(Orders.of(sort)).forEach((m) -> ids.add(m.id()));
		return ids;
	}

	private static boolean released(StoredMovie movie, String from, String to) {
		return movie.released() != null && !movie.released().isBefore(LocalDate.parse(from))
				&& !movie.released().isAfter(LocalDate.parse(to));
	}

	private static Arguments filter(String parameters, String sql, Predicate<StoredMovie> matches) {
		return filter(parameters, SortBy.POPULARITY_DESC, sql, matches);
	}

	private static Arguments filter(String parameters, SortBy sort, String sql, Predicate<StoredMovie> matches) {
		return argumentSet(parameters, parameters, sort, sql, matches);
	}

}
