package org.tmdbfleet.fetch.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The limiter's pacing, checked on a time the tests drive: seconds of pacing pass in no time, and
 * how busy the machine is changes nothing. Only the order of real callers runs on real time.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a limiter that waits on the wrong clock waits for days: fail instead
class RequestRateLimiterTests {

	@Test
	void anInstanceSendsTheWholeNumberOfRequestsBelowItsShare() {
		assertThat(RequestRateLimiter.requestsPerWindow(35)).as("alone").isEqualTo(34);
		assertThat(RequestRateLimiter.requestsPerWindow(35 / 2.0)).as("one of two").isEqualTo(17);
		assertThat(RequestRateLimiter.requestsPerWindow(35 / 3.0)).as("one of three").isEqualTo(11);
		assertThat(RequestRateLimiter.requestsPerWindow(0.5)).as("no partition, planning only").isEqualTo(1);
	}

	@Test
	void howeverThePartitionsAreSplitTheInstancesLeaveARequestOfTheBudgetFree() {
		for (int owned = 1; owned < 12; owned++) {
			int first = RequestRateLimiter.requestsPerWindow(35 * owned / 12.0);
			int second = RequestRateLimiter.requestsPerWindow(35 * (12 - owned) / 12.0);
			assertThat(first + second).as("%d and %d partitions", owned, 12 - owned).isLessThan(35);
		}
	}

	@Test
	void noWindowOfOneSecondPlusTheAllowanceHoldsMoreThanTheCapAndTheCapIsSpreadOverIt() {
		// 10/s: 9 requests in any 1.1 s, one every 122 ms
		ManualTicker ticker = new ManualTicker();
		RequestRateLimiter limiter = limiter(10, Duration.ofMillis(100), ticker);

		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			limiter.acquire();
			millis.add(ticker.millis());
		}

		for (int i = 1; i < millis.size(); i++) {
			assertThat(millis.get(i) - millis.get(i - 1)).as("spacing before request %d", i + 1)
				.isGreaterThanOrEqualTo(122);
		}
		for (int i = 9; i < millis.size(); i++) {
			assertThat(millis.get(i) - millis.get(i - 9)).as("request %d, a window after the one 9 before it", i + 1)
				.isGreaterThanOrEqualTo(1100);
		}
	}

	@Test
	void callersAreLetGoInTheOrderTheyAsked() {
		// Each caller is one page partition's listener. When they raced for every slot, some got a few
		// percent fewer requests than others over a long import, and their partitions, dealt as many
		// pages as the rest, drained last: the last 45 s of a 1.2M-movie import ran at a fraction of the budget.
		// 5/s: one request every 275 ms
		RequestRateLimiter limiter = limiter(5, Duration.ofMillis(100));
		limiter.acquire();
		ConcurrentLinkedQueue<Integer> letGo = new ConcurrentLinkedQueue<>();
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			int caller = i;
			Thread thread = Thread.ofPlatform().start(() -> {
				limiter.acquire();
				letGo.add(caller);
			});
			callers.add(thread);
			while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
				Thread.onSpinWait();
			}
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(letGo).containsExactly(0, 1, 2, 3, 4));
	}

	@Test
	void refusalsOfOneWindowCutTheRateOnceGentlyAndARefusalWhileItIsCutCutsItDeeper() {
		ManualTicker ticker = new ManualTicker();
		RequestRateLimiter limiter = limiter(35, Duration.ofMillis(15), ticker);
		assertThat(limiter.currentRate()).as("34 requests in any 1.015 s").isCloseTo(33.5, within(0.01));

		for (int inFlight = 0; inFlight < 12; inFlight++) {
			limiter.throttled();
		}
		assertThat(limiter.currentRate()).as("0.9 of 35: 31 requests in any 1.015 s").isCloseTo(30.54, within(0.01));

		ticker.advance(Duration.ofMillis(1100));
		limiter.throttled();
		assertThat(limiter.currentRate()).as("0.9 x 0.5 of 35: 15 requests in any 1.015 s")
			.isCloseTo(14.78, within(0.01));
	}

	@Test
	void aRefusalAfterTheRateHasRecoveredIsGentleAgain() {
		ManualTicker ticker = new ManualTicker();
		RequestRateLimiter limiter = limiter(35, Duration.ofMillis(15), Duration.ofMillis(100), ticker);
		limiter.throttled();
		assertThat(limiter.currentRate()).as("0.9 of 35").isCloseTo(30.54, within(0.01));

		ticker.advance(Duration.ofMillis(1100));
		limiter.throttled();
		assertThat(limiter.currentRate()).as("given back within 0.1 s, so 0.9 of 35 again").isCloseTo(30.54, within(0.01));
	}

	@Test
	void requestsLetGoBeforeAStallCountAsSentWhenItEndsSoTheNextOnesWait() {
		// 5/s: 4 requests in any 1.1 s, one every 275 ms
		ManualTicker stalledTime = new ManualTicker();
		ManualTicker steadyTime = new ManualTicker();
		RequestRateLimiter stalled = limiter(5, Duration.ofMillis(100), stalledTime);
		RequestRateLimiter steady = limiter(5, Duration.ofMillis(100), steadyTime);
		for (int i = 0; i < 4; i++) {
			stalled.acquire();
			steady.acquire();
		}
		stalledTime.advance(Duration.ofMillis(1));
		steadyTime.advance(Duration.ofMillis(1));

		stalled.wokeLate(stalledTime.nanoTime(), TimeUnit.SECONDS.toNanos(2));
		steady.wokeLate(steadyTime.nanoTime(), TimeUnit.MILLISECONDS.toNanos(90));

		assertThat(millisToAcquire(steady, steadyTime)).as("90 ms late is within the allowance: the first request's window ends")
			.isLessThan(600);
		assertThat(millisToAcquire(stalled, stalledTime)).as("after the stall, a whole window from its end")
			.isGreaterThanOrEqualTo(1100);
	}

	private static long millisToAcquire(RequestRateLimiter limiter, ManualTicker ticker) {
		long since = ticker.millis();
		limiter.acquire();
		return ticker.millis() - since;
	}

	private static RequestRateLimiter limiter(double budget, Duration jitterAllowance) {
		return limiter(budget, jitterAllowance, Duration.ofSeconds(5), Ticker.SYSTEM);
	}

	private static RequestRateLimiter limiter(double budget, Duration jitterAllowance, Ticker ticker) {
		return limiter(budget, jitterAllowance, Duration.ofSeconds(5), ticker);
	}

	private static RequestRateLimiter limiter(double budget, Duration jitterAllowance, Duration recoveryInterval,
			Ticker ticker) {
		RateLimitProperties properties = new RateLimitProperties(budget, 0, jitterAllowance, 0.9, 0.5, 0.1,
				recoveryInterval);
		return new RequestRateLimiter(properties, new WholeShare(), new SimpleMeterRegistry(), ticker);
	}

	/** Time that passes only when a test says so, or when the limiter waits on it: one caller at a time. */
	private static final class ManualTicker implements Ticker {

		private long now = TimeUnit.DAYS.toNanos(1);

		@Override
		public synchronized long nanoTime() {
			return now;
		}

		@Override
		public synchronized void parkNanos(long nanos) {
			now += nanos;
		}

		synchronized void advance(Duration duration) {
			now += duration.toNanos();
		}

		long millis() {
			return TimeUnit.NANOSECONDS.toMillis(nanoTime());
		}

	}

	/** An instance that owns every page partition. */
	private static final class WholeShare extends PartitionShare {

		@Override
		public double fraction() {
			return 1.0;
		}

	}

}
