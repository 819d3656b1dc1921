package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CatalogTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	@Test
	void sameSizeAndSeedGiveTheSameCatalog() {
		Catalog first = Catalog.generate(3_000, 42, TODAY);
		Catalog second = Catalog.generate(3_000, 42, TODAY);

		for (int i = 0; i < first.size(); i++) {
			assertThat(second.movie(i)).isEqualTo(first.movie(i));
			assertThat(second.details(i)).isEqualTo(first.details(i));
		}
	}

	@Test
	void anotherSeedGivesAnotherCatalog() {
		assertThat(Catalog.generate(100, 7, TODAY).movie(10)).isNotEqualTo(Catalog.generate(100, 42, TODAY).movie(10));
	}

	@Test
	void idsAreUniqueAndSpreadOverTmdbsRange() {
		Catalog catalog = Catalog.generate(50_000, 42, TODAY);

		assertThat(IntStream.range(1, catalog.size()).allMatch((i) -> catalog.id(i) > catalog.id(i - 1))).isTrue();
		assertThat(catalog.id(0)).isBetween(2, 100);
		assertThat(catalog.id(catalog.size() - 1)).isGreaterThan(1_400_000);
		assertThat(catalog.indexOf(catalog.id(1234))).isEqualTo(1234);
		assertThat(catalog.indexOf(1)).isEqualTo(-1);
	}

	@Test
	void eachQuirkAffectsAtLeastThreePercentOfMovies() {
		Catalog catalog = Catalog.generate(20_000, 42, TODAY);
		List<MovieDetails> movies = IntStream.range(0, catalog.size()).mapToObj(catalog::details).toList();

		assertShare(movies, (d) -> d.movie().releaseDate() == null);
		assertShare(movies, (d) -> d.movie().posterPath() == null);
		assertShare(movies, (d) -> d.movie().backdropPath() == null);
		assertShare(movies, (d) -> d.imdbId() == null);
		assertShare(movies, (d) -> d.movie().overview().length() > 1000);
		assertShare(movies, (d) -> d.movie().voteTenths() % 10 == 0);
		assertShare(movies, (d) -> d.movie().fleetExtra() != null);
		assertShare(movies, (d) -> d.movie().originCountry() != null);
		assertShare(movies, (d) -> d.runtime() == null || d.runtime() == 0);
		for (String language : List.of("ja", "ko", "ru")) {
			assertShare(movies, (d) -> d.movie().originalLanguage().equals(language)
					&& !d.movie().title().chars().allMatch((c) -> c < 128));
		}
	}

	@Test
	void theRuntimeAndWikidataColumnsHoldWhatTheDetailsSay() {
		Catalog catalog = Catalog.generate(5_000, 42, TODAY);

		for (int i = 0; i < catalog.rows(); i++) {
			MovieDetails details = catalog.details(i);
			assertThat(catalog.runtimes[i]).isEqualTo((details.runtime() != null) ? details.runtime().shortValue()
					: Catalog.NO_RUNTIME);
			assertThat(catalog.wikidataNumbers[i] == 0 ? null : "Q" + catalog.wikidataNumbers[i])
				.isEqualTo(details.externalIds().wikidataId());
		}
	}

	@Test
	void releaseDatesSpreadFrom1930ToAYearAfterTodayWithTheBulkSince1990() {
		Catalog catalog = Catalog.generate(20_000, 42, TODAY);
		List<LocalDate> dates = IntStream.range(0, catalog.size()).mapToObj((i) -> catalog.movie(i).releaseDate())
			.filter((date) -> date != null).toList();

		assertThat(dates).allMatch((date) -> date.getYear() >= 1930 && !date.isAfter(TODAY.plusYears(1)));
		double modern = dates.stream().filter((date) -> date.getYear() >= 1990 && date.getYear() <= 2025).count();
		assertThat(modern / dates.size()).isGreaterThan(0.65);
	}

	@Test
	void fiftyThousandMoviesGenerateWellUnderASecond() {
		Catalog.generate(50_000, 1, TODAY);
		long start = System.nanoTime();

		Catalog catalog = Catalog.generate(50_000, 42, TODAY);

		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
		assertThat(catalog.size()).isEqualTo(50_000);
	}

	@Test
	void aMillionMoviesStillGenerateRankAndFilter() {
		Catalog catalog = Catalog.generate(1_000_000, 42, TODAY);
		Rankings rankings = new Rankings(catalog);

		int[] popular = rankings.ranked(DiscoverQuery.all(SortBy.POPULARITY_DESC));
		int[] in2001 = rankings.ranked(DiscoverQuery.all(SortBy.POPULARITY_DESC)
			.releasedBetween(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31)));

		assertThat(popular).as("every movie but the adult titles (2 %%)")
			.hasSize((int) IntStream.range(0, catalog.size()).filter(index -> !catalog.adult(index)).count())
			.hasSizeGreaterThan(970_000);
		assertThat(catalog.movie(popular[0]).popularity()).isGreaterThanOrEqualTo(catalog.movie(popular[1]).popularity());
		assertThat(in2001.length / 1_000_000.0).isCloseTo(0.96 * 0.7 / 35, within(0.005));
		assertThat(catalog.id(catalog.size() - 1)).isGreaterThan(1_400_000);
	}

	private static void assertShare(List<MovieDetails> movies, Predicate<MovieDetails> quirk) {
		assertThat(movies.stream().filter(quirk).count()).isGreaterThanOrEqualTo(movies.size() * 3 / 100);
	}

}
