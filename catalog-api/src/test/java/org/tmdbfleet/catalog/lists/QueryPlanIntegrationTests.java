package org.tmdbfleet.catalog.lists;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tmdbfleet.catalog.web.CatalogProperties;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The plan PostgreSQL makes for each shape of list, discover and search, on the generated catalog
 * with its statistics and visibility map (vacuum analyze): exactly the statement the catalog API
 * sends, with its values, reads no part of {@code movies} through a sequential scan. Its pages
 * come from an index in their order or from the rows a range of an index gives, and its totals
 * from an index alone.
 */
class QueryPlanIntegrationTests {

	private static final GeneratedCatalog catalog = GeneratedCatalog.shared();

	private final List<String> plans = new ArrayList<>();

	/** The repository under test, whose list statements are explained instead of run, each counting. */
	private final MoviePages pages = new MoviePages(new NamedParameterJdbcTemplate(catalog.database().jdbc()) {
		@Override
		public <T> T queryForObject(String sql, SqlParameterSource values, RowMapper<T> answer) {
			if (!sql.contains("json_build_object")) {
				return super.queryForObject(sql, values, answer);
			}
			explain(sql, values);
			return super.queryForObject(sql.contains("ordered.ids") ? "select '', cast('{}' as bigint[]), '{}'"
					: "select '', 0::bigint, '{}'", values, answer);
		}

		@Override
		public <T> T queryForObject(String sql, SqlParameterSource values, Class<T> type) {
			explain(sql, values);
			return type.cast("{}");
		}

		private void explain(String sql, SqlParameterSource values) {
			QueryPlanIntegrationTests.this.plans
				.add(String.join("\n", queryForList("explain (analyze, buffers off) " + sql, values, String.class)));
		}
	}, new RememberedAnswers(new CatalogProperties(List.of(), Duration.ofMinutes(1), 0, 0), new SimpleMeterRegistry()));

	static Stream<Arguments> shapes() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Arguments> shapes = new ArrayList<>(List.of(
				shape("popular", MovieQuery.all(SortBy.POPULARITY_DESC)),
				shape("top_rated", MovieQuery.all(SortBy.VOTE_AVERAGE_DESC).withVotes(Range.any(), new Range<>(300L, null))),
				shape("now_playing", MovieQuery.all(SortBy.POPULARITY_DESC).releasedIn(new Range<>(today.minusDays(40), today))),
				shape("upcoming", MovieQuery.all(SortBy.POPULARITY_DESC)
					.releasedIn(new Range<>(today.plusDays(1), today.plusDays(30)))),
				shape("with_genres=18,28|16", MovieQuery.all(SortBy.POPULARITY_DESC)
					.withGenres(List.of(List.of(18), List.of(16, 28)), List.of())),
				shape("without_genres=18", MovieQuery.all(SortBy.POPULARITY_DESC).withGenres(List.of(), List.of(18))),
				shape("primary_release_date in the 1990s, oldest first", MovieQuery.all(SortBy.RELEASE_DATE_ASC)
					.releasedIn(new Range<>(LocalDate.of(1990, 1, 1), LocalDate.of(1999, 12, 31)))),
				shape("primary_release_year=1985", MovieQuery.all(SortBy.POPULARITY_DESC)
					.releasedIn(new Range<>(LocalDate.of(1985, 1, 1), LocalDate.of(1985, 12, 31)))),
				shape("vote_average 7.5-9", MovieQuery.all(SortBy.POPULARITY_DESC).withVotes(new Range<>(7.5, 9.0), Range.any())),
				shape("vote_count >= 2500", MovieQuery.all(SortBy.POPULARITY_DESC).withVotes(Range.any(), new Range<>(2500L, null))),
				shape("with_runtime 120-150", MovieQuery.all(SortBy.POPULARITY_DESC).withRuntime(new Range<>(120L, 150L))),
				shape("with_original_language=ko", MovieQuery.all(SortBy.POPULARITY_DESC).withOriginalLanguage("ko")),
				shape("include_adult=true", MovieQuery.all(SortBy.POPULARITY_DESC).includingAdult(true)),
				shape("search river", MovieQuery.all(SortBy.POPULARITY_DESC).titled("river")),
				shape("search Shawshenk", MovieQuery.all(SortBy.POPULARITY_DESC).titled("Shawshenk")),
				shape("search 千尋", MovieQuery.all(SortBy.POPULARITY_DESC).titled("千尋")),
				shape("search 기생", MovieQuery.all(SortBy.POPULARITY_DESC).titled("기생")),
				shape("search 千と千尋 in 1990s", MovieQuery.all(SortBy.POPULARITY_DESC).titled("千と千尋")
					.releasedIn(new Range<>(LocalDate.of(1990, 1, 1), LocalDate.of(1999, 12, 31))))));
		Arrays.stream(SortBy.values())
			.forEach((sort) -> shapes.add(shape("sort_by=" + sort.value(), MovieQuery.all(sort))));
		return shapes.stream();
	}

	@ParameterizedTest
	@MethodSource("shapes")
	void noShapeReadsTheWholeTable(MovieQuery query) {
		this.pages.page(query, 1);
		this.pages.page(query, 50);

		assertThat(this.plans).hasSize(2).allSatisfy((plan) -> assertThat(plan).doesNotContain("Seq Scan on movies"));
	}

	private static Arguments shape(String name, MovieQuery query) {
		return argumentSet(name, query);
	}

}
