package org.tmdbfleet.simulator.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each expected fold is PostgreSQL 18's {@code lower(unaccent(s))} in a C.UTF-8 database. */
class TitleFoldTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			Le Fabuleux Destin d'Amélie Poulain | le fabuleux destin d'amelie poulain
			Crème Brûlée                        | creme brulee
			Łódź                                | lodz
			Øresund                             | oresund
			Straße                              | strasse
			Æon Flux                            | aeon flux
			ﬁlm                                 | film
			İstanbul                            | istanbul
			Тёмные аллеи                        | темные аллеи
			ЁЛКИ                                | елки
			Тихий Дон                           | тихий дон
			Ζορμπάς ΣΟΦΊΑ                       | ζορμπας σοφια
			ΐ                                   | ι
			Ⅻ Monkeys                           | xii monkeys
			“Quoted”                            | "quoted"
			がっこうのかいだん                     | がっこうのかいだん
			千と千尋の神隠し                       | 千と千尋の神隠し
			기생충                                | 기생충
			""")
	void foldsAsPostgresqlLowerUnaccent(String text, String folded) {
		assertThat(TitleFold.fold(text)).isEqualTo(folded);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "e\u0301, e", "\u304B\u3099, \u304B\u3099", "\u304C, \u304C", "½ Moon, ' 1/2 moon'" })
	void dropsCombiningAccentsOnlyWhereUnaccentDoes(String text, String folded) {
		assertThat(TitleFold.fold(text)).isEqualTo(folded);
	}

}
