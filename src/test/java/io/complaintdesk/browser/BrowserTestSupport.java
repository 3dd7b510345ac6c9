package io.complaintdesk.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End-to-end tests in a real browser: the application runs in the test JVM on a random port (the
 * test profile's in-memory H2, no job executor, and the demo profile's users and Tasklist
 * filters), headless Debian Chromium drives Camunda Tasklist through Debian's chromedriver. Nothing
 * is downloaded: the driver and the browser are given by path, so Selenium Manager never runs.
 * <p>
 * The browser speaks Chinese ({@code zh-CN}), as the desk's staff do: the web apps show their
 * {@code zh} locale. A test may open a second browser in another language ({@link #newBrowser}).
 * <p>
 * Every step leaves a screenshot under {@code target/browser-screenshots/<test>/<nn>-<step>.png};
 * a failing test also leaves {@code 99-failure.png} and the page's HTML beside it.
 * <p>
 * Tagged {@code browser}: excluded from the plain {@code mvn verify}, run by
 * {@code mvn verify -Pbrowser} (needs {@code apt-get install chromium chromium-driver}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@Tag("browser")
abstract class BrowserTestSupport {

	static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	/** The language of the browser the tests drive: the staff's. */
	static final String LANGUAGE = "zh-CN";

	/** Strong references: java.util.logging forgets the level of a logger that was collected. */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	/** Every browser a test opened, with its driver service, closed after the test. */
	private final List<Browser> browsers = new ArrayList<>();

	WebDriver driver;

	Tasklist tasklist;

	private Path shots;

	private int step;

	@RegisterExtension
	final AfterTestExecutionCallback failureEvidence = (context) -> {
		if (context.getExecutionException().isPresent() && this.driver != null) {
			evidence("failure");
		}
	};

	@BeforeAll
	static void quietSelenium() {
		// Selenium 4 knows the DevTools protocol of a few Chrome versions only; the tests use WebDriver,
		// not DevTools, so its warning about Debian's newer Chromium is noise
		QUIET.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	@BeforeEach
	void openBrowser(TestInfo test) throws IOException {
		this.shots = SCREENSHOTS.resolve(getClass().getSimpleName() + "."
				+ test.getTestMethod().map((method) -> method.getName()).orElse("test"));
		deleteRecursively(this.shots);
		Files.createDirectories(this.shots);
		this.step = 0;

		this.driver = newBrowser(LANGUAGE);
		this.tasklist = new Tasklist(this.driver, "http://localhost:" + this.port, this::screenshot);
	}

	/**
	 * Opens a headless Chromium whose language is {@code language} ({@code zh-CN}, {@code en-US}):
	 * the language of its user interface and of {@code navigator.languages}, which the web apps
	 * choose their locale by, and its {@code Accept-Language}. Closed after the test.
	 */
	WebDriver newBrowser(String language) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--window-size=1400,1000",
				"--disable-dev-shm-usage", "--lang=" + language);
		String primary = language.split("-")[0];
		options.setExperimentalOption("prefs",
				Map.of("intl.accept_languages", language.equals(primary) ? language : language + "," + primary));
		ChromeDriver browser;
		try {
			browser = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			service.stop();
			throw ex;
		}
		this.browsers.add(new Browser(service, browser));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return browser;
	}

	private record Browser(ChromeDriverService service, WebDriver driver) {
	}

	@AfterEach
	void closeBrowser() {
		for (Browser browser : this.browsers) {
			try {
				browser.driver().quit();
			}
			catch (RuntimeException ex) {
				// already gone: stop its service all the same
			}
			finally {
				browser.service().stop();
			}
		}
		this.browsers.clear();
		this.driver = null;
	}

	/** Saves what the browser shows now as the next numbered screenshot of this test. */
	void screenshot(String name) {
		screenshot(this.driver, name);
	}

	/** Saves what that browser (of this test) shows now as the next numbered screenshot of this test. */
	Path screenshot(WebDriver browser, String name) {
		this.step++;
		String file = String.format("%02d-%s.png", this.step, name.replaceAll("[^A-Za-z0-9._-]+", "-"));
		try {
			Files.write(this.shots.resolve(file), ((RemoteWebDriver) browser).getScreenshotAs(OutputType.BYTES));
			return this.shots.resolve(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save screenshot " + file, ex);
		}
	}

	private void evidence(String name) {
		try {
			Files.write(this.shots.resolve("99-" + name + ".png"),
					((RemoteWebDriver) this.driver).getScreenshotAs(OutputType.BYTES));
			Files.writeString(this.shots.resolve("99-" + name + ".html"), this.driver.getPageSource());
		}
		catch (RuntimeException | IOException ex) {
			// the evidence is a courtesy: never hide the test's own failure behind it
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
