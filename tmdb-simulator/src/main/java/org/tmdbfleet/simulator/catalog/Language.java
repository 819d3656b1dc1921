package org.tmdbfleet.simulator.catalog;

import java.util.List;
import java.util.SplittableRandom;

/** An original language of catalog movies, with the country its films usually come from. */
record Language(String code, String englishName, String nativeName, String country, String countryName,
		Script script, int permille) {

	enum Script {
		LATIN, JAPANESE, KOREAN, CYRILLIC
	}

	// the non-Latin scripts give each of ja, ko and ru ≥ 5% non-ASCII titles
	static final List<Language> ALL = List.of(
			new Language("en", "English", "English", "US", "United States of America", Script.LATIN, 560),
			new Language("fr", "French", "Français", "FR", "France", Script.LATIN, 60),
			new Language("es", "Spanish", "Español", "ES", "Spain", Script.LATIN, 60),
			new Language("de", "German", "Deutsch", "DE", "Germany", Script.LATIN, 40),
			new Language("it", "Italian", "Italiano", "IT", "Italy", Script.LATIN, 30),
			new Language("ja", "Japanese", "日本語", "JP", "Japan", Script.JAPANESE, 60),
			new Language("ko", "Korean", "한국어/조선말", "KR", "South Korea", Script.KOREAN, 50),
			new Language("ru", "Russian", "Pусский", "RU", "Russia", Script.CYRILLIC, 50),
			new Language("zh", "Mandarin", "普通话", "CN", "China", Script.LATIN, 30),
			new Language("hi", "Hindi", "हिन्दी", "IN", "India", Script.LATIN, 30),
			new Language("pt", "Portuguese", "Português", "BR", "Brazil", Script.LATIN, 20),
			new Language("sv", "Swedish", "svenska", "SE", "Sweden", Script.LATIN, 10));

	static byte draw(SplittableRandom random) {
		int roll = random.nextInt(1000);
		for (byte i = 0; i < ALL.size(); i++) {
			roll -= ALL.get(i).permille();
			if (roll < 0) {
				return i;
			}
		}
		return 0;
	}

	static int indexOf(String code) {
		for (int i = 0; i < ALL.size(); i++) {
			if (ALL.get(i).code().equals(code)) {
				return i;
			}
		}
		return -1;
	}

}
