package org.tmdbfleet.simulator.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tmdbfleet.simulator.SimulatorApiTestSupport;
import org.tmdbfleet.simulator.SimulatorClient;
import org.tmdbfleet.simulator.SimulatorClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsApiTests extends SimulatorApiTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/3/movie/popular", "/3/movie/popular?api_key=wrong-key", "/3/movie/popular?api_key=",
			"/3/no/such/path" })
	void requestWithoutAValidApiKeyIsRejectedLikeTmdb(String path) {
		assertInvalidApiKey(client.getWith(path));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer wrong-token", "Bearer simulator-key", "simulator-token", "Basic c2ltdWxhdG9y" })
	void requestWithoutAValidReadTokenIsRejectedLikeTmdb(String authorization) {
		assertInvalidApiKey(client.getWith("/3/movie/popular", "Authorization", authorization));
	}

	@Test
	void readTokenAsBearerIsAccepted() {
		Response response = client.getWith("/3/movie/popular", "Authorization", "Bearer " + SimulatorClient.READ_TOKEN);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("results")).hasSize(20);
	}

	@Test
	void apiKeyAsQueryParameterIsAccepted() {
		assertThat(client.get("/3/genre/movie/list").status()).isEqualTo(200);
	}

	@Test
	void adminAndHealthNeedNoCredentials() {
		assertThat(client.getWith("/admin/faults").status()).isEqualTo(200);
		assertThat(client.getWith("/actuator/health").json().get("status").asString()).isEqualTo("UP");
	}

	private static void assertInvalidApiKey(Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(
				"{\"success\":false,\"status_code\":7,\"status_message\":\"Invalid API key: You must be granted a valid key.\"}");
	}

}
