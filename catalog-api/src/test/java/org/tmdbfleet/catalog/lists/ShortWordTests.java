package org.tmdbfleet.catalog.lists;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which folded queries the trigram index cannot find, and are looked for by their characters. */
class ShortWordTests {

	@ParameterizedTest
	@CsvSource(nullValues = "none", value = { "千尋, 千尋", "東京, 東京", "愛, 愛", "「千尋」, 千尋", "기억, 기억", "千尋!, 千尋",
			"千と千尋, none", "千 尋, none", "up, none", "a, none", "ab, none", "дом, none", "ж, ж", "x愛, x愛" })
	void aQueryOfOneWordOfOneOrTwoCharactersSomeBeyondAsciiIsShort(String folded, String word) {
		assertThat(MoviePages.shortWord(folded)).isEqualTo(word);
	}

}
