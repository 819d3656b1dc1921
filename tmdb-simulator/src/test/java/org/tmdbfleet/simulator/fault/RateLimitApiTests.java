package org.tmdbfleet.simulator.fault;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitApiTests extends SimulatorApiTestSupport {

	@BeforeEach
	void prepare() {
		client.delete("/admin/stats");
	}

	@AfterEach
	void restoreConfiguredFaults() {
		client.delete("/admin/faults");
	}

	@Test
	void aboveTheRateLimitTmdbsTooManyRequestsAnswerComesBackWithRetryAfter() {
		client.put("/admin/faults", "{\"rateLimit\": 5}");

		List<Response> burst = burst(12);

		List<Response> refused = burst.stream().filter(response -> response.status() == 429).toList();
		assertThat(burst.stream().filter(response -> response.status() == 200)).hasSizeLessThanOrEqualTo(5);
		assertThat(refused).isNotEmpty().allSatisfy(response -> {
			assertThat(response.statusCode()).isEqualTo(25);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		});
		assertThat(client.getWith("/admin/stats").json().get("rateLimited").asLong()).isEqualTo(refused.size());
	}

	@Test
	void retryAfterCanBeLeftOutAsTmdbSometimesDoes() {
		client.put("/admin/faults", "{\"rateLimit\": 2, \"retryAfter\": false}");

		List<Response> refused = burst(8).stream().filter(response -> response.status() == 429).toList();

		assertThat(refused).isNotEmpty()
			.allSatisfy(response -> assertThat(response.headers().firstValue("Retry-After")).isEmpty());
	}

	@Test
	void statsReportTheBusiestSecondAndStartAfreshOnDelete() {
		burst(7);

		assertThat(client.getWith("/admin/stats").json().get("requests").asLong()).isEqualTo(7);
		assertThat(client.getWith("/admin/stats").json().get("maxRequestsPerSecond").asLong()).isBetween(1L, 7L);
		assertThat(client.getWith("/admin/stats").json().get("rateLimited").asLong()).isZero();
		client.delete("/admin/stats");
		assertThat(client.getWith("/admin/stats").json().get("requests").asLong()).isZero();
	}

	private List<Response> burst(int requests) {
		List<Response> responses = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			responses.add(client.get("/3/genre/movie/list"));
		}
		return responses;
	}

}
