package org.tmdbfleet.launcher;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTests {

	@Test
	void aClusterIdIsNeverReadAsAnOption() {
		// an id starting with '-' comes once in 64; ten thousand draw it for sure
		assertThat(IntStream.range(0, 10_000).mapToObj(i -> KafkaBroker.clusterId()))
			.allSatisfy(id -> assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+"));
	}

}
