package org.tmdbfleet.simulator.catalog;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TitleSearchTests {

	static final DiscoverQuery POPULAR = DiscoverQuery.all(SortBy.POPULARITY_DESC);

	final Catalog catalog = Catalog.generate(20_000, 42, CatalogTests.TODAY);

	final Rankings rankings = new Rankings(catalog);

	final TitleSearch search = new TitleSearch(catalog, rankings);

	@ParameterizedTest
	@ValueSource(strings = { "harbour", "midnigt station", "The Secret", "part ii", "Тёмные", "тихии дон", "神隠し",
			"千尋の", "기생충", "功夫", "zz", "a" })
	void findsWhatTheRuleSaysOfEachMovieInPopularityOrder(String query) {
		TitleQuery rule = TitleQuery.of(query);
		int[] expected = Arrays.stream(rankings.ranked(POPULAR))
			.filter((index) -> rule.matches(catalog.title(index)) || rule.matches(catalog.originalTitle(index)))
			.toArray();

		assertThat(search.search(query, POPULAR)).containsExactly(expected);
	}

	@Test
	void aDeletedMovieIsFoundNoMoreAndARevisedOneByItsNewTitle() {
		Catalog dayZero = Catalog.generate(20_000, 42, CatalogTests.TODAY);
		search.search("warmup", POPULAR);
		catalog.advance(5);
		int deleted = IntStream.range(0, catalog.size()).filter((index) -> !catalog.live(index)).findFirst().orElseThrow();
		int revised = IntStream.range(0, catalog.size())
			.filter((index) -> catalog.live(index) && !catalog.adult(index)
					&& !catalog.title(index).equals(dayZero.title(index)))
			.findFirst()
			.orElseThrow();

		assertThat(search.search(catalog.title(deleted), POPULAR.includingAdult(true))).doesNotContain(deleted);
		assertThat(search.search(catalog.title(revised), POPULAR)).contains(revised);
	}

	@Test
	void onePointTwoMillionMoviesAreSearchedOnceAQueryAndItsFiltersThenFromTheCache() {
		Catalog large = Catalog.generate(1_200_000, 42, CatalogTests.TODAY);
		TitleSearch largeSearch = new TitleSearch(large, new Rankings(large));

		int[] found = largeSearch.search("midnigt station", POPULAR);

		assertThat(found).isNotEmpty();
		assertThat(IntStream.range(1, found.length)
			.allMatch((i) -> large.popularity(found[i - 1]) >= large.popularity(found[i]))).isTrue();
		assertThat(largeSearch.search("MIDNIGT STATION", POPULAR)).as("the same folded query").isSameAs(found);
		assertThat(largeSearch.search("midnigt station", POPULAR.releasedIn(2001))).isNotSameAs(found);
	}

}
