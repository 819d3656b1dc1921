package org.tmdbfleet.gateway.console;

import org.junit.jupiter.api.Test;
import org.tmdbfleet.gateway.ApiClient.Response;
import org.tmdbfleet.gateway.GatewayIntegrationTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files as a browser gets them: the page at the root, its modules with a
 * JavaScript type (or the browser runs none), and a policy that lets the page run only the
 * gateway's own scripts and reach only the gateway; the API and Swagger UI keep their headers.
 * What the console does is shown in a real browser by e2e-tests' ConsoleBrowserTests.
 */
class ConsoleResourcesIntegrationTests extends GatewayIntegrationTestSupport {

	@Test
	void theConsoleIsServedAtTheRootWithItsModules() {
		Response page = api().get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<script type=\"module\" src=\"console/app.js\">");

		for (String module : new String[] { "app", "api", "dom", "forms", "imports", "progress", "start", "catalog", "schedules" }) {
			Response script = api().get("/console/" + module + ".js");
			assertThat(script.status()).as(module).isEqualTo(200);
			assertThat(script.contentType()).as("browsers run a module only with a JavaScript type").startsWith("text/javascript");
		}
		assertThat(api().get("/console/console.css").contentType()).startsWith("text/css");
	}

	@Test
	void onlyTheConsolesPagesCarryItsPolicy() {
		for (String path : new String[] { "/", "/index.html", "/console/app.js" }) {
			Response response = api().get(path);
			assertThat(response.header("Content-Security-Policy")).as(path)
				.contains("script-src 'self'")
				.contains("connect-src 'self'")
				.doesNotContain("unsafe-inline");
			assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
		}
		assertThat(api().get("/api/imports").header("Content-Security-Policy")).isNull();
		assertThat(api().get("/swagger-ui/index.html").header("Content-Security-Policy"))
			.as("Swagger UI runs inline scripts").isNull();
	}

}
