package org.tmdbfleet.simulator.catalog;

/**
 * A search's query and the rule a title matches it by (docs/catalog-api.md): the folded title
 * contains the folded query, or pg_trgm's {@code <%} holds between them.
 *
 * @param folded the query as {@link TitleFold} folds it
 * @param word its trigrams
 */
record TitleQuery(String folded, Trigrams.Word word) {

	static TitleQuery of(String query) {
		String folded = TitleFold.fold(query);
		return new TitleQuery(folded, Trigrams.Word.of(folded));
	}

	boolean matches(String title) {
		String folded = TitleFold.fold(title);
		return matches(folded, Trigrams.Text.of(folded));
	}

	/** Whether a title matches, given folded and cut into trigrams. */
	boolean matches(String foldedTitle, Trigrams.Text trigrams) {
		return foldedTitle.contains(folded) || Trigrams.similar(word, trigrams);
	}

}
