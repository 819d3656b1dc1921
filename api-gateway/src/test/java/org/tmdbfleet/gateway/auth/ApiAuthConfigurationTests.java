package org.tmdbfleet.gateway.auth;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Without a token the API is open, loudly; the prod profile refuses that. */
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

}
