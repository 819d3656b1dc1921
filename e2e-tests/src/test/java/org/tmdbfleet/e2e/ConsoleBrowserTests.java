package org.tmdbfleet.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tmdbfleet.common.kafka.FleetJson;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console at {@code /} in Debian's Chromium, headless, against the whole fleet (real Kafka,
 * real PostgreSQL, the TMDB simulator). The gateway requires a token, so every mutation goes
 * through the console's token prompt; its progress streams close every 2 s, so a bar that
 * reaches 100 % has reconnected and caught up on the way. The fetch workers' budget is 4
 * requests a second, so an import lasts long enough to be watched. Each test leaves a
 * screenshot under {@code target/screenshots}.
 */
@ExtendWith(Browser.Installed.class)
@EmbeddedKafka
class ConsoleBrowserTests {

	private static final String TOKEN = "console-test-token";

	private static final String TOKEN_KEY = "tmdb-fleet.api-token";

	private static final Pattern IMPORT_ROUTE = Pattern.compile("#/imports/([0-9a-f-]{36})$");

	@RegisterExtension
	static final FleetExtension fleetExtension = FleetExtension.started()
		.fetchWorkers("--fleet.rate-limit.requests-per-second=4")
		.gateway("--fleet.api.tokens=" + TOKEN, "--fleet.imports.events-timeout=2s")
		.tmdbAsUsualAfterEach();

	private static Browser browser;

	private static Http api;

	private final Fleet fleet;

	ConsoleBrowserTests(Fleet fleet) {
		this.fleet = fleet;
	}

	@BeforeAll
	static void openBrowser(Fleet fleet) {
		api = new Http(fleet.gatewayUrl(), TOKEN);
		browser = Browser.open(fleet.gatewayUrl());
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void freshTab() {
		browser.resize(1280, 900);
		browser.go("/imports");
		browser.forgetToken();
	}

	@AfterEach
	void screenshotAndNoScriptErrors(TestInfo test) {
		browser.screenshot(test.getTestMethod().orElseThrow().getName());
		assertThat(browser.consoleErrors()).as("uncaught errors and policy refusals in the page").isEmpty();
	}

	@Test
	void anImportStartedFromTheFormFillsItsBarToCompleted() {
		browser.go("/imports/new");
		new Select(browser.awaitElement("#field-source")).selectByValue("popular");
		WebElement pages = browser.find("#field-maxPages");
		pages.clear();
		pages.sendKeys("16");
		browser.find("#start-form button[type=submit]").click();

		// the gateway wants a token: the console asks for it, once for the tab
		browser.awaitElement("#token-dialog[open]");
		browser.find("#token-input").sendKeys(TOKEN);
		browser.find("#token-dialog button[value=ok]").click();

		UUID id = browser.await(Duration.ofSeconds(15), driver -> importIdIn(driver.getCurrentUrl()));
		List<Integer> seen = new ArrayList<>();
		browser.await(Duration.ofMinutes(2), driver -> {
			int percent = Integer.parseInt(browser.find("[role=progressbar]").getAttribute("aria-valuenow"));
			if (seen.isEmpty() || seen.get(seen.size() - 1) != percent) {
				seen.add(percent);
			}
			return percent == 100 && browser.find("#import-status").getText().equals("COMPLETED");
		});
		System.out.println("Bar values the browser showed for the form's import: " + seen);

		JsonNode view = fleet.view(id);
		assertThat(view.path("status").asString()).isEqualTo("COMPLETED");
		assertThat(view.path("moviesPersisted").asLong()).isEqualTo(view.path("moviesExpected").asLong()).isPositive();
		assertThat(browser.find(".bar-numbers").getText()).contains("pages 16 / 16")
			.contains("movies %,d / %,d".formatted(view.path("moviesPersisted").asLong(), view.path("moviesExpected").asLong()));
		assertThat(fleet.database().queryForObject("select count(*) from import_items where import_id = ?", Long.class, id))
			.isEqualTo(view.path("moviesPersisted").asLong());
		assertThat(seen).as("the bar moved on its own, through the stream's reconnections").hasSizeGreaterThan(2);
		assertThat(browser.find("#token-status").getText()).contains("API token set for this tab");
	}

	@Test
	void pagesZeroIsRefusedAtItsFieldByKeyboardAlone() {
		rememberToken();
		long imports = importCount();
		browser.go("/imports/new");
		WebElement pages = browser.awaitElement("#field-maxPages");
		pages.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0", Keys.ENTER); // Enter in a field submits the form

		WebElement error = browser.await(Duration.ofSeconds(15),
				driver -> browser.find("#field-maxPages-error").getText().isEmpty() ? null : browser.find("#field-maxPages-error"));
		assertThat(error.getText()).isEqualTo("must be greater than or equal to 1");
		assertThat(pages.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(pages.getAttribute("aria-describedby")).contains("field-maxPages-error");
		assertThat(browser.script("return document.activeElement.id")).isEqualTo("field-maxPages");
		assertThat(browser.find("#form-answer").getText()).startsWith("400 Bad Request");
		assertThat(importCount()).isEqualTo(imports);
	}

	@Test
	void aRunningImportIsCancelledAndItsRetryRefusedWithTheApisAnswer() {
		rememberToken();
		UUID id = startImport("{\"source\":\"popular\",\"maxPages\":400}");
		browser.go("/imports");
		String bar = "tr[data-import-id='" + id + "'] [role=progressbar]";
		browser.await(Duration.ofSeconds(60), driver -> Integer.parseInt(browser.awaitElement(bar).getAttribute("aria-valuenow")) > 0);
		browser.await(Duration.ofSeconds(30), driver -> browser.find("tr[data-import-id='" + id + "'] .bar-numbers")
			.getText()
			.matches(".*movies/s.*left"));
		System.out.println("The list's bar during the 400-page import: "
				+ browser.find("tr[data-import-id='" + id + "'] .progress").getText().replace('\n', ' '));
		browser.screenshot("imports-list-during-an-import");

		browser.find("tr[data-import-id='" + id + "'] a").click();
		browser.awaitElement("#cancel-import").click();
		browser.await(Duration.ofSeconds(15), driver -> browser.find("#action-answer").getText().startsWith("200 OK: cancelled"));
		browser.await(Duration.ofSeconds(15), driver -> browser.find("#import-status").getText().equals("CANCELLED"));
		assertThat(fleet.view(id).path("status").asString()).isEqualTo("CANCELLED");

		browser.find("#retry-import").click();
		browser.await(Duration.ofSeconds(15), driver -> browser.find("#action-answer").getText().startsWith("409 Conflict"));
		JsonNode refused = FleetJson.MAPPER.readTree(api.post("/api/imports/" + id + "/retry", "").getBody());
		assertThat(browser.find("#action-answer").getText()).isEqualTo("409 Conflict: " + refused.path("detail").asString());
	}

	@Test
	void anImportWhosePageTmdbRefusedIsRetriedFromItsPage() {
		rememberToken();
		fleet.tmdb().put("/admin/faults", "{\"errorRates\":{\"503\":1.0},\"faultPages\":[3]}");
		UUID id = startImport("{\"source\":\"popular\",\"maxPages\":6}");
		browser.go("/imports/" + id);
		browser.await(Duration.ofMinutes(3), driver -> browser.find("#import-status").getText().equals("COMPLETED_WITH_ERRORS"));
		WebElement failed = browser.awaitElement("section[aria-labelledby=failed-pages-heading] tbody tr");
		assertThat(failed.findElements(By.tagName("td")).get(0).getText()).isEqualTo("3");
		assertThat(failed.findElements(By.tagName("td")).get(1).getText()).contains("503");
		browser.screenshot("import-with-a-failed-page");

		fleet.tmdb().delete("/admin/faults");
		browser.find("#retry-import").click();
		browser.await(Duration.ofSeconds(15), driver -> browser.find("#action-answer").getText()
			.startsWith("202 Accepted: the failed pages are queued again"));
		browser.await(Duration.ofMinutes(1), driver -> browser.find("#import-status").getText().equals("COMPLETED")
				&& "100".equals(browser.find("[role=progressbar]").getAttribute("aria-valuenow")));
		assertThat(browser.findAll("section[aria-labelledby=failed-pages-heading] tbody tr")).isEmpty();
		assertThat(fleet.view(id).path("moviesPersisted").asLong()).isEqualTo(120);
	}

	@Test
	void aMutationWithoutAValidTokenIsRefusedWithAClearMessage() {
		long imports = importCount();
		browser.go("/imports/new");
		new Select(browser.awaitElement("#field-source")).selectByValue("upcoming");
		browser.find("#start-form button[type=submit]").click();
		browser.awaitElement("#token-dialog[open]");
		browser.find("#token-dialog button[value=cancel]").click();
		browser.await(Duration.ofSeconds(15), driver -> !browser.find("#form-answer").getText().isEmpty());
		assertThat(browser.find("#form-answer").getText()).startsWith(
				"Refused (401 Unauthorized): this action needs the gateway's API token, and none was given.");

		browser.find("#start-form button[type=submit]").click();
		browser.awaitElement("#token-dialog[open]");
		browser.find("#token-input").sendKeys("not-the-token");
		browser.find("#token-dialog button[value=ok]").click();
		browser.await(Duration.ofSeconds(15), driver -> browser.find("#form-answer").getText().contains("not accepted"));
		assertThat(browser.find("#form-answer").getText()).startsWith(
				"Refused (401 Unauthorized): this action needs the gateway's API token, and the token was not accepted.");
		assertThat(browser.script("return sessionStorage.getItem(arguments[0])", TOKEN_KEY)).isNull();
		assertThat(importCount()).isEqualTo(imports);
	}

	@Test
	void theCatalogSearchFindsANonAsciiTitleAndItsPageShowsThePoster() {
		rememberToken();
		fleet.awaitEnd(startImport("{\"source\":\"top_rated\",\"maxPages\":10}"), Duration.ofMinutes(2));
		var movie = fleet.database().queryForMap("select title, poster_path from movies where title ~ '[^\\x01-\\x7e]' "
				+ "and poster_path is not null order by popularity desc, tmdb_id limit 1");
		String title = (String) movie.get("title");
		String text = title.codePoints().limit(4).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();

		browser.go("/catalog");
		browser.awaitElement("#search-query").sendKeys(text, Keys.ENTER);
		// clicked where it is found: the results may be rendered again meanwhile, replacing the link
		String listed = browser.await(Duration.ofSeconds(15), driver -> browser.findAll("#search-results tbody a")
			.stream()
			.filter(link -> link.getText().equals(title))
			.findFirst()
			.map(link -> {
				String status = browser.find("#search-results [role=status]").getText();
				link.click();
				return status;
			})
			.orElse(null));
		System.out.println("Catalog search for \"" + text + "\" listed " + listed + ", among them \"" + title + "\"");
		browser.await(Duration.ofSeconds(15), driver -> browser.find("h1").getText().equals(title));
		WebElement poster = browser.awaitElement("img.poster");
		assertThat(poster.getAttribute("src")).isEqualTo(fleet.simulatorUrl() + "/t/p/w342" + movie.get("poster_path"));
		browser.await(Duration.ofSeconds(15), driver -> Long.valueOf(342).equals(
				browser.script("return arguments[0].complete ? arguments[0].naturalWidth : 0", poster)));
	}

	@Test
	void onAPhoneSizedScreenNothingScrollsSideways() {
		rememberToken();
		UUID id = startImport("{\"source\":\"now_playing\",\"maxPages\":3}");
		fleet.awaitEnd(id, Duration.ofMinutes(2)); // its movies fill the catalog's results
		ResponseEntity<String> schedule = api.post("/api/schedules", """
				{"name":"phone-yearly","cron":"0 3 1 1 *","import":{"source":"now_playing","maxPages":3}}""");
		assertThat(schedule.getStatusCode().value()).as(schedule.toString()).isEqualTo(201);
		browser.resize(390, 844);

		// each view is measured once what it lists has rendered: an empty view fits any screen
		fitsTheScreen("/imports/new", "#start-form button[type=submit]");
		fitsTheScreen("/catalog", "#search-results tbody a");
		fitsTheScreen("/schedules", "td[data-label=Name]");
		fitsTheScreen("/imports", "tr[data-import-id='" + id + "'] .bar-numbers");
		browser.screenshot("phone-imports");
	}

	/**
	 * Opens a view, waits until an element of what it lists shows text, and then finds neither the
	 * page nor any of its tables wider than the window.
	 */
	private void fitsTheScreen(String route, String rendered) {
		browser.go(route);
		browser.await(Duration.ofSeconds(15),
				driver -> browser.findAll(rendered).stream().anyMatch(element -> !element.getText().isBlank()));
		Object sideways = browser.script("""
				return [document.documentElement, ...document.querySelectorAll('.table-wrap')]
				  .filter((element) => element.scrollWidth > element.clientWidth)
				  .map((element) => `${element.tagName}.${element.className}: ${element.scrollWidth} px in ${element.clientWidth}`)""");
		assertThat((List<?>) sideways).as("what scrolls sideways on %s at 390 px", route).isEmpty();
	}

	private void rememberToken() {
		browser.script("sessionStorage.setItem(arguments[0], arguments[1])", TOKEN_KEY, TOKEN);
	}

	private static UUID startImport(String json) {
		ResponseEntity<String> response = api.post("/api/imports", json);
		assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(202);
		return UUID.fromString(FleetJson.MAPPER.readTree(response.getBody()).path("id").asString());
	}

	private long importCount() {
		return fleet.database().queryForObject("select count(*) from import_jobs", Long.class);
	}

	private static UUID importIdIn(String url) {
		Matcher matcher = IMPORT_ROUTE.matcher(url);
		return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
	}

}
