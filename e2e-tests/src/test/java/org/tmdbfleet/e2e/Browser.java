package org.tmdbfleet.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded one:
 * Selenium Manager is bypassed by naming both binaries). Without them the browser tests are
 * skipped ({@link Installed}), unless {@code FLEET_REQUIRE_TOOLS=true} (as {@code .ci/run} sets
 * after installing the packages {@code chromium} and {@code chromium-driver}), when they fail.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** Where each test's screenshot goes. */
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/** Whether the browser is installed; fails instead of saying no when {@code FLEET_REQUIRE_TOOLS=true}. */
	private static boolean installed() {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && Boolean.parseBoolean(System.getenv("FLEET_REQUIRE_TOOLS"))) {
			throw new AssertionError("Chromium or chromedriver missing (Debian: apt-get install chromium chromium-driver)");
		}
		return present;
	}

	/** A desktop-sized window on the console at {@code baseUrl}. */
	static Browser open(String baseUrl) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en-US", "--force-device-scale-factor=1");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), baseUrl);
	}

	/** Opens a view of the console, e.g. {@code /imports/new}. */
	Browser go(String route) {
		driver.get(baseUrl + "/#" + route);
		return this;
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/**
	 * Waits for a condition on the page, polling every 100 ms. An element the page replaced while
	 * the condition read it (the console re-renders a view as answers arrive) means: look again.
	 */
	<T> T await(Duration patience, Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, patience, Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	/** Waits until an element is on the page and returns it. */
	WebElement awaitElement(String css) {
		return await(Duration.ofSeconds(15), d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** Forgets the tab's API token, as a new tab would start. */
	void forgetToken() {
		script("sessionStorage.clear()");
	}

	/**
	 * What the page logged as errors since the last call: uncaught exceptions and refusals by the
	 * content security policy. Failed requests are left out: a 401 or 409 the console shows is
	 * one, by design.
	 */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("Failed to load resource"))
			.toList();
	}

	void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves what the window shows as {@code target/screenshots/<name>.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

	/**
	 * The condition of a browser test class ({@code @ExtendWith(Browser.Installed.class)}): it skips
	 * (or fails) the class before anything of it starts, its fleet included.
	 */
	static final class Installed implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return installed() ? ConditionEvaluationResult.enabled("Debian's chromium and chromium-driver are installed")
					: ConditionEvaluationResult.disabled(
							"Debian's chromium and chromium-driver are not installed: browser tests skipped");
		}

	}

}
