package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The arithmetic and the targeting of the faults, exact where HTTP would only blur them. */
class FaultSettingsTests {

	@Test
	void latencyWithJitterIsUniformAroundTheMean() {
		FaultSettings settings = settings(Duration.ofMillis(150), Duration.ofMillis(50));

		List<Long> delays = draw(settings, 2000);

		assertThat(delays).allSatisfy((millis) -> assertThat(millis).isBetween(100L, 200L));
		assertThat(delays).contains(100L, 200L);
		assertThat(delays.stream().mapToLong(Long::longValue).average().orElseThrow()).isCloseTo(150,
				Offset.offset(5.0));
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

	@Test
	void eachRollFallsOnOneFaultAtMost() {
		FaultRates rates = new FaultRates(Map.of(503, 0.2, 500, 0.1), 0.1, Duration.ofSeconds(1), 0.1, 0.1, 0.1,
				0.1);

		assertThat(Stream.of(0.05, 0.15, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.99).map(rates::pick)).containsExactly(
				Optional.of(InjectedFault.INTERNAL_ERROR), Optional.of(InjectedFault.SERVICE_OFFLINE),
				Optional.of(InjectedFault.RESET), Optional.of(InjectedFault.MALFORMED), Optional.of(InjectedFault.SLOW),
				Optional.of(InjectedFault.BLANK), Optional.of(InjectedFault.FOREIGN_NOT_FOUND), Optional.empty(),
				Optional.empty());
	}

	@Test
	void aRateOfOneAlwaysHits() {
		FaultRates rates = new FaultRates(Map.of(), 0, Duration.ZERO, 1.0, 0, 0, 0);

		assertThat(rates.pick(Math.nextDown(1.0))).contains(InjectedFault.MALFORMED);
	}

	@Test
	void ratesOutOfRangeOrAddingUpToMoreThanOneAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaultRates(Map.of(418, 0.1), 0, Duration.ZERO, 0, 0, 0, 0))
			.withMessageContaining("not 418");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaultRates(Map.of(), Double.NaN, Duration.ZERO, 0, 0, 0, 0))
			.withMessageContaining("slowRate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaultRates(Map.of(), 0, Duration.ZERO, 0, 0, 0, -0.1))
			.withMessageContaining("foreignNotFoundRate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaultRates(Map.of(502, 0.5), 0, Duration.ZERO, 0, 0.6, 0, 0))
			.withMessageContaining("at most 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FaultRates(Map.of(), 0, Duration.ZERO, 0, 0, 0.5, 0.6))
			.withMessageContaining("at most 1");
	}

	@Test
	void targetingByPageHitsThatPageOfEveryListAndNothingElse() {
		FaultTarget target = new FaultTarget(Set.of(7), Set.of());

		assertThat(target.covers("/3/movie/popular", "7")).isTrue();
		assertThat(target.covers("/3/discover/movie", "7")).isTrue();
		assertThat(target.covers("/3/movie/popular", "6")).isFalse();
		assertThat(target.covers("/3/movie/popular", "x")).isFalse();
		assertThat(target.covers("/3/movie/7", null)).isFalse();
	}

	@Test
	void targetingByMovieHitsOnlyThatMoviesDetails() {
		FaultTarget target = new FaultTarget(Set.of(), Set.of(550));

		assertThat(target.covers("/3/movie/550", null)).isTrue();
		assertThat(target.covers("/3/movie/551", null)).isFalse();
		assertThat(target.covers("/3/movie/550/credits", null)).isFalse();
		assertThat(target.covers("/3/movie/popular", "550")).isFalse();
	}

	@Test
	void aMoviesOwnFaultHitsItsDetailsEveryTimeWhateverTheRatesAndNothingElse() {
		FaultSettings settings = new FaultSettings(Duration.ZERO, Duration.ZERO, 0, 0, true, FaultRates.NONE,
				FaultTarget.EVERY_REQUEST, MovieFaults.ofKeys(Map.of(550, "blank", 551, "foreign_not_found")));
		SplittableRandom random = new SplittableRandom(7);

		assertThat(settings.drawFault("/3/movie/550", null, random)).contains(InjectedFault.BLANK);
		assertThat(settings.drawFault("/3/movie/551", null, random)).contains(InjectedFault.FOREIGN_NOT_FOUND);
		assertThat(settings.drawFault("/3/movie/552", null, random)).isEmpty();
		assertThat(settings.drawFault("/3/movie/550/credits", null, random)).isEmpty();
		assertThat(settings.drawFault("/3/movie/popular", "550", random)).isEmpty();
	}

	@Test
	void movieFaultsNameEveryFaultByItsStatsKeyAndRefuseOthers() {
		assertThat(MovieFaults.ofKeys(Map.of(1, "503", 2, "reset", 3, "slow")).byMovie()).containsExactly(
				Map.entry(1, InjectedFault.SERVICE_OFFLINE), Map.entry(2, InjectedFault.RESET),
				Map.entry(3, InjectedFault.SLOW));
		assertThatIllegalArgumentException().isThrownBy(() -> MovieFaults.ofKeys(Map.of(550, "gone")))
			.withMessageContaining("not gone")
			.withMessageContaining("foreign_not_found");
		assertThatIllegalArgumentException().isThrownBy(() -> MovieFaults.ofKeys(Map.of(0, "blank")))
			.withMessageContaining("movieFaults");
	}

	@Test
	void withoutTargetsEveryRequestMayBreak() {
		assertThat(FaultTarget.EVERY_REQUEST.covers("/3/genre/movie/list", null)).isTrue();
		assertThat(FaultTarget.EVERY_REQUEST.covers("/3/movie/popular", "7")).isTrue();
	}

	private static FaultSettings settings(Duration latency, Duration jitter) {
		return new FaultSettings(latency, jitter, 0, 0, true, FaultRates.NONE, FaultTarget.EVERY_REQUEST,
				MovieFaults.NONE);
	}

	private static List<Long> draw(FaultSettings settings, int times) {
		SplittableRandom random = new SplittableRandom(7);
		return Stream.generate(() -> settings.drawLatency(random).toMillis()).limit(times).toList();
	}

}
