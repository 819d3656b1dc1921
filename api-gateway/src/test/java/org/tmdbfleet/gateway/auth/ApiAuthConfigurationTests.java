package org.tmdbfleet.gateway.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Without a token the API is open, loudly; the prod profile refuses that. The gateway's own calls
 * carry a token only where one is needed.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiAuthConfigurationTests {

	private final ApiAuthConfiguration configuration = new ApiAuthConfiguration();

	@Test
	void withoutATokenTheApiIsOpenAndSaysSo(CapturedOutput output) {
		var registration = configuration.bearerTokenFilter(new ApiTokenProperties(List.of(" ")), new MockEnvironment(),
				null);

		assertThat(registration.isEnabled()).isFalse();
		assertThat(output).contains("WARN").contains("API is open: no token configured");
	}

	@Test
	void withATokenTheFilterGuardsTheApi() {
		var registration = configuration.bearerTokenFilter(new ApiTokenProperties(List.of("t0ken")),
				new MockEnvironment(), null);

		assertThat(registration.isEnabled()).isTrue();
		assertThat(registration.getUrlPatterns()).containsExactly("/api/*");
	}

	@Test
	void theProdProfileRefusesAnOpenApi() {
		MockEnvironment prod = new MockEnvironment();
		prod.setActiveProfiles("prod");

		assertThatIllegalStateException()
			.isThrownBy(() -> configuration.bearerTokenFilter(new ApiTokenProperties(List.of()), prod, null))
			.withMessageContaining("fleet.api.tokens")
			.withMessageContaining("FLEET_API_TOKENS");
	}

	@Test
	void theTokensNeverShowWhenTheSettingsArePrinted() {
		assertThat(new ApiTokenProperties(List.of("t0ken-one", "t0ken-two"))).hasToString(
				"ApiTokenProperties[tokens=<2 set>]");
	}

	@Test
	void theGatewaysOwnCallsCarryTheFirstTokenWhichNeverShowsWhenPrinted() {
		OwnApiCalls calls = configuration.ownApiCalls(new ApiTokenProperties(List.of("t0ken-one", "t0ken-two")));

		HttpRequest request = calls.authorized(HttpRequest.newBuilder(URI.create("http://localhost/api/imports"))).build();

		assertThat(request.headers().allValues("Authorization")).containsExactly("Bearer t0ken-one");
		assertThat(calls).hasToString("OwnApiCalls[with a token]");
		assertThat(request.toString()).doesNotContain("t0ken");
	}

	@Test
	void onAnOpenApiTheGatewaysOwnCallsCarryNoToken() {
		OwnApiCalls calls = configuration.ownApiCalls(new ApiTokenProperties(List.of()));

		HttpRequest request = calls.authorized(HttpRequest.newBuilder(URI.create("http://localhost/api/imports"))).build();

		assertThat(request.headers().map()).isEmpty();
	}

}
