package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingsTests {

	final Catalog catalog = Catalog.generate(5_000, 42, CatalogTests.TODAY);

	final Rankings rankings = new Rankings(catalog);

	@Test
	void withTheAdultTitlesEachOrderIsTheSpecsOrderOverEveryMovie() {
		Comparator<Movie> byId = Comparator.comparingInt(Movie::id);
		Comparator<Movie> lastWithoutDate = Comparator.comparing(Movie::releaseDate,
				Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()));

		assertOrder(SortBy.POPULARITY_DESC, Comparator.comparingDouble(Movie::popularity).reversed().thenComparing(byId));
		assertOrder(SortBy.VOTE_AVERAGE_ASC, Comparator.comparingInt(Movie::voteTenths)
			.thenComparing(Comparator.comparingInt(Movie::voteCount).reversed())
			.thenComparing(byId));
		assertOrder(SortBy.RELEASE_DATE_ASC, lastWithoutDate.thenComparing(byId));
		assertOrder(SortBy.TITLE_DESC,
				Comparator.comparing(Movie::title, (a, b) -> Rankings.compareCodePoints(b, a)).thenComparing(byId));
	}

	@Test
	void titlesSortByCodePointAsPostgresqlCollateC() {
		String fullwidthA = "\uFF21";
		String mathematicalBoldA = "\uD835\uDC00";

		assertThat(fullwidthA.compareTo(mathematicalBoldA)).as("UTF-16 order").isPositive();
		assertThat(Rankings.compareCodePoints(fullwidthA, mathematicalBoldA)).isNegative();
		assertThat(Rankings.compareCodePoints("Brat", "Brat 2")).isNegative();
		assertThat(Rankings.compareCodePoints("Zeit", "Ärger")).isNegative();
		assertThat(Rankings.compareCodePoints("기생충", "千尋")).isPositive();
	}

	private void assertOrder(SortBy sortBy, Comparator<Movie> order) {
		int[] expected = IntStream.range(0, catalog.size())
			.mapToObj(catalog::movie)
			.sorted(order)
			.mapToInt((movie) -> catalog.indexOf(movie.id()))
			.toArray();

		assertThat(rankings.ranked(DiscoverQuery.all(sortBy).includingAdult(true))).as(sortBy.value())
			.containsExactly(expected);
	}

}
