package org.tmdbfleet.fetch.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

	private static RequestRateLimiter limiter(double budget, Duration jitterAllowance) {
		RateLimitProperties properties = new RateLimitProperties(budget, 0, jitterAllowance, 0.5, 0.1,
				Duration.ofSeconds(5));
		return new RequestRateLimiter(properties, new WholeShare(), new SimpleMeterRegistry());
	}

	/** An instance that owns every page partition. */
	private static final class WholeShare extends PartitionShare {

		@Override
		double fraction() {
			return 1.0;
		}

	}

}
