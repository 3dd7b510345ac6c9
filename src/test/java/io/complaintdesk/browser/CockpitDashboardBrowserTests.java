package io.complaintdesk.browser;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.CallbackAnswer;
import io.complaintdesk.complaint.RegistryRows;
import io.complaintdesk.complaint.ComplaintRegistry.Routing;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;
import io.complaintdesk.base.Groups;

/**
 * The "Complaint desk" dashboard plugin in Cockpit: a supervisor logs in to Cockpit and finds, below
 * Cockpit's own dashboard, the desk's figures for Friday 2026-11-20 16:00 (the engine's clock),
 * the three charts drawn by Chart.js from the webjar, and the overdue, at-risk and major cases
 * linking to their process instances. An agent, who has no Cockpit access, does not get in; a clerk
 * given Cockpit access sees Cockpit's own dashboard without the desk.
 * <p>
 * The open complaints are registered through the real intake (so their links lead to real process
 * instances) with the engine's clock moved back to their receipt; closed ones of the last eight
 * weeks, with their callbacks, are written to the registry. The dashboard counts the whole
 * registry, so this class runs on an in-memory database and an engine of its own. The supervisor's
 * view (in Chinese, the browser's language) is also saved as {@code docs/cockpit-dashboard-zh.png}
 * for the README.
 */
@Tag("browser")
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:cockpit-dashboard-browser;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
		"camunda.bpm.process-engine-name=" + CockpitDashboardBrowserTests.ENGINE })
class CockpitDashboardBrowserTests extends BrowserTestSupport {

	/**
	 * The web apps find their engine by name in the JVM-wide registry: under the name of the other
	 * browser tests' engine, Tasklist and Cockpit of both application contexts would show whichever
	 * registered last.
	 */
	static final String ENGINE = "cockpitDashboard";

	/** Friday 16:00 in Shanghai: "within a working day" reaches to Monday 16:00. */
	static final String NOW = "2026-11-20T16:00";

	static final Path README_SCREENSHOT = Path.of("docs", "cockpit-dashboard-zh.png");

	private static final By DASHBOARD = By.cssSelector(".complaint-desk-dashboard");

	private static final By USERNAME = Tasklist.USERNAME;

	private static final By PASSWORD = Tasklist.PASSWORD;

	/** The answer at the first callback of each closed case; 4 and 5 upgrade it to a second round. */
	private static final int[] ANSWERS = { 2, 1, 2, 3, 1, 2, 4, 1, 2, 2, 1, 4, 2, 5, 1, 2, 1, 2, 4 };

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	AuthorizationService authorizations;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void supervisorSeesTheComplaintDeskInCockpit() throws Exception {
		List<Open> open = seed();
		TestClock.setCurrentTime(at(NOW));

		login("super1");
		WebElement dashboard = this.tasklist.waiting("the Complaint desk dashboard with its charts")
			.until((d) -> d.findElements(By.cssSelector(".complaint-desk-dashboard[data-charts='ready']"))
				.stream()
				.findFirst()
				.orElse(null));
		// Cockpit's own dashboard is still there above it
		assertThat(this.driver.findElements(By.cssSelector(".dashboard")).stream().map(WebElement::getText).toList())
			.as("Cockpit's own dashboard")
			.anyMatch((text) -> text.contains("运行中的流程实例"));

		// the figures: 8 open, 2 overdue, 2 at risk (due Saturday 12:00 and Monday 15:00, not Monday 17:00)
		assertThat(figure("open-total")).isEqualTo("8");
		assertThat(figure("overdue")).isEqualTo("2");
		assertThat(figure("at-risk")).isEqualTo("2");
		assertThat(figure("major")).isEqualTo(String.valueOf(open.stream().filter(Open::major).count()));
		assertThat(figure("upgrades")).isEqualTo("3");
		assertThat(figure("answers")).isEqualTo("12");
		for (int level = 1; level <= 3; level++) {
			for (String age : List.of("underOneDay", "oneToThreeDays", "threeToSevenDays", "overSevenDays")) {
				int expected = count(open, level, age);
				assertThat(dashboard
					.findElement(By.cssSelector("td[data-level='" + level + "'][data-age='" + age + "']"))
					.getText()).as("open cases of level %d, %s", level, age).isEqualTo(String.valueOf(expected));
			}
		}
		assertThat(caseNumbers("overdue")).containsExactly(open.get(0).caseNumber(), open.get(1).caseNumber());
		assertThat(caseNumbers("at-risk")).containsExactly(open.get(2).caseNumber(), open.get(3).caseNumber());
		assertThat(caseNumbers("major")).containsExactlyElementsOf(
				open.stream().filter(Open::major).map(Open::caseNumber).toList());
		// in Chinese, as Cockpit is (the browser's language is zh-CN)
		assertThat(dashboard.getText()).contains("投诉受理台")
			.contains("截至 11月20日 周五 16:00（Asia/Shanghai）")
			.contains("2026年11月回访满意度")
			.contains("未结投诉")
			.contains("受理编号")
			.contains("处理期限")
			.doesNotContain("Complaint desk", "Overdue", "Open cases");
		assertThat(dashboard.findElement(By.cssSelector("table[data-list='overdue'] tbody tr[data-case] .cd-late"))
			.getText()).startsWith("已逾期 ");
		for (String chart : List.of("levels", "satisfaction", "weeks")) {
			assertThat(paintedPixels(chart)).as("pixels Chart.js painted on the %s chart", chart).isGreaterThan(500);
		}

		showForScreenshot(dashboard);
		screenshot("complaint-desk-dashboard");
		Files.createDirectories(README_SCREENSHOT.getParent());
		Files.copy(lastScreenshot(), README_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

		// a case links to its process instance in Cockpit
		Open overdue = open.get(0);
		this.tasklist.click(this.driver.findElement(
				By.cssSelector("table[data-list='overdue'] tr[data-case='" + overdue.caseNumber() + "'] a")));
		this.tasklist.waiting("Cockpit shows the process instance of " + overdue.caseNumber())
			.until((d) -> d.getCurrentUrl().contains("#/process-instance/" + overdue.processInstanceId() + "/runtime")
					&& !d.findElements(By.cssSelector(".process-instance-page, [process-diagram], .djs-container"))
						.isEmpty());
		screenshot("process-instance-" + overdue.caseNumber());
	}

	@Test
	void agentCannotOpenCockpit() {
		this.driver.get(cockpitUrl());
		logIn("agent1", "Cockpit refuses agent1", (d) -> !d
			.findElements(By.cssSelector(".page-notifications .alert-danger"))
			.isEmpty());
		assertThat(this.driver.findElement(By.cssSelector(".page-notifications .alert-danger")).getText())
			.contains("登录失败");
		screenshot("cockpit-refuses-agent1");
		assertThat(this.driver.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed))
			.as("still on Cockpit's login form")
			.isTrue();
		assertThat(this.driver.findElements(DASHBOARD)).as("the Complaint desk dashboard").isEmpty();

		// the same user and password open Tasklist: Cockpit refused the application, not the password
		this.driver.get("http://localhost:" + this.port + "/camunda/app/tasklist/" + ENGINE + "/");
		this.tasklist.waiting("Tasklist's login form")
			.until((d) -> d.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed));
		this.tasklist.login("agent1");
	}

	@Test
	void clerkGivenCockpitAccessSeesCockpitWithoutTheDesk() {
		// an administrator may open Cockpit to others; the desk's figures stay with the groups that watch it
		Authorization access = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		access.setGroupId(Groups.CLERKS);
		access.setResource(Resources.APPLICATION);
		access.setResourceId("cockpit");
		access.addPermission(Permissions.ACCESS);
		this.authorizations.saveAuthorization(access);
		try {
			login("clerk1");
			// the plugin was asked, got 403 and took itself and Cockpit's then empty "Custom Plugins" away
			By pluginRow = By.cssSelector(".deprecate-dashboard-view[data-plugin-id='complaint-desk-dashboard']");
			this.tasklist.waiting("the Complaint desk plugin hidden")
				.until((d) -> d.findElements(pluginRow).stream().anyMatch((row) -> !row.isDisplayed()));
			screenshot("cockpit-without-the-desk");
			assertThat(this.driver.findElements(DASHBOARD)).as("the Complaint desk dashboard").isEmpty();
			assertThat(this.driver.findElements(By.cssSelector("section.deprecate")))
				.as("Cockpit's then empty Custom Plugins section")
				.noneMatch(WebElement::isDisplayed);
			assertThat(this.driver.findElement(By.cssSelector(".dashboard")).getText())
				.as("Cockpit's own dashboard")
				.contains("运行中的流程实例");
		}
		finally {
			this.authorizations.deleteAuthorization(access.getId());
		}
	}

	// --- Cockpit ----------------------------------------------------------------------------------

	private String cockpitUrl() {
		return "http://localhost:" + this.port + "/camunda/app/cockpit/" + ENGINE + "/";
	}

	private void login(String user) {
		this.driver.get(cockpitUrl());
		logIn(user, "Cockpit shows " + user + " as logged in",
				(d) -> d.findElements(By.cssSelector("li.account a.dropdown-toggle"))
					.stream()
					.anyMatch((a) -> a.getText().startsWith(user)));
		screenshot("login-" + user);
	}

	/**
	 * Fills in Cockpit's login form with the demo password (= user id) and submits it until
	 * {@code done}; the form may be rendered again while Cockpit boots, so what landed where is
	 * checked before each submit.
	 */
	private void logIn(String user, String done, Function<WebDriver, Boolean> until) {
		long[] nextAttempt = { 0 };
		this.tasklist.waiting(done).until((d) -> {
			if (nextAttempt[0] > 0 && until.apply(d)) {
				return true;
			}
			if (System.currentTimeMillis() > nextAttempt[0]
					&& d.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed)) {
				WebElement username = d.findElement(USERNAME);
				WebElement password = d.findElement(PASSWORD);
				username.sendKeys(Keys.chord(Keys.CONTROL, "a"), user);
				password.sendKeys(Keys.chord(Keys.CONTROL, "a"), user);
				if (user.equals(username.getAttribute("value")) && user.equals(password.getAttribute("value"))) {
					d.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
					nextAttempt[0] = System.currentTimeMillis() + 5_000;
				}
			}
			return false;
		});
	}

	private String figure(String name) {
		return this.driver.findElement(By.cssSelector(".complaint-desk-dashboard [data-figure='" + name + "']"))
			.getText()
			.trim();
	}

	private List<String> caseNumbers(String list) {
		return this.driver.findElements(By.cssSelector("table[data-list='" + list + "'] tbody tr[data-case]"))
			.stream()
			.map((row) -> row.getAttribute("data-case"))
			.toList();
	}

	/** How many pixels of the chart's canvas are not transparent. */
	private long paintedPixels(String chart) {
		Object painted = ((JavascriptExecutor) this.driver).executeScript("""
				const canvas = document.querySelector(`.complaint-desk-dashboard canvas[data-chart="${arguments[0]}"]`);
				if (!canvas || !canvas.width || !canvas.height) { return 0; }
				const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				let painted = 0;
				for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
				return painted;""", chart);
		return ((Number) painted).longValue();
	}

	/** Scrolls Cockpit's "Custom Plugins" section to the top, the window tall enough for the whole plugin. */
	private void showForScreenshot(WebElement dashboard) {
		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		js.executeScript("arguments[0].closest('section').scrollIntoView({block: 'start'});", dashboard);
		long missing = ((Number) js.executeScript(
				"return Math.ceil(arguments[0].getBoundingClientRect().bottom + 16 - window.innerHeight);", dashboard))
			.longValue();
		if (missing > 0) {
			Dimension size = this.driver.manage().window().getSize();
			int height = (int) Math.min(2400, size.getHeight() + missing);
			this.driver.manage().window().setSize(new Dimension(size.getWidth(), height));
			js.executeScript("arguments[0].closest('section').scrollIntoView({block: 'start'});", dashboard);
		}
		this.tasklist.waiting("charts redrawn after the resize").until((d) -> paintedPixels("weeks") > 500);
	}

	private Path lastScreenshot() throws Exception {
		Path dir = SCREENSHOTS.resolve(getClass().getSimpleName() + ".supervisorSeesTheComplaintDeskInCockpit");
		try (var files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-complaint-desk-dashboard.png"))
				.findFirst()
				.orElseThrow();
		}
	}

	// --- the desk's complaints ----------------------------------------------------------------------

	record Open(String caseNumber, String processInstanceId, int level, boolean major, Instant receivedAt) {
	}

	/**
	 * Eight open complaints through the intake, oldest first: two overdue, two at risk, one due on
	 * Monday after 16:00, three recent; and 19 closed ones over the last eight weeks: 12 callback
	 * answers this month, three upgrades this month.
	 */
	private List<Open> seed() {
		List<Open> open = new ArrayList<>();
		open.add(register("2026-11-10T11:00", "Chen Jing", Channel.REGULATOR, "Reported the store to 12315", true,
				false));
		open.add(register("2026-11-12T09:30", "Zhao Lei", Channel.PHONE, "Kettle stopped heating", false, false));
		open.add(register("2026-11-14T12:00", "Sun Mei", Channel.WALK_IN, "Refund refused at the counter", false,
				true));
		open.add(register("2026-11-16T15:00", "Zhou Qiang", Channel.WALK_IN, "Blocked the store entrance", true,
				false));
		open.add(register("2026-11-16T17:00", "Wu Hao", Channel.ONLINE, "Delivery two days late", false, false));
		open.add(register("2026-11-18T12:00", "Zheng Yu", Channel.PHONE, "Wrong colour delivered", false, true));
		open.add(register("2026-11-19T17:00", "Wang Fang", Channel.SMS, "Missing manual", false, false));
		open.add(register("2026-11-20T10:00", "Liu Yang", Channel.PHONE, "Scratched casing", false, false));

		// closed cases by receipt (Shanghai): called back two days later, closed three hours after the last callback
		int n = 0;
		for (String received : List.of("2026-09-28T10:00", "2026-09-30T15:00", "2026-10-06T09:00",
				"2026-10-08T11:00", "2026-10-09T16:00", "2026-10-13T10:00", "2026-10-21T14:00", "2026-10-23T09:30",
				"2026-10-27T10:00", "2026-10-29T13:00", "2026-11-02T09:00", "2026-11-03T10:30", "2026-11-04T15:00",
				"2026-11-05T11:00", "2026-11-09T10:00", "2026-11-10T14:00", "2026-11-11T09:00", "2026-11-16T10:00",
				"2026-11-17T09:00")) {
			n++;
			String caseNumber = "CMP-" + received.substring(0, 10).replace("-", "") + "-09" + String.format("%02d", n);
			Instant receivedAt = at(received).toInstant();
			closedCase(caseNumber, receivedAt, n);
		}
		return open;
	}

	private Open register(String receivedAt, String customer, Channel channel, String what, boolean disturbance,
			boolean emotional) {
		TestClock.setCurrentTime(at(receivedAt));
		RegisteredComplaint registered = this.intake.register(new ComplaintRequest(null, customer, "13912345678",
				channel.name(), ComplainantType.CONSUMER.name(), Category.SERVICE_QUALITY.name(), what,
				Demand.APOLOGY.name(), null, null, "SH-01", null, null, false, emotional, false, false, disturbance,
				false).toNewComplaint());
		return new Open(registered.caseNumber(), registered.processInstanceId(), registered.level(),
				Boolean.TRUE.equals(registered.major()), at(receivedAt).toInstant());
	}

	private void closedCase(String caseNumber, Instant receivedAt, int n) {
		this.registry.register(RegistryRows.row(caseNumber, "closed-" + caseNumber, receivedAt, "agent1",
				Channel.PHONE, ComplainantType.CONSUMER, Category.PRODUCT_QUALITY, null, "Closed customer " + n,
				"13900000000", "Settled", Demand.REPAIR, null, null, null, null, null, 1, false));
		Routing routing = new Routing("agents", "supervisors", "agents");
		this.registry.startRound(caseNumber, 1, 1, false, routing, receivedAt.plus(Duration.ofHours(1)));
		Instant calledBack = receivedAt.plus(Duration.ofDays(2));
		int answer = ANSWERS[n - 1];
		this.registry.recordCallbackAttempt(caseNumber, 1, new CallbackAnswer(true, answer, null, null), "agent2",
				calledBack);
		Instant closedAt = calledBack.plus(Duration.ofHours(3));
		if (answer >= 4) {
			// dissatisfied: a second round at level 2, satisfied at its callback
			Instant upgraded = calledBack.plus(Duration.ofMinutes(5));
			this.registry.startRound(caseNumber, 2, 2, false, new Routing("supervisors", "directors", "supervisors"),
					upgraded);
			this.registry.recordCallbackAttempt(caseNumber, 2, new CallbackAnswer(true, 2, null, null), "super1",
					upgraded.plus(Duration.ofDays(1)));
			closedAt = upgraded.plus(Duration.ofDays(1)).plus(Duration.ofHours(3));
		}
		this.registry.close(caseNumber, "clerk1", closedAt);
	}

	private static int count(List<Open> open, int level, String age) {
		Instant now = at(NOW).toInstant();
		return (int) open.stream().filter((c) -> c.level() == level).filter((c) -> {
			Duration old = Duration.between(c.receivedAt(), now);
			return switch (age) {
				case "underOneDay" -> old.compareTo(Duration.ofDays(1)) < 0;
				case "oneToThreeDays" -> !old.minusDays(1).isNegative() && old.compareTo(Duration.ofDays(3)) < 0;
				case "threeToSevenDays" -> !old.minusDays(3).isNegative() && old.compareTo(Duration.ofDays(7)) <= 0;
				default -> old.compareTo(Duration.ofDays(7)) > 0;
			};
		}).count();
	}

	/** A time in Shanghai, {@code 2026-11-20T16:00}. */
	static Date at(String time) {
		return Date.from(OffsetDateTime.parse(time + ":00+08:00").toInstant());
	}

}
