package org.tmdbfleet.simulator.catalog;

import java.util.SplittableRandom;

import static org.tmdbfleet.simulator.catalog.Words.pick;

/**
 * Generates a movie's text on demand from (seed, index): keeping a million overviews in memory
 * would cost hundreds of megabytes, regenerating twenty of them costs microseconds.
 */
final class MovieTexts {

	private static final String PATH_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private MovieTexts() {
	}

	static String title(long seed, int index, Language language) {
		SplittableRandom random = Seeds.random(seed, index, Seeds.TITLE);
		return switch (language.script()) {
			case LATIN -> latinTitle(random);
			case JAPANESE -> japaneseTitle(random);
			case KOREAN -> koreanTitle(random);
			case CYRILLIC -> russianTitle(random);
		};
	}

	/** Like TMDB: Chinese originals keep their own script while the English title is translated. */
	static String originalTitle(long seed, int index, Language language, String title) {
		if (!language.code().equals("zh")) {
			return title;
		}
		SplittableRandom random = Seeds.random(seed, index, Seeds.TITLE + 100);
		return pick(random, Words.CHINESE) + (random.nextBoolean() ? pick(random, Words.CHINESE) : "");
	}

	static String overview(long seed, int index, boolean longOverview) {
		SplittableRandom random = Seeds.random(seed, index, Seeds.OVERVIEW);
		if (!longOverview && random.nextInt(100) < 3) {
			return "";
		}
		StringBuilder overview = new StringBuilder(sentence(random));
		int minimum = longOverview ? 1001 + random.nextInt(600) : random.nextInt(250);
		while (overview.length() < minimum) {
			overview.append(' ').append(sentence(random));
		}
		return overview.toString();
	}

	/** An image path shaped like TMDB's, e.g. {@code /qJ2tW6WMUDux911r6m7haRef0WH.jpg}. */
	static String imagePath(long seed, int index, long kind) {
		return imagePath(Seeds.random(seed, index, Seeds.IMAGES * 10 + kind));
	}

	static String imagePath(SplittableRandom random) {
		StringBuilder path = new StringBuilder(32).append('/');
		for (int i = 0; i < 27; i++) {
			path.append(PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
		}
		return path.append(".jpg").toString();
	}

	private static String latinTitle(SplittableRandom random) {
		String title = switch (random.nextInt(5)) {
			case 0 -> "The " + pick(random, Words.ADJECTIVES) + " " + pick(random, Words.NOUNS);
			case 1 -> pick(random, Words.ADJECTIVES) + " " + pick(random, Words.NOUNS);
			case 2 -> pick(random, Words.NOUNS) + " of the " + pick(random, Words.ADJECTIVES) + " "
					+ pick(random, Words.NOUNS);
			case 3 -> "The " + pick(random, Words.NOUNS);
			default -> pick(random, Words.NOUNS) + " " + pick(random, Words.NOUNS);
		};
		return switch (random.nextInt(25)) {
			case 0 -> title + " 2";
			case 1 -> title + ": Part II";
			default -> title;
		};
	}

	private static String japaneseTitle(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> "千と千尋の神隠し";
			case 1 -> pick(random, Words.JAPANESE);
			case 2 -> pick(random, Words.JAPANESE) + "と" + pick(random, Words.JAPANESE) + "の"
					+ pick(random, Words.JAPANESE);
			default -> pick(random, Words.JAPANESE) + "の" + pick(random, Words.JAPANESE);
		};
	}

	private static String koreanTitle(SplittableRandom random) {
		return switch (random.nextInt(3)) {
			case 0 -> pick(random, Words.KOREAN);
			case 1 -> pick(random, Words.KOREAN) + "의 " + pick(random, Words.KOREAN);
			default -> pick(random, Words.KOREAN) + ", " + pick(random, Words.KOREAN);
		};
	}

	private static String russianTitle(SplittableRandom random) {
		String end = pick(random, Words.RUSSIAN_ENDS);
		return pick(random, Words.RUSSIAN_STARTS) + (end.isEmpty() ? "" : " " + end);
	}

	private static String sentence(SplittableRandom random) {
		return pick(random, Words.SUBJECTS) + " " + pick(random, Words.VERBS) + " " + pick(random, Words.OBJECTS) + " "
				+ pick(random, Words.CLAUSES);
	}

}
