package org.tmdbfleet.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Actuator shows health, info and metrics, and nothing that would describe the server's insides. */
class ActuatorExposureIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void healthHasProbeGroups() {
		assertThat(api().get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
		assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(api().get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void infoTellsTheBuildVersion() {
		assertThat(api().get("/actuator/info").json().at("/build/version").asString()).isNotBlank();
	}

	@Test
	void prometheusMetricsAreScrapable() {
		ApiClient.Response metrics = api().get("/actuator/prometheus");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes{").contains("application=\"api-gateway\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings",
			"shutdown", "metrics" })
	void nothingElseIsExposed(String endpoint) {
		assertProblem(api().get("/actuator/" + endpoint), 404);
		assertThat(api().get("/actuator").body()).doesNotContain("/actuator/" + endpoint + "\"");
	}

}
