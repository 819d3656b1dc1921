package org.tmdbfleet.simulator.catalog;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each expected value is what PostgreSQL 18's pg_trgm answered in a C.UTF-8 database. */
class TrigramsTests {

	@ParameterizedTest(name = "word_similarity(''{0}'', ''{1}'') = {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			rivr                     | the silent river                    | 0.6
			river                    | The Silent River                    | 1
			silnt rivr               | The Silent River                    | 0.5
			the silent river         | The Silent River                    | 1
			wnter                    | Winter Harbor                       | 0.5
			wintr harbr              | Winter Harbor                       | 0.53333336
			harbor winter            | Winter Harbor                       | 1
			kingdon                  | Kingdom of the Lost Garden          | 0.75
			midnght                  | Midnight Station                    | 0.54545456
			protocl                  | Protocol of the Frozen Mirror       | 0.75
			elektric                 | Electric Storm                      | 0.5
			storm                    | Electric Storm                      | 1
			st                       | Electric Storm                      | 0.6666667
			s                        | Storm                               | 0.5
			x                        | Storm                               | 0
			ab                       | abc                                 | 0.6666667
			abc                      | ab                                  | 0.5
			word                     | w                                   | 0.2
			a                        | a b c                               | 1
			part ii                  | Storm: Part II                      | 1
			2                        | Storm 2                             | 1
			road heart               | Heart of the Silent Road            | 0.54545456
			heart of the             | Heart of the Silent Road            | 1
			orchrd of the secrt city | Orchard of the Secret City          | 0.6666667
			москва                   | Москва слезам не верит              | 1
			моксва                   | Москва слезам не верит              | 0.2857143
			слезам не верт           | Москва слезам не верит              | 0.8666667
			темные                   | Тёмные аллеи                        | 0.42857143
			тихии дон                | Тихий Дон                           | 0.6666667
			千と千尋                  | 千と千尋の神隠し                       | 0.8
			神隠し                    | 千と千尋の神隠し                       | 0.5
			千尋の神                  | 千と千尋の神隠し                       | 0.4
			東京                      | 東京の花火                            | 0.6666667
			花火                      | 東京と夏の花火                         | 0.33333334
			기생                      | 기생충                                | 0.6666667
			서울의 밤                  | 서울의 밤                             | 1
			바다                      | 밤, 바다                              | 1
			부산행                    | 부산행의 꿈                            | 0.75
			卧虎藏龙                  | 卧虎藏龙                              | 1
			amelie                   | Le Fabuleux Destin d'Amélie Poulain | 0.4
			amélie                   | Le Fabuleux Destin d'Amélie Poulain | 1
			pokemon                  | Pokémon: The First Movie            | 0.45454547
			strasse                  | Straße der Sehnsucht                | 0.5
			ζορμπας                  | Αλέξης Ζορμπάς                      | 0.625
			हिन्दी                    | हिन्दी फ़िल्म                           | 1
			""")
	void wordSimilarityIsPostgresqls(String word, String text, float expected) {
		assertThat(Trigrams.wordSimilarity(word, text)).isEqualTo(expected);
	}

	@Test
	void eachWordIsLowercasedAndPaddedWithTwoSpacesBeforeAndOneAfter() {
		// show_trgm('Storm: Part II'), which lists them sorted and distinct
		assertThat(distinct("Storm: Part II")).containsExactly("  i", "  p", "  s", " ii", " pa", " st", "art", "ii ",
				"orm", "par", "rm ", "rt ", "sto", "tor");
		assertThat(distinct("a-b")).containsExactly("  a", "  b", " a ", " b ");
	}

	@Test
	void similarIsWordSimilarityAtLeastSixTenths() {
		assertThat(similar("rivr", "the silent river")).as("0.6").isTrue();
		assertThat(similar("silnt rivr", "The Silent River")).as("0.5").isFalse();
		assertThat(similar("abc", "")).isFalse();
		assertThat(similar("", "abc")).isFalse();
	}

	private static boolean similar(String word, String text) {
		return Trigrams.similar(Trigrams.Word.of(word), Trigrams.Text.of(text));
	}

	private static List<String> distinct(String text) {
		return Arrays.stream(Trigrams.trigrams(text)).distinct().sorted().mapToObj(TrigramsTests::unpack).toList();
	}

	private static String unpack(long trigram) {
		int mask = (1 << 21) - 1;
		return new StringBuilder().appendCodePoint((int) (trigram >>> 42))
			.appendCodePoint((int) (trigram >>> 21) & mask)
			.appendCodePoint((int) trigram & mask)
			.toString();
	}

}
