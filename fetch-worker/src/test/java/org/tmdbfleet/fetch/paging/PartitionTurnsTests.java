package org.tmdbfleet.fetch.paging;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.fetch.ratelimit.PartitionShare;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionTurnsTests {

	private static final int PARTITIONS = 12;

	@Test
	void everyPartitionGetsAsManyCommands() {
		int[] counts = deal(new Owning(0, 6), 0, 1200);

		assertThat(counts).containsOnly(100);
	}

	@Test
	void thePlanningRequestsOfThisInstanceArePaidBackByItsOwnPartitions() {
		// this instance owns half the partitions and spent 300 requests planning: of 6,000
		// commands it gets 300 fewer, so both halves make 3,000 requests
		int[] counts = deal(new Owning(0, 6), 300, 6000);

		int mine = IntStream.range(0, 6).map(partition -> counts[partition]).sum();
		int theirs = IntStream.range(6, PARTITIONS).map(partition -> counts[partition]).sum();
		assertThat(mine + 300).isEqualTo(theirs);
		assertThat(IntStream.of(counts).max().getAsInt() - IntStream.of(counts).min().getAsInt())
			.as("within each half, as many").isLessThanOrEqualTo(2 * 300 / 6 + 1);
	}

	@Test
	void anInstanceThatOwnsEveryPartitionHasNoOneToPayBack() {
		int[] counts = deal(new Owning(0, PARTITIONS), 300, 1200);

		assertThat(counts).containsOnly(100);
	}

	private static int[] deal(PartitionShare share, int spent, int commands) {
		PartitionTurns turns = new PartitionTurns(5, PARTITIONS, share);
		IntStream.range(0, spent).forEach(request -> turns.spent());
		int[] counts = new int[PARTITIONS];
		IntStream.range(0, commands).forEach(command -> counts[turns.next()]++);
		return counts;
	}

	/** Owns partitions {@code from..to - 1} of {@value #PARTITIONS}. */
	private static final class Owning extends PartitionShare {

		private final int from;

		private final int to;

		Owning(int from, int to) {
			this.from = from;
			this.to = to;
		}

		@Override
		public boolean owns(int partition) {
			return partition >= from && partition < to;
		}

		@Override
		public double fraction() {
			return (to - from) / (double) PARTITIONS;
		}

	}

}
