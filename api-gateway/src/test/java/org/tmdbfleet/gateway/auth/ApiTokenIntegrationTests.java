package org.tmdbfleet.gateway.auth;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayApplication;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With tokens configured, requests that change data need one of them; reading stays open.
 * Neither the tokens nor other secrets in the environment ever show in a response or a log
 * line, even at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
		"fleet.api.tokens=" + ApiTokenIntegrationTests.TOKEN + ",rotated-" + ApiTokenIntegrationTests.TOKEN,
		"tmdb.api-key=" + ApiTokenIntegrationTests.TMDB_KEY, "logging.level.org.tmdbfleet=DEBUG",
		"logging.level.org.springframework.web=DEBUG" })
class ApiTokenIntegrationTests extends GatewayIntegrationTestSupport {

	static final String TOKEN = "s3cr3t-fleet-token-4f6a9c";

	static final String TMDB_KEY = "tmdb-fake-key-7d1e0b52";

	private static final String IMPORT = "{\"source\":\"popular\",\"maxPages\":1}";

	private final List<Response> responses = new ArrayList<>();

	@Value("${spring.datasource.url}")
	String databaseUrl;

	@Test
	void onlyAValidTokenStartsAnImport(CapturedOutput output) {
		Response missing = keep(api().postJson("/api/imports", IMPORT));
		Response wrong = keep(api().postJson("/api/imports", IMPORT, "Authorization", "Bearer " + TOKEN + "x"));
		Response basic = keep(api().postJson("/api/imports", IMPORT, "Authorization", "Basic " + TOKEN));
		Response right = keep(api().postJson("/api/imports", IMPORT, "Authorization", "Bearer " + TOKEN));
		Response rotated = keep(api().postJson("/api/imports", IMPORT, "Authorization", "bearer rotated-" + TOKEN));

		assertProblem(missing, 401);
		assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tmdb-fleet\"");
		assertProblem(wrong, 401);
		assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tmdb-fleet\", error=\"invalid_token\"");
		assertProblem(basic, 401);
		assertThat(right.status()).isEqualTo(202);
		assertThat(rotated.status()).isEqualTo(202);
		assertNoSecrets(output);
	}

	@Test
	void everyMethodThatChangesDataNeedsTheToken(CapturedOutput output) {
		for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "PROPFIND")) {
			assertProblem(keep(api().send(method, "/api/movies/603", BodyPublishers.noBody())), 401);
		}
		String schedule = "{\"name\":\"nightly\",\"cron\":\"0 3 * * *\",\"import\":{\"source\":\"changes\"}}";
		assertProblem(keep(api().postJson("/api/schedules", schedule)), 401);
		Response created = keep(api().postJson("/api/schedules", schedule, "Authorization", "Bearer " + TOKEN));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		for (String action : List.of("/pause", "/resume")) {
			assertProblem(keep(api().postJson("/api/schedules/" + id + action, "")), 401);
		}
		assertProblem(keep(api().send("DELETE", "/api/schedules/" + id, BodyPublishers.noBody())), 401);
		assertThat(keep(api().get("/api/schedules/" + id)).status()).as("reading stays open").isEqualTo(200);
		// past the token, the request meets the API's own answer
		assertProblem(keep(api().send("DELETE", "/api/imports", BodyPublishers.noBody(), "Authorization",
				"Bearer " + TOKEN)), 405);
		assertNoSecrets(output);
	}

	@Test
	void readingStaysOpen(CapturedOutput output) {
		for (String path : List.of("/api/imports", "/api/movies", "/actuator/health", "/actuator/info",
				"/v3/api-docs")) {
			assertThat(keep(api().get(path)).status()).as(path).isEqualTo(200);
		}
		assertNoSecrets(output);
	}

	@Test
	void theProdProfileRefusesToStartWithoutAToken() {
		assertThatThrownBy(() -> GatewayApplication.application()
			.run("--spring.profiles.active=prod", "--fleet.api.tokens=", "--server.port=0",
					"--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
					"--spring.datasource.password=postgres",
					"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString()))
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage(ApiAuthConfiguration.NO_TOKEN_IN_PROD);
	}

	private Response keep(Response response) {
		responses.add(response);
		return response;
	}

	private void assertNoSecrets(CapturedOutput output) {
		assertThat(output.getAll()).as("the log says something").contains("/api/");
		for (String secret : List.of(TOKEN, TMDB_KEY)) {
			assertThat(output.getAll()).doesNotContain(secret);
			for (Response response : responses) {
				assertThat(response.body()).doesNotContain(secret);
				assertThat(response.headers().map().toString()).doesNotContain(secret);
			}
		}
	}

}
