package org.tmdbfleet.simulator.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

/**
 * Finds the movies whose details carry an external id, as TMDB's {@code /3/find} does; adult
 * titles too, deleted movies not. An IMDb id derives from the TMDB id, so it is turned back into
 * one; a Wikidata id is drawn per movie, so the catalog's column of them is scanned (a few
 * milliseconds at 1.2M movies). Wikidata ids repeat between generated movies: each one carrying
 * the id is found, in id order.
 */
@Component
public class ExternalIdFinder {

	private static final int[] NONE = {};

	private static final Pattern IMDB_ID = Pattern.compile("tt(\\d{7,10})");

	private static final Pattern WIKIDATA_ID = Pattern.compile("Q(\\d{1,9})");

	private final Catalog catalog;

	ExternalIdFinder(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Catalog indices of the movies with this IMDb id, exactly as written ({@code tt} and at least 7 digits). */
	public int[] byImdbId(String imdbId) {
		Matcher matcher = IMDB_ID.matcher(imdbId);
		if (!matcher.matches()) {
			return NONE;
		}
		long number = Long.parseLong(matcher.group(1));
		long id = (number - 17) / 3;
		if (number < 17 || (number - 17) % 3 != 0 || id > Integer.MAX_VALUE) {
			return NONE;
		}
		int index = catalog.indexOf((int) id);
		// the formatted id must be the one given: tt00000020 is not tt0000020
		return (index >= 0 && imdbId.equals(catalog.imdbId(index))) ? new int[] { index } : NONE;
	}

	/** Catalog indices of the movies with this Wikidata id, exactly as written ({@code Q} and a number). */
	public int[] byWikidataId(String wikidataId) {
		Matcher matcher = WIKIDATA_ID.matcher(wikidataId);
		if (!matcher.matches()) {
			return NONE;
		}
		int number = Integer.parseInt(matcher.group(1));
		if (number == 0 || !wikidataId.equals("Q" + number)) {
			return NONE;
		}
		return IntStream.range(0, catalog.rows())
			.filter((index) -> catalog.wikidataNumbers[index] == number && catalog.live(index))
			.toArray();
	}

}
