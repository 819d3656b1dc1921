package org.tmdbfleet.simulator.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingsTests {

	@Test
	void titlesSortByCodePointAsPostgresqlCollateC() {
		String fullwidthA = "\uFF21";
		String mathematicalBoldA = "\uD835\uDC00";

		assertThat(fullwidthA.compareTo(mathematicalBoldA)).as("UTF-16 order").isPositive();
		assertThat(Rankings.compareCodePoints(fullwidthA, mathematicalBoldA)).isNegative();
		assertThat(Rankings.compareCodePoints("Brat", "Brat 2")).isNegative();
		assertThat(Rankings.compareCodePoints("Zeit", "Ärger")).isNegative();
		assertThat(Rankings.compareCodePoints("기생충", "千尋")).isPositive();
	}

}
