package org.tmdbfleet.simulator.catalog;

import java.util.Arrays;

/**
 * PostgreSQL pg_trgm's {@code word_similarity} (contrib/pg_trgm/trgm_op.c), reimplemented so the
 * simulator tolerates the typos catalog-api's {@code <%} tolerates. A word is a run of letters
 * and digits (Unicode-aware, as in a UTF-8 database); each, lowercased and padded with two spaces
 * before and one after, gives its trigrams of code points. The word similarity of a search word
 * and a text is the best {@code common / (word's + extent's - common)} distinct trigrams over the
 * extents of the text's trigram sequence that pg_trgm's greedy scan tries.
 * <p>
 * pg_trgm compares trigrams of multibyte characters by a 24-bit CRC of their bytes; here they
 * are compared as they are, which differs only where two such CRCs collide.
 */
final class Trigrams {

	/** pg_trgm.word_similarity_threshold's default: the bound of the {@code <%} operator. */
	static final float WORD_SIMILARITY_THRESHOLD = 0.6f;

	private static final int PAD = ' ';

	private Trigrams() {
	}

	/**
	 * A text's trigrams in order, repeats included, each as its place among the text's distinct
	 * trigrams: what word similarity needs of a text, computed once per text.
	 */
	record Text(int[] labels, long[] distinct) {

		static Text of(String text) {
			long[] trigrams = trigrams(text);
			long[] distinct = unique(trigrams);
			int[] labels = new int[trigrams.length];
			for (int i = 0; i < trigrams.length; i++) {
				labels[i] = Arrays.binarySearch(distinct, trigrams[i]);
			}
			return new Text(labels, distinct);
		}

	}

	/** A search word's distinct trigrams, sorted. */
	record Word(long[] distinct) {

		static Word of(String word) {
			return new Word(unique(trigrams(word)));
		}

	}

	/** pg_trgm's {@code word_similarity(word, text)}. */
	static float wordSimilarity(String word, String text) {
		return wordSimilarity(Word.of(word), Text.of(text));
	}

	static float wordSimilarity(Word word, Text text) {
		return iterate(text.labels(), found(word, text), word.distinct().length);
	}

	/** {@code word <% text}: word similarity at least the default threshold. */
	static boolean similar(Word word, Text text) {
		boolean[] found = found(word, text);
		int common = 0;
		for (boolean present : found) {
			common += present ? 1 : 0;
		}
		int wordTrigrams = word.distinct().length;
		// no extent can do better than all the common trigrams and nothing else: most texts stop here
		if (common == 0 || similarity(common, wordTrigrams, common) < WORD_SIMILARITY_THRESHOLD) {
			return false;
		}
		return iterate(text.labels(), found, wordTrigrams) >= WORD_SIMILARITY_THRESHOLD;
	}

	/** pg_trgm's generate_trgm_only: each word's trigrams in order, packed as three 21-bit code points. */
	static long[] trigrams(String text) {
		int[] codePoints = text.codePoints().toArray();
		long[] trigrams = new long[codePoints.length + 1];
		int count = 0;
		int start = 0;
		while (start < codePoints.length) {
			if (!isWordCharacter(codePoints[start])) {
				start++;
				continue;
			}
			int end = start;
			while (end < codePoints.length && isWordCharacter(codePoints[end])) {
				end++;
			}
			if (count + (end - start) + 1 > trigrams.length) {
				trigrams = Arrays.copyOf(trigrams, Math.max(trigrams.length * 2, count + end - start + 1));
			}
			int first = PAD;
			int second = PAD;
			for (int i = start; i < end; i++) {
				int third = Character.toLowerCase(codePoints[i]);
				trigrams[count++] = pack(first, second, third);
				first = second;
				second = third;
			}
			trigrams[count++] = pack(first, second, PAD);
			start = end;
		}
		return Arrays.copyOf(trigrams, count);
	}

	/** The trigrams sorted, each once. */
	private static long[] unique(long[] trigrams) {
		long[] sorted = trigrams.clone();
		Arrays.sort(sorted);
		int count = 0;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) {
				sorted[count++] = sorted[i];
			}
		}
		return Arrays.copyOf(sorted, count);
	}

	/**
	 * Letters (alphabetic, as glibc's iswalpha in a UTF-8 locale, which counts vowel signs as
	 * letters where {@link Character#isLetter} does not) and digits.
	 */
	private static boolean isWordCharacter(int codePoint) {
		return Character.isAlphabetic(codePoint) || Character.isDigit(codePoint);
	}

	private static long pack(int first, int second, int third) {
		return ((long) first << 42) | ((long) second << 21) | third;
	}

	private static boolean[] found(Word word, Text text) {
		boolean[] found = new boolean[text.distinct().length];
		for (int label = 0; label < found.length; label++) {
			found[label] = Arrays.binarySearch(word.distinct(), text.distinct()[label]) >= 0;
		}
		return found;
	}

	/** pg_trgm's CALCSML: in single precision, as PostgreSQL computes it. */
	private static float similarity(int common, int wordTrigrams, int extentTrigrams) {
		return (float) common / (float) (wordTrigrams + extentTrigrams - common);
	}

	/**
	 * pg_trgm's iterate_word_similarity, not strict: scans the text's trigrams; at each one the
	 * word has, the extent ends there and its start moves right while that raises the similarity.
	 *
	 * @param labels the text's trigrams, each as its distinct trigram's place
	 * @param found per distinct trigram of the text, whether the word has it
	 * @param wordTrigrams the word's distinct trigrams
	 */
	private static float iterate(int[] labels, boolean[] found, int wordTrigrams) {
		int[] lastPosition = new int[found.length];
		Arrays.fill(lastPosition, -1);
		int extentTrigrams = 0;
		int common = 0;
		int lower = -1;
		float best = 0f;
		for (int upper = 0; upper < labels.length; upper++) {
			int label = labels[upper];
			if (lower >= 0 || found[label]) {
				if (lastPosition[label] < 0) {
					extentTrigrams++;
					common += found[label] ? 1 : 0;
				}
				lastPosition[label] = upper;
			}
			if (!found[label]) {
				continue;
			}
			if (lower == -1) {
				lower = upper;
				extentTrigrams = 1;
			}
			float current = similarity(common, wordTrigrams, extentTrigrams);
			int previousLower = lower;
			int shorterCommon = common;
			int shorterTrigrams = extentTrigrams;
			for (int start = lower; start <= upper; start++) {
				float shorter = similarity(shorterCommon, wordTrigrams, shorterTrigrams);
				if (shorter > current) {
					current = shorter;
					extentTrigrams = shorterTrigrams;
					lower = start;
					common = shorterCommon;
				}
				int startLabel = labels[start];
				if (lastPosition[startLabel] == start) {
					shorterTrigrams--;
					shorterCommon -= found[startLabel] ? 1 : 0;
				}
			}
			best = Math.max(best, current);
			for (int start = previousLower; start < lower; start++) {
				int startLabel = labels[start];
				if (lastPosition[startLabel] == start) {
					lastPosition[startLabel] = -1;
				}
			}
		}
		return best;
	}

}
