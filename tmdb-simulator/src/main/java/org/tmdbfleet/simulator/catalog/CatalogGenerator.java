package org.tmdbfleet.simulator.catalog;

import java.time.LocalDate;
import java.util.SplittableRandom;

import org.tmdbfleet.simulator.catalog.DetailsGenerator.Figures;

/**
 * Fills the catalog columns. Each movie draws from its own stream seeded by (seed, index), so its
 * data depends on nothing else; only the id spacing depends on the catalog size.
 */
final class CatalogGenerator {

	/** Genre bit positions in {@link Genre#ALL}, repeated by how common the genre is on TMDB. */
	private static final int[] WEIGHTED_GENRES = { 6, 6, 6, 6, 6, 3, 3, 3, 3, 16, 16, 16, 0, 0, 0, 13, 13, 10, 10, 4,
			4, 5, 5, 1, 2, 7, 8, 9, 11, 12, 14, 15, 17, 18 };

	private static final int CLASSICS_FROM = (int) LocalDate.of(1930, 1, 1).toEpochDay();

	private static final int MODERN_FROM = (int) LocalDate.of(1990, 1, 1).toEpochDay();

	private CatalogGenerator() {
	}

	/**
	 * Day 0's {@code size} movies, then the rows of the movies added on each later day (up to
	 * {@value Catalog#MAX_DAYS} days), released around the day they are added.
	 */
	static Catalog generate(int size, long seed, LocalDate today) {
		int perDay = Catalog.addedPerDay(size);
		int rows = size + perDay * Catalog.MAX_DAYS;
		Catalog catalog = new Catalog(seed, today, size, rows);
		// ids rise with the index and spread over TMDB's range 2..~1.5M (the movies added later
		// beyond it); the jitter stays below the stride, so they are unique and sorted
		double stride = Math.max(1.0, 1_500_000.0 / size);
		int jitter = (int) stride;
		for (int i = 0; i < rows; i++) {
			SplittableRandom random = Seeds.random(seed, i, Seeds.COLUMNS);
			int born = (i < size) ? 0 : 1 + (i - size) / perDay;
			catalog.ids[i] = 2 + (int) (i * stride) + random.nextInt(jitter);
			catalog.popularity[i] = Math.round((0.6 + StrictMath.exp(1.2 + 1.5 * gaussian(random))) * 1000) / 1000.0;
			int votes = (random.nextInt(100) < 6) ? 0 : (int) StrictMath.exp(random.nextDouble() * 9.5);
			catalog.voteCounts[i] = votes;
			catalog.voteTenths[i] = (short) ((votes == 0) ? 0
					: Math.clamp(Math.round(63 + 12 * gaussian(random)), 10, 100));
			catalog.releaseDays[i] = releaseDay(random, (int) today.toEpochDay() + born);
			catalog.genreMasks[i] = genreMask(random);
			catalog.languages[i] = Language.draw(random);
			catalog.flags[i] = flags(random);
			Figures figures = Figures.draw(Seeds.random(seed, i, Seeds.DETAILS));
			catalog.runtimes[i] = (figures.runtime() != null) ? figures.runtime().shortValue() : Catalog.NO_RUNTIME;
			catalog.wikidataNumbers[i] = figures.wikidataNumber();
		}
		return catalog;
	}

	/**
	 * 4% have no date; the rest are spread 1930..today+1y with the bulk in 1990..last year and about
	 * 17% in the year around today, so now_playing and upcoming have several pages even at 50k.
	 */
	private static int releaseDay(SplittableRandom random, int today) {
		if (random.nextInt(100) < 4) {
			return Catalog.NO_DATE;
		}
		int recentFrom = today - 330;
		int roll = random.nextInt(100);
		if (roll < 13) {
			return between(random, CLASSICS_FROM, MODERN_FROM - 1);
		}
		if (roll < 83) {
			return between(random, MODERN_FROM, Math.max(MODERN_FROM, recentFrom - 1));
		}
		return between(random, recentFrom, today + 365);
	}

	/**
	 * An approximately normal draw (Irwin-Hall, within ±3.5σ) from plain arithmetic: unlike
	 * nextGaussian() and Math.exp it gives the same bits on every JVM and CPU, which keeps the
	 * catalog identical everywhere.
	 */
	private static double gaussian(SplittableRandom random) {
		double sum = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble();
		return (sum - 2) * 1.7320508075688772;
	}

	private static int between(SplittableRandom random, int from, int to) {
		return (to <= from) ? from : from + random.nextInt(to - from + 1);
	}

	private static int genreMask(SplittableRandom random) {
		int count = 1 + random.nextInt(3);
		int mask = 0;
		for (int i = 0; i < count; i++) {
			mask |= 1 << WEIGHTED_GENRES[random.nextInt(WEIGHTED_GENRES.length)];
		}
		return mask;
	}

	private static byte flags(SplittableRandom random) {
		int flags = 0;
		flags |= (random.nextInt(1000) < 50) ? Catalog.POSTER_NULL : 0;
		flags |= (random.nextInt(1000) < 90) ? Catalog.BACKDROP_NULL : 0;
		flags |= (random.nextInt(1000) < 60) ? Catalog.IMDB_NULL : 0;
		flags |= (random.nextInt(1000) < 40) ? Catalog.LONG_OVERVIEW : 0;
		flags |= (random.nextInt(1000) < 20) ? Catalog.ADULT : 0;
		flags |= (random.nextInt(1000) < 50) ? Catalog.ORIGIN_COUNTRY : 0;
		flags |= (random.nextInt(1000) < 40) ? Catalog.FLEET_EXTRA : 0;
		return (byte) flags;
	}

}
