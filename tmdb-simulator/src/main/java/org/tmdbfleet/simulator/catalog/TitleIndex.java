package org.tmdbfleet.simulator.catalog;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A day's titles and original titles for search. The generated catalog repeats its titles (about
 * 49,000 distinct ones among 1.2M movies), so each distinct title is folded and cut into trigrams
 * once, a search compares the query with each once, and a movie's match is then two lookups.
 */
final class TitleIndex {

	private final int day;

	/** Per catalog row, the number of its title among the distinct ones; -1 for a row not live that day. */
	private final int[] titles;

	private final int[] originalTitles;

	private final String[] folded;

	private final Trigrams.Text[] trigrams;

	private TitleIndex(int day, int[] titles, int[] originalTitles, String[] distinct) {
		this.day = day;
		this.titles = titles;
		this.originalTitles = originalTitles;
		this.folded = Arrays.stream(distinct).map(TitleFold::fold).toArray(String[]::new);
		this.trigrams = Arrays.stream(folded).map(Trigrams.Text::of).toArray(Trigrams.Text[]::new);
	}

	/** The titles of the catalog's day. */
	static TitleIndex of(Catalog catalog) {
		int day = catalog.day();
		Map<String, Integer> numbers = new HashMap<>();
		int[] titles = new int[catalog.rows()];
		int[] originalTitles = new int[catalog.rows()];
		Arrays.fill(titles, -1);
		for (int index = 0; index < catalog.rows(); index++) {
			if (catalog.liveOn(index, day)) {
				String title = catalog.title(index);
				String originalTitle = catalog.originalTitle(index, title);
				titles[index] = numbers.computeIfAbsent(title, (text) -> numbers.size());
				// most movies' original title is their title, the very string: no second lookup for them
				originalTitles[index] = (originalTitle == title) ? titles[index]
						: numbers.computeIfAbsent(originalTitle, (text) -> numbers.size());
			}
		}
		String[] distinct = new String[numbers.size()];
		numbers.forEach((title, number) -> distinct[number] = title);
		return new TitleIndex(day, titles, originalTitles, distinct);
	}

	int day() {
		return day;
	}

	int distinctTitles() {
		return folded.length;
	}

	/** The movies of {@code order} whose title or original title matches the query, in that order. */
	int[] filter(int[] order, TitleQuery query) {
		boolean[] matching = new boolean[folded.length];
		for (int number = 0; number < folded.length; number++) {
			matching[number] = query.matches(folded[number], trigrams[number]);
		}
		// the title columns are read in row order, and the order's random reads then go to a bit set
		// small enough to stay in the processor's cache, not to the columns, which would not
		BitSet matchingRows = new BitSet(titles.length);
		for (int index = 0; index < titles.length; index++) {
			int title = titles[index];
			if (title >= 0 && (matching[title] || matching[originalTitles[index]])) {
				matchingRows.set(index);
			}
		}
		return Arrays.stream(order).filter(matchingRows::get).toArray();
	}

}
