package org.tmdbfleet.simulator.catalog;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from (seed, movie index, purpose), so any attribute of a
 * movie can be regenerated on its own without generating the rest of the catalog.
 */
final class Seeds {

	static final long COLUMNS = 1;

	static final long TITLE = 2;

	static final long OVERVIEW = 3;

	static final long IMAGES = 4;

	static final long DETAILS = 5;

	static final long CREDITS = 6;

	static final long CHANGES = 7;

	private Seeds() {
	}

	static SplittableRandom random(long seed, long index, long purpose) {
		return new SplittableRandom(hash(seed, index, purpose));
	}

	/** A well-mixed 64-bit hash (SplitMix64 finalizer), used directly where one draw suffices. */
	static long hash(long seed, long a, long b) {
		long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
