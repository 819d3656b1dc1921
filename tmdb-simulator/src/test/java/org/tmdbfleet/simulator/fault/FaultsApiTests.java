package org.tmdbfleet.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsApiTests extends SimulatorApiTestSupport {

	@AfterEach
	void restoreConfiguredFaults() {
		client.delete("/admin/faults");
	}

	@Test
	void latencySetAtRuntimeDelaysApiResponses() {
		Response changed = client.put("/admin/faults", "{\"latencyMs\": 400}");

		Response delayed = client.get("/3/genre/movie/list");

		assertThat(changed.json().get("latencyMs").asLong()).isEqualTo(400);
		assertThat(delayed.status()).isEqualTo(200);
		assertThat(delayed.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(client.getWith("/admin/faults").json().get("latencyMs").asLong()).isEqualTo(400);
	}

	@Test
	void latencyAlsoDelaysRejectedRequestsButNotTheAdminApi() {
		client.put("/admin/faults", "{\"latencyMs\": 300}");

		assertThat(client.getWith("/3/movie/popular").elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(client.getWith("/admin/faults").elapsed()).isLessThan(Duration.ofMillis(300));
	}

	@Test
	void latencyJitterSpreadsTheDelaysAroundTheMean() {
		client.put("/admin/faults", "{\"latencyMs\": 150, \"latencyJitterMs\": 100}");

		List<Duration> delays = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			delays.add(client.get("/3/genre/movie/list").elapsed());
		}

		assertThat(delays).allSatisfy((delay) -> assertThat(delay).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
		assertThat(Collections.max(delays).minus(Collections.min(delays))).isGreaterThan(Duration.ofMillis(30));
	}

	@Test
	void partialChangeKeepsTheOtherSettingsAndResetRestoresTheConfiguredOnes() {
		client.put("/admin/faults", "{\"shiftEvery\": 5}");
		client.put("/admin/faults", "{\"latencyMs\": 10}");

		Response changed = client.getWith("/admin/faults");
		Response reset = client.delete("/admin/faults");

		assertThat(changed.json().get("shiftEvery").asInt()).isEqualTo(5);
		assertThat(changed.json().get("latencyMs").asLong()).isEqualTo(10);
		assertThat(reset.json().get("shiftEvery").asInt()).isZero();
		assertThat(reset.json().get("latencyMs").asLong()).isZero();
		assertThat(reset.json().get("drift").asLong()).isZero();
	}

	@Test
	void negativeLatencyIsRejected() {
		Response response = client.put("/admin/faults", "{\"latencyMs\": -1}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("success").asBoolean()).isFalse();
	}

}
