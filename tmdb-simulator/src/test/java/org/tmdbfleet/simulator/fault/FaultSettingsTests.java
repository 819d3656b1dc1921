package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The arithmetic of the faults, with a seeded random, where HTTP would only blur it. */
class FaultSettingsTests {

	@Test
	void latencyWithJitterIsUniformAroundTheMean() {
		FaultSettings settings = settings(Duration.ofMillis(150), Duration.ofMillis(50));

		List<Long> delays = draw(settings, 2000);

		assertThat(delays).allSatisfy((millis) -> assertThat(millis).isBetween(100L, 200L));
		assertThat(delays).contains(100L, 200L);
		assertThat(delays.stream().mapToLong(Long::longValue).average().orElseThrow()).isCloseTo(150, Offset.offset(5.0));
	}

	@Test
	void jitterLargerThanTheMeanNeverGivesANegativeDelay() {
		List<Long> delays = draw(settings(Duration.ofMillis(20), Duration.ofMillis(50)), 2000);

		assertThat(delays).allSatisfy((millis) -> assertThat(millis).isBetween(0L, 70L)).contains(0L);
	}

	@Test
	void negativeOrAbsurdDelaysAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ZERO, Duration.ofMillis(-1)))
			.withMessageContaining("latencyJitterMs");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(Duration.ofDays(2), Duration.ZERO))
			.withMessageContaining("latencyMs");
	}

	private static FaultSettings settings(Duration latency, Duration jitter) {
		return new FaultSettings(latency, jitter, 0, 0, true);
	}

	private static List<Long> draw(FaultSettings settings, int times) {
		SplittableRandom random = new SplittableRandom(7);
		return Stream.generate(() -> settings.drawLatency(random).toMillis()).limit(times).toList();
	}

}
