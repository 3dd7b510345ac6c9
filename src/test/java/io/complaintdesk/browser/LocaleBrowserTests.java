package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The web apps speak the language of the browser: a Chinese browser ({@code zh-CN}, the staff's)
 * gets Tasklist in Chinese — the login page, the header, an open task with its 认领 (claim) button,
 * form-js validation messages in Chinese that describe a pattern instead of showing it — and no
 * Camunda 8 banner; an English browser ({@code en-US}, a second browser at the same time) still
 * gets English. The agent does not see 创建任务 (create task); the administrator does, and finds
 * the Welcome page and Admin in Chinese too.
 * <p>
 * The Chinese task view is also saved as {@code docs/tasklist-zh.png} for the README.
 */
@Tag("browser")
class LocaleBrowserTests extends BrowserTestSupport {

	static final Path README_SCREENSHOT = Path.of("docs", "tasklist-zh.png");

	private static final By LOGIN_BUTTON = By.cssSelector("form[name='signinForm'] button[type='submit']");

	private static final By CLAIM = By.cssSelector(".task-details button.claim");

	private static final By CREATE_TASK = By.cssSelector(".create-task-action");

	private static final By START_FORM = By.cssSelector(".modal-dialog form.fjs-form");

	private static final By PHONE = By.cssSelector(".modal-dialog form.fjs-form input[id$='Field_contactPhone']");

	private static final By PHONE_ERROR = By
		.xpath("//div[contains(@class,'fjs-form-field')][.//input[substring(@id, string-length(@id) - 17) = "
				+ "'Field_contactPhone']]//div[contains(@class,'fjs-form-field-error')]");

	@Autowired
	TestRestTemplate rest;

	@Test
	void chineseBrowserGetsChineseTasklistAndAnEnglishOneEnglish() throws Exception {
		String taskId = complaintToVerify();

		// --- the staff's Chinese browser
		loginPage(this.driver);
		assertThat(this.driver.findElement(Tasklist.USERNAME).getAttribute("placeholder")).isEqualTo("用户名");
		assertThat(this.driver.findElement(Tasklist.PASSWORD).getAttribute("placeholder")).isEqualTo("密码");
		assertThat(this.driver.findElement(LOGIN_BUTTON).getText()).isEqualTo("登录");
		assertNoMigrationBanner(this.driver);
		screenshot("login-page-zh");

		this.tasklist.login("agent1");
		assertThat(this.driver.findElement(By.cssSelector(".start-process-action")).getText()).contains("启动流程");
		this.tasklist.waiting("the create-task check done")
			.until((d) -> d.findElement(By.tagName("html")).getAttribute("data-create-task") != null);
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("data-create-task")).isEqualTo("hidden");
		assertThat(this.driver.findElements(CREATE_TASK)).as("创建任务 for an agent").noneMatch(WebElement::isDisplayed);
		assertNoMigrationBanner(this.driver);

		openTask(this.driver, this.tasklist, taskId);
		WebElement claim = this.driver.findElement(CLAIM);
		assertThat(claim.getText()).isEqualTo("认领");
		assertThat(this.driver.findElement(By.cssSelector(".task-details")).getText()).contains("表单", "历史", "流程图");
		Path taskView = screenshot(this.driver, "task-zh");
		Files.createDirectories(README_SCREENSHOT.getParent());
		Files.copy(taskView, README_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

		String zhError = phoneError(this.driver, this.tasklist);
		assertThat(zhError).isEqualTo("格式不正确：请输入有效的电话号码，如 139 1234 5678。")
			.doesNotContain("^", "[0-9]", "pattern", "Field");
		screenshot("validation-zh");

		// --- an English browser at the same time
		WebDriver english = newBrowser("en-US");
		Tasklist englishTasklist = new Tasklist(english, baseUrl(), (name) -> screenshot(english, name));
		loginPage(english);
		assertThat(english.findElement(Tasklist.USERNAME).getAttribute("placeholder")).isEqualTo("Username");
		assertThat(english.findElement(Tasklist.PASSWORD).getAttribute("placeholder")).isEqualTo("Password");
		assertThat(english.findElement(LOGIN_BUTTON).getText()).isEqualTo("Log in");
		screenshot(english, "login-page-en");
		englishTasklist.login("agent1");
		openTask(english, englishTasklist, taskId);
		assertThat(english.findElement(CLAIM).getText()).isEqualTo("Claim");
		screenshot(english, "task-en");
		assertThat(phoneError(english, englishTasklist))
			.isEqualTo("Invalid format: enter a valid phone number, e.g. 139 1234 5678.")
			.doesNotContain("^", "[0-9]");
		screenshot(english, "validation-en");

		// the Chinese browser stayed Chinese
		this.driver.navigate().refresh();
		this.tasklist.waiting("Tasklist in Chinese after a reload")
			.until((d) -> d.findElements(By.cssSelector(".start-process-action"))
				.stream()
				.anyMatch((a) -> a.getText().contains("启动流程")));
	}

	@Test
	void administratorKeepsCreateTask() {
		loginPage(this.driver);
		// the account menu shows the administrator's name, not the id Tasklist.login looks for
		this.driver.findElement(Tasklist.USERNAME).sendKeys("demo");
		this.driver.findElement(Tasklist.PASSWORD).sendKeys("demo");
		this.driver.findElement(LOGIN_BUTTON).click();
		WebElement createTask = this.tasklist.waiting("创建任务 shown to the administrator")
			.until((d) -> d.findElements(CREATE_TASK).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
		assertThat(createTask.getText()).contains("创建任务");
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("data-create-task")).isEqualTo("shown");
		screenshot("admin-create-task-zh");
	}

	@Test
	void welcomeAndAdminSpeakChinese() {
		this.driver.get(baseUrl() + "/camunda/app/welcome/default/");
		this.tasklist.waiting("Welcome's login form")
			.until((d) -> d.findElements(Tasklist.USERNAME).stream().anyMatch(WebElement::isDisplayed));
		this.driver.findElement(Tasklist.USERNAME).sendKeys("demo");
		this.driver.findElement(Tasklist.PASSWORD).sendKeys("demo");
		this.driver.findElement(LOGIN_BUTTON).click();
		this.tasklist.waiting("the Welcome page in Chinese")
			.until((d) -> d.findElement(By.tagName("body")).getText().contains("个人资料"));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("应用", "修改密码")
			.doesNotContain("Applications", "Change password");
		assertNoMigrationBanner(this.driver);
		screenshot("welcome-zh");

		this.driver.get(baseUrl() + "/camunda/app/admin/default/#/users");
		this.tasklist.waiting("Admin's user list in Chinese")
			.until((d) -> d.findElement(By.tagName("body")).getText().contains("用户列表"));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("用户组", "授权", "添加用户")
			.doesNotContain("List of Users", "Authorizations", "Add user");
		assertNoMigrationBanner(this.driver);
		screenshot("admin-users-zh");
	}

	// --- helpers ------------------------------------------------------------------------------------

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private void loginPage(WebDriver browser) {
		browser.get(baseUrl() + "/camunda/app/tasklist/default/");
		this.tasklist.waiting("Tasklist's login form")
			.until((d) -> browser.findElements(Tasklist.USERNAME).stream().anyMatch(WebElement::isDisplayed)
					// the locale is loaded: the placeholder is a translation, not the key
					&& !browser.findElement(Tasklist.USERNAME).getAttribute("placeholder").startsWith("PAGE_"));
	}

	/** Camunda renders its "migrate to Camunda 8" banner in every CE header; user-styles.css hides it. */
	private void assertNoMigrationBanner(WebDriver browser) {
		assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).as("the Camunda 8 migration banner")
			.isNotEmpty()
			.noneMatch(WebElement::isDisplayed);
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8", "迁移到 Camunda 8");
	}

	/** Opens the task by Tasklist's URL and waits for its detail with the claim button. */
	private void openTask(WebDriver browser, Tasklist tasklist, String taskId) {
		browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId);
		tasklist.waiting("task " + taskId + " open with its claim button")
			.until(ExpectedConditions.visibilityOfElementLocated(CLAIM));
	}

	/**
	 * Opens the complaint start form (Tasklist's {@code ?processStart=} link), types a contact phone
	 * that is no phone number, leaves the field and returns the message form-js shows under it.
	 */
	private String phoneError(WebDriver browser, Tasklist tasklist) {
		browser.get(baseUrl() + "/camunda/app/tasklist/default/#/?processStart=complaint-handling");
		tasklist.waiting("the complaint start form").until(ExpectedConditions.visibilityOfElementLocated(START_FORM));
		WebElement phone = tasklist.waiting("the contact phone field")
			.until(ExpectedConditions.visibilityOfElementLocated(PHONE));
		tasklist.center(phone);
		phone.click();
		phone.sendKeys("call me maybe", Keys.TAB);
		return tasklist.waiting("validation message under the contact phone")
			.until((d) -> browser.findElements(PHONE_ERROR)
				.stream()
				.map(WebElement::getText)
				.filter((text) -> !text.isBlank())
				.findFirst()
				.orElse(null));
	}

	/** A complaint registered through the project API: its verification waits for the agents. */
	@SuppressWarnings("rawtypes")
	private String complaintToVerify() {
		Map<String, Object> complaint = Map.of("customerName", "Lin Hua", "contactPhone", "13600001111", "channel",
				"PHONE", "complainantType", "CONSUMER", "category", "PRODUCT_QUALITY", "description",
				"Fan makes a grinding noise", "demand", "REPAIR", "productCode", "FN-9", "storeCode", "SH-02");
		ResponseEntity<Map> created = this.rest.withBasicAuth("agent1", "agent1")
			.postForEntity("/api/complaints", complaint, Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKey((String) created.getBody().get("caseNumber"))
			.singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo("verifyComplaint");
		return task.getId();
	}

}
