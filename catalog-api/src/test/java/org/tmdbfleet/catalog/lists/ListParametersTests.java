package org.tmdbfleet.catalog.lists;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.catalog.web.TmdbApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListParametersTests {

	@Test
	void withGenresIsAndOfOrsWithBlankGroupsLeftOutAndIdenticalGroupsOnce() {
		assertThat(ListParameters.genreGroups("28,12|16")).isEqualTo(List.of(List.of(28), List.of(12, 16)));
		assertThat(ListParameters.genreGroups(" 28 , ,16|12,12|16|16,")).isEqualTo(List.of(List.of(28), List.of(12, 16)));
		assertThat(ListParameters.genreGroups("abc,28")).as("a group of no id matches nothing")
			.isEqualTo(List.of(List.of(), List.of(28)));
		assertThat(ListParameters.genreIds("18|35,abc,9999999999")).isEqualTo(List.of(18, 35));
	}

	@Test
	void aYearNoDateHasMatchesNothingAndAYearThatIsNoIntegerIsRefused() {
		assertThat(ListParameters.year("1985")).isEqualTo(new Range<>(LocalDate.of(1985, 1, 1), LocalDate.of(1985, 12, 31)));
		assertThat(ListParameters.year("+0001985")).isEqualTo(ListParameters.year("1985"));
		for (String nothing : List.of("0", "-1", "10000", "2147483648", "-99999999999999999999")) {
			Range<LocalDate> range = ListParameters.year(nothing);
			assertThat(range.from()).as(nothing).isAfter(range.to());
		}
		assertThatExceptionOfType(TmdbApiException.class).isThrownBy(() -> ListParameters.year("1985.0"));
	}

	@Test
	void datesAreYyyyMmDdAndYearZeroIsTheFirstDay() {
		assertThat(ListParameters.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(ListParameters.date("0000-06-01")).isEqualTo(ListParameters.FIRST_DAY);
		assertThat(ListParameters.date(" ")).isNull();
		for (String refused : List.of("2023-02-29", "2024-2-29", "20240229", "+2024-02-29", "2024-02-29T00:00")) {
			assertThatExceptionOfType(TmdbApiException.class).as(refused).isThrownBy(() -> ListParameters.date(refused));
		}
	}

	@Test
	void aWholeNumberBoundRoundsInwardAndSaturates() {
		assertThat(ListParameters.wholeNumbers("7.5", "7.5")).isEqualTo(new Range<>(8L, 7L));
		assertThat(ListParameters.wholeNumbers("-1e308", "1e999")).isEqualTo(new Range<>(Long.MIN_VALUE, Long.MAX_VALUE));
		assertThat(ListParameters.decimals(".5", "+7.")).isEqualTo(new Range<>(0.5, 7.0));
		for (String refused : List.of("NaN", "Infinity", "0x10", "5d", "1e1000", "1,5")) {
			assertThatExceptionOfType(TmdbApiException.class).as(refused)
				.isThrownBy(() -> ListParameters.decimals(refused, null));
		}
	}

	@Test
	void sortByKnowsTmdbsNamesAndReleaseDateAsPrimaryReleaseDate() {
		assertThat(SortBy.parse(null)).isEqualTo(SortBy.POPULARITY_DESC);
		assertThat(SortBy.parse("release_date.asc")).isEqualTo(SortBy.RELEASE_DATE_ASC);
		assertThat(SortBy.parse(" original_title.desc ")).isEqualTo(SortBy.ORIGINAL_TITLE_DESC);
		assertThatExceptionOfType(TmdbApiException.class).isThrownBy(() -> SortBy.parse("revenue.desc"));
	}

}
