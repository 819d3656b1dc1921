package org.tmdbfleet.gateway.imports;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With API tokens set, the warm-up walks the path an authorised client takes: its POST passes the
 * token check and is answered by validation, as it is on an open API, and the token it used shows
 * nowhere. Own context: the metrics read here are the warm-up's alone.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "fleet.api.tokens=" + ImportPathWarmUpIntegrationTests.TOKEN,
		"logging.level.org.tmdbfleet=DEBUG" })
class ImportPathWarmUpIntegrationTests extends GatewayIntegrationTestSupport {

	static final String TOKEN = "warm-up-test-token-91c2e7";

	private static final Pattern POSTS = Pattern
		.compile("(?m)^http_server_requests_seconds_count\\{([^}]*method=\"POST\"[^}]*)} (\\S+)$");

	@Test
	void withTokensSetTheWarmUpsPostReachesValidationAndNoneIsRefused(CapturedOutput output) {
		List<String> posts = postsSinceStartup();

		assertThat(posts).as("POST requests the gateway answered before this test sent any")
			.anyMatch(tags -> tags.contains("status=\"400\"") && tags.contains("uri=\"/api/imports\""))
			.noneMatch(tags -> tags.contains("status=\"401\""));
		assertThat(output.getAll()).contains("Import path warmed up").doesNotContain(TOKEN);
	}

	/** The tags of every POST counted in {@code http.server.requests}, each with its count. */
	private List<String> postsSinceStartup() {
		Matcher posts = POSTS.matcher(api().get("/actuator/prometheus").body());
		return posts.results().map(post -> post.group(1) + " " + post.group(2)).toList();
	}

}
