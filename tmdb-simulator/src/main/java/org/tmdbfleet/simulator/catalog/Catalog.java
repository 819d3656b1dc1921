package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The seeded movie catalog, stored as primitive columns (about 30 bytes per movie) sorted by
 * TMDB id. Text and details are regenerated per request from (seed, index) instead of stored.
 */
public final class Catalog {

	static final int NO_DATE = Integer.MIN_VALUE;

	static final int POSTER_NULL = 1;

	static final int BACKDROP_NULL = 1 << 1;

	static final int IMDB_NULL = 1 << 2;

	static final int LONG_OVERVIEW = 1 << 3;

	static final int ADULT = 1 << 4;

	static final int ORIGIN_COUNTRY = 1 << 5;

	static final int FLEET_EXTRA = 1 << 6;

	private final long seed;

	private final LocalDate today;

	final int[] ids;

	final double[] popularity;

	final short[] voteTenths;

	final int[] voteCounts;

	final int[] releaseDays;

	final int[] genreMasks;

	final byte[] languages;

	final byte[] flags;

	Catalog(long seed, LocalDate today, int size) {
		this.seed = seed;
		this.today = today;
		this.ids = new int[size];
		this.popularity = new double[size];
		this.voteTenths = new short[size];
		this.voteCounts = new int[size];
		this.releaseDays = new int[size];
		this.genreMasks = new int[size];
		this.languages = new byte[size];
		this.flags = new byte[size];
	}

	/** Generates the catalog of {@code size} movies for {@code seed}; equal arguments give equal catalogs. */
	public static Catalog generate(int size, long seed, LocalDate today) {
		return CatalogGenerator.generate(size, seed, today);
	}

	long seed() {
		return seed;
	}

	public int size() {
		return ids.length;
	}

	public LocalDate today() {
		return today;
	}

	public int id(int index) {
		return ids[index];
	}

	/** The index of the movie with this TMDB id, or -1. */
	public int indexOf(int id) {
		int index = Arrays.binarySearch(ids, id);
		return (index >= 0) ? index : -1;
	}

	public boolean adult(int index) {
		return has(index, ADULT);
	}

	public Movie movie(int index) {
		Language language = language(index);
		String title = title(index);
		int day = releaseDays[index];
		return new Movie(ids[index], title, MovieTexts.originalTitle(seed, index, language, title), language.code(),
				MovieTexts.overview(seed, index, has(index, LONG_OVERVIEW)),
				(day == NO_DATE) ? null : LocalDate.ofEpochDay(day), popularity[index], voteTenths[index],
				voteCounts[index], adult(index), Genre.of(genreMasks[index]).stream().map(Genre::id).toList(),
				has(index, POSTER_NULL) ? null : MovieTexts.imagePath(seed, index, 1),
				has(index, BACKDROP_NULL) ? null : MovieTexts.imagePath(seed, index, 2),
				has(index, ORIGIN_COUNTRY) ? List.of(language.country()) : null,
				has(index, FLEET_EXTRA) ? new Movie.FleetExtra("tmdb-simulator", index) : null);
	}

	public MovieDetails details(int index) {
		return DetailsGenerator.generate(seed, index, movie(index), language(index), has(index, IMDB_NULL), today);
	}

	String title(int index) {
		return MovieTexts.title(seed, index, language(index));
	}

	Language language(int index) {
		return Language.ALL.get(languages[index]);
	}

	private boolean has(int index, int flag) {
		return (flags[index] & flag) != 0;
	}

}
