package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The seeded movie catalog, stored as primitive columns (about 46 bytes per movie) sorted by
 * TMDB id. Text and details are regenerated per request from (seed, index) instead of stored,
 * but for the runtime and the Wikidata id, which discover and find look through.
 * <p>
 * It evolves with its clock, as TMDB's does: {@link #advance(int) each day that passes} some
 * movies change (title, overview, popularity, votes), some are deleted (their ids answer 404
 * afterwards) and new ones are added, with ids above every earlier one. The catalog as generated
 * is day 0, its date the configured "today"; the movies added later are generated with it (rows
 * not yet born), so everything stays a function of (size, seed, days advanced).
 */
public final class Catalog {

	static final int NO_DATE = Integer.MIN_VALUE;

	static final short NO_RUNTIME = -1;

	static final int POSTER_NULL = 1;

	static final int BACKDROP_NULL = 1 << 1;

	static final int IMDB_NULL = 1 << 2;

	static final int LONG_OVERVIEW = 1 << 3;

	static final int ADULT = 1 << 4;

	static final int ORIGIN_COUNTRY = 1 << 5;

	static final int FLEET_EXTRA = 1 << 6;

	/** The most days the clock can advance: the rows of the movies added later are made up front. */
	public static final int MAX_DAYS = 120;

	/** Movies deleted per 100,000 a day. */
	private static final int DELETED_PER_100K = 50;

	/** Movies changed per 1,000 a day. */
	static final int CHANGED_PER_1000 = 10;

	private final long seed;

	private final LocalDate genesis;

	/** Movies on day 0; rows after them are the movies added later, {@link #addedPerDay} a day. */
	private final int initialSize;

	private final int addedPerDay;

	final int[] ids;

	final double[] popularity;

	final short[] voteTenths;

	final int[] voteCounts;

	final int[] releaseDays;

	final int[] genreMasks;

	final byte[] languages;

	final byte[] flags;

	/** Minutes, {@link #NO_RUNTIME} where the details have none: the details' own draw, kept. */
	final short[] runtimes;

	/** The number of the details' Wikidata id ({@code Q} + number), 0 where they have none. */
	final int[] wikidataNumbers;

	/** The day a movie was deleted, {@link Integer#MAX_VALUE} while it is not. */
	private final int[] goneDay;

	/** The last day a movie changed, 0 if it never did: its title and overview derive from it. */
	private final int[] revisedDay;

	/** Per day that passed (index 0: the day after day 0's date began), the rows it touched, ascending. */
	private final List<int[]> touched = new CopyOnWriteArrayList<>();

	/** Days advanced since generation; written last, so a reader that reads it sees the day's rows. */
	private volatile int day;

	private volatile LocalTime time = LocalTime.NOON;

	/**
	 * @param initialSize movies on day 0
	 * @param size rows: day 0's movies and the ones added later
	 */
	Catalog(long seed, LocalDate genesis, int initialSize, int size) {
		this.seed = seed;
		this.genesis = genesis;
		this.initialSize = initialSize;
		this.addedPerDay = addedPerDay(initialSize);
		this.goneDay = new int[size];
		Arrays.fill(goneDay, Integer.MAX_VALUE);
		this.revisedDay = new int[size];
		this.ids = new int[size];
		this.popularity = new double[size];
		this.voteTenths = new short[size];
		this.voteCounts = new int[size];
		this.releaseDays = new int[size];
		this.genreMasks = new int[size];
		this.languages = new byte[size];
		this.flags = new byte[size];
		this.runtimes = new short[size];
		this.wikidataNumbers = new int[size];
	}

	/** Generates the catalog of {@code size} movies for {@code seed}; equal arguments give equal catalogs. */
	public static Catalog generate(int size, long seed, LocalDate today) {
		return CatalogGenerator.generate(size, seed, today);
	}

	/** Movies added a day: about one in 2,000 (TMDB adds some 600 a day to its 1.2M). */
	static int addedPerDay(int initialSize) {
		return Math.max(1, initialSize / 2000);
	}

	long seed() {
		return seed;
	}

	/** Movies the catalog was generated with (day 0): rows {@code 0 .. size() - 1}. */
	public int size() {
		return initialSize;
	}

	/** Rows: day 0's movies, then the ones added later (also those not added yet); indices run below this. */
	public int rows() {
		return ids.length;
	}

	/** The catalog's date: the configured "today" plus the days advanced. */
	public LocalDate today() {
		return genesis.plusDays(day);
	}

	/** The date the catalog was generated for (day 0). */
	public LocalDate genesis() {
		return genesis;
	}

	/** The time of day on the catalog's clock (UTC). */
	public LocalTime time() {
		return time;
	}

	public void setTime(LocalTime time) {
		this.time = time;
	}

	/** Days advanced since generation. */
	public int day() {
		return day;
	}

	public int id(int index) {
		return ids[index];
	}

	/** Whether the movie is in the catalog now: added by today, not deleted. */
	public boolean live(int index) {
		return liveOn(index, day);
	}

	/** Whether the movie was in the catalog on day {@code d} (0: the date it was generated for). */
	public boolean liveOn(int index, int d) {
		return bornDay(index) <= d && goneDay[index] > d;
	}

	/** The index of the movie with this TMDB id if it is in the catalog now, or -1. */
	public int indexOf(int id) {
		int index = Arrays.binarySearch(ids, id);
		return (index >= 0 && live(index)) ? index : -1;
	}

	private int bornDay(int index) {
		return (index < initialSize) ? 0 : 1 + (index - initialSize) / addedPerDay;
	}

	/**
	 * Rows that changed, were added or were deleted while the date {@code date} passed (that is,
	 * while the clock went from {@code date} to the next day), ascending; empty for a date before
	 * the catalog's or one that has not passed.
	 */
	public int[] touchedOn(LocalDate date) {
		long passed = ChronoUnit.DAYS.between(genesis, date);
		return (passed < 0 || passed >= touched.size()) ? new int[0] : touched.get((int) passed);
	}

	/**
	 * Lets {@code days} pass: each, some movies change, some are deleted and new ones are added.
	 * Deterministic: the same catalog advanced the same days is the same catalog.
	 * @throws IllegalArgumentException beyond {@value #MAX_DAYS} days from generation
	 */
	public synchronized void advance(int days) {
		if (days < 0 || day + days > MAX_DAYS) {
			throw new IllegalArgumentException(
					"the clock moves forward, at most " + MAX_DAYS + " days from " + genesis + ": " + days);
		}
		for (int i = 0; i < days; i++) {
			int next = day + 1;
			touched.add(pass(next));
			day = next;
		}
	}

	/** The changes that make day {@code next}; the rows touched, ascending. */
	private int[] pass(int next) {
		int[] touchedRows = new int[Math.max(16, rows() / 50)];
		int count = 0;
		for (int index = 0; index < rows(); index++) {
			int born = bornDay(index);
			boolean touchedToday = false;
			if (born == next) {
				touchedToday = true;
			}
			else if (born < next && goneDay[index] == Integer.MAX_VALUE) {
				long draw = Seeds.hash(seed, ids[index], next);
				if (Math.floorMod(draw, 100_000) < DELETED_PER_100K) {
					goneDay[index] = next;
					touchedToday = true;
				}
				else if (Math.floorMod(draw >>> 17, 1000) < CHANGED_PER_1000) {
					revise(index, next);
					touchedToday = true;
				}
			}
			if (touchedToday) {
				if (count == touchedRows.length) {
					touchedRows = Arrays.copyOf(touchedRows, count * 2);
				}
				touchedRows[count++] = index;
			}
		}
		return Arrays.copyOf(touchedRows, count);
	}

	/** A movie's change of the day: a new title and overview, its popularity and votes moved. */
	private void revise(int index, int next) {
		SplittableRandom random = Seeds.random(seed, (long) ids[index] * (MAX_DAYS + 1) + next, Seeds.CHANGES);
		revisedDay[index] = next;
		popularity[index] = Math.max(0.6, Math.round(popularity[index] * (0.7 + 0.6 * random.nextDouble()) * 1000)
				/ 1000.0);
		int votes = voteCounts[index] + random.nextInt(1 + voteCounts[index] / 50);
		voteCounts[index] = votes;
		if (votes > 0) {
			voteTenths[index] = (short) Math.clamp(Math.max(voteTenths[index], 10) + random.nextInt(3) - 1, 10, 100);
		}
	}

	/** The seed of a movie's texts: the catalog's, moved by the day of its last change. */
	private long textSeed(int index) {
		int revised = revisedDay[index];
		return (revised == 0) ? seed : Seeds.hash(seed, revised, Seeds.CHANGES);
	}

	public boolean adult(int index) {
		return has(index, ADULT);
	}

	/** The movie's original title, without generating the rest of it (the exports list only that). */
	public String originalTitle(int index) {
		return originalTitle(index, title(index));
	}

	/** The original title of a movie whose title is known already. */
	String originalTitle(int index, String title) {
		return MovieTexts.originalTitle(textSeed(index), index, language(index), title);
	}

	/** The movie's IMDb id as its details show it, {@code null} for the movies TMDB has none for. */
	String imdbId(int index) {
		return has(index, IMDB_NULL) ? null : DetailsGenerator.imdbId(ids[index]);
	}

	public double popularity(int index) {
		return popularity[index];
	}

	public Movie movie(int index) {
		Language language = language(index);
		String title = title(index);
		int released = releaseDays[index];
		return new Movie(ids[index], title, MovieTexts.originalTitle(textSeed(index), index, language, title),
				language.code(),
				MovieTexts.overview(textSeed(index), index, has(index, LONG_OVERVIEW)),
				(released == NO_DATE) ? null : LocalDate.ofEpochDay(released), popularity[index], voteTenths[index],
				voteCounts[index], adult(index), Genre.of(genreMasks[index]).stream().map(Genre::id).toList(),
				has(index, POSTER_NULL) ? null : MovieTexts.imagePath(seed, index, 1),
				has(index, BACKDROP_NULL) ? null : MovieTexts.imagePath(seed, index, 2),
				has(index, ORIGIN_COUNTRY) ? List.of(language.country()) : null,
				has(index, FLEET_EXTRA) ? new Movie.FleetExtra("tmdb-simulator", index) : null);
	}

	public MovieDetails details(int index) {
		return DetailsGenerator.generate(seed, index, movie(index), language(index), has(index, IMDB_NULL), today());
	}

	String title(int index) {
		return MovieTexts.title(textSeed(index), index, language(index));
	}

	Language language(int index) {
		return Language.ALL.get(languages[index]);
	}

	private boolean has(int index, int flag) {
		return (flags[index] & flag) != 0;
	}

}
