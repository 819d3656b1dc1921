package org.tmdbfleet.fetch.paging;

import java.util.concurrent.atomic.AtomicInteger;

import org.tmdbfleet.fetch.ratelimit.PartitionShare;

/**
 * Which {@code tmdb.pages} partition an import's next page command goes to: each the partition
 * after the previous one's, so every partition gets as many (±1). The requests this instance
 * spends planning the import ({@link #spent()}) are paid back: as many turns that fall on this
 * instance's own partitions are passed over, so every instance has as many requests to make for
 * the import and they all finish together (otherwise the planner's instance, behind by its
 * planning requests, runs alone at the end). Passing over one of its turns takes one
 * command from this instance whatever its share, which is exactly one request paid back.
 */
final class PartitionTurns {

	private final int first;

	private final int partitions;

	private final PartitionShare share;

	private final AtomicInteger owed = new AtomicInteger();

	private int turn;

	PartitionTurns(int first, int partitions, PartitionShare share) {
		this.first = first;
		this.partitions = partitions;
		this.share = share;
	}

	/** This instance made a TMDB request for the import that is not one of the pages dealt. */
	void spent() {
		owed.incrementAndGet();
	}

	int next() {
		int partition = following();
		// an instance that owns every partition has no one to pay back
		while (share.fraction() < 1.0 && share.owns(partition) && owed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			partition = following();
		}
		return partition;
	}

	private int following() {
		return Math.floorMod(first + turn++, partitions);
	}

}
