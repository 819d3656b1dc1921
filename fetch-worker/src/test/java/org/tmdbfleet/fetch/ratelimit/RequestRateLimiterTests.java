package org.tmdbfleet.fetch.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
	void noWindowOfOneSecondPlusTheAllowanceHoldsMoreThanTheCapAndTheCapIsSpreadOverIt() throws Exception {
		// 10/s: 9 requests in any 1.1 s, one every 122 ms
		RequestRateLimiter limiter = limiter(10, Duration.ofMillis(100));
		ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
		CountDownLatch tenSent = new CountDownLatch(10);
		long started = System.nanoTime();
		try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < 4; i++) {
				callers.execute(() -> {
					while (tenSent.getCount() > 0) {
						limiter.acquire();
						sent.add(System.nanoTime() - started);
						tenSent.countDown();
					}
				});
			}
			assertThat(tenSent.await(10, TimeUnit.SECONDS)).isTrue();
			callers.shutdownNow();
		}

		List<Long> millis = sent.stream().sorted().map(TimeUnit.NANOSECONDS::toMillis).toList();
		assertThat(millis.get(8)).as("the ninth request, not at once with the first").isGreaterThanOrEqualTo(480);
		assertThat(millis.get(9)).as("the tenth request, after the window of the first").isGreaterThanOrEqualTo(1100);
	}

	@Test
	void callersAreLetGoInTheOrderTheyAsked() throws Exception {
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
		for (Thread caller : callers) {
			caller.join(Duration.ofSeconds(5));
		}

		assertThat(letGo).containsExactly(0, 1, 2, 3, 4);
	}

	@Test
	void refusalsOfOneWindowCutTheRateOnceGentlyAndARefusalWhileItIsCutCutsItDeeper() throws InterruptedException {
		RequestRateLimiter limiter = limiter(35, Duration.ofMillis(15));
		assertThat(limiter.currentRate()).as("34 requests in any 1.015 s").isCloseTo(33.5, within(0.01));

		for (int inFlight = 0; inFlight < 12; inFlight++) {
			limiter.throttled();
		}
		assertThat(limiter.currentRate()).as("0.9 of 35: 31 requests in any 1.015 s").isCloseTo(30.54, within(0.01));

		Thread.sleep(1100);
		limiter.throttled();
		assertThat(limiter.currentRate()).as("0.9 x 0.5 of 35: 15 requests in any 1.015 s")
			.isCloseTo(14.78, within(0.01));
	}

	@Test
	void aRefusalAfterTheRateHasRecoveredIsGentleAgain() throws InterruptedException {
		RequestRateLimiter limiter = limiter(35, Duration.ofMillis(15), Duration.ofMillis(100));
		limiter.throttled();
		assertThat(limiter.currentRate()).as("0.9 of 35").isCloseTo(30.54, within(0.01));

		Thread.sleep(1100);
		limiter.throttled();
		assertThat(limiter.currentRate()).as("given back within 0.1 s, so 0.9 of 35 again").isCloseTo(30.54, within(0.01));
	}

	@Test
	void requestsLetGoBeforeAStallCountAsSentWhenItEndsSoTheNextOnesWait() {
		// 5/s: 4 requests in any 1.1 s, one every 275 ms
		RequestRateLimiter stalled = limiter(5, Duration.ofMillis(100));
		RequestRateLimiter steady = limiter(5, Duration.ofMillis(100));
		for (int i = 0; i < 4; i++) {
			stalled.acquire();
			steady.acquire();
		}

		long now = System.nanoTime();
		stalled.wokeLate(now, TimeUnit.SECONDS.toNanos(2));
		steady.wokeLate(now, TimeUnit.MILLISECONDS.toNanos(90));

		assertThat(millisToAcquire(steady, now)).as("90 ms late is within the allowance: the first request's window ends")
			.isLessThan(600);
		assertThat(millisToAcquire(stalled, now)).as("after the stall, a whole window from its end")
			.isGreaterThanOrEqualTo(1100);
	}

	private static long millisToAcquire(RequestRateLimiter limiter, long since) {
		limiter.acquire();
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
	}

	private static RequestRateLimiter limiter(double budget, Duration jitterAllowance) {
		return limiter(budget, jitterAllowance, Duration.ofSeconds(5));
	}

	private static RequestRateLimiter limiter(double budget, Duration jitterAllowance, Duration recoveryInterval) {
		RateLimitProperties properties = new RateLimitProperties(budget, 0, jitterAllowance, 0.9, 0.5, 0.1,
				recoveryInterval);
		return new RequestRateLimiter(properties, new WholeShare(), new SimpleMeterRegistry());
	}

	/** An instance that owns every page partition. */
	private static final class WholeShare extends PartitionShare {

		@Override
		public double fraction() {
			return 1.0;
		}

	}

}
