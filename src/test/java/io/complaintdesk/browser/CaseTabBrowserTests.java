package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.remote.RemoteWebDriver;

import io.complaintdesk.TestClock;
import io.complaintdesk.complaint.casefile.SampleFiles;

/**
 * The Tasklist tab 案件 (scripts/complaint-desk/case-tab.js, issue 16): agent1 opens a task and reads
 * the case in Chinese, adds an internal note, uploads a JPEG and a PDF and sees both previewed, is
 * refused a program renamed .jpg with a readable message, finds the case by the phone's last four
 * digits, pauses and resumes it and sees the case deadline move by the paused working time. agent2,
 * the employee another case is about, can neither open nor find that case. The case tab in Chinese
 * is also saved as {@code docs/case-tab-zh.png} for the README.
 * <p>
 * The engine's clock is set to the coming Monday 10:00 in Shanghai, so that the deadlines lie ahead
 * of the browser's own clock and a pause until Wednesday 10:00 lasts 18 working hours.
 */
@Tag("browser")
class CaseTabBrowserTests extends BrowserTestSupport {

	static final Path README_SCREENSHOT = Path.of("docs", "case-tab-zh.png");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final By CASE_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]/li/a[normalize-space(.)='案件']");

	static final By CASE_TITLE = By.cssSelector("[data-case-tab] section h4");

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void agentWorksTheCaseFileInTheCaseTab() throws Exception {
		ZonedDateTime monday = LocalDate.now(SHANGHAI)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.atTime(LocalTime.of(10, 0))
			.atZone(SHANGHAI);
		TestClock.setCurrentTime(Date.from(monday.toInstant()));
		String phone = "1391234" + (1000 + (int) (Math.random() * 8999));
		String lastFour = phone.substring(phone.length() - 4);
		String caseNumber = register("赵敏", phone, null);
		String aboutAgent2 = register("钱多多", "13800001111", "agent2");

		this.tasklist.login("agent1");
		this.tasklist.openFilter("本组待认领");
		this.tasklist.openTask("本组待认领", "核实投诉", caseNumber);
		openCaseTab(caseNumber);
		String page = caseTabText();
		assertThat(page).contains("投诉案件 " + caseNumber, "级别", "一级（普通投诉）", "处理中", "处理期限", "剩余",
				"受理登记：电话，一级（普通投诉）", "处理记录", "内部备注", "附件（0）", "查找投诉案件", "暂停计时");
		screenshot("case-tab-opened");

		// an internal note
		WebElement note = this.driver.findElement(By.cssSelector("textarea[data-note-text]"));
		note.sendKeys("客户说周三下午方便接电话");
		this.tasklist.click(this.driver.findElement(By.cssSelector("button[data-add-note]")));
		this.tasklist.waiting("the note in the timeline")
			.until((d) -> caseTabText().contains("内部备注：客户说周三下午方便接电话"));

		// a photo and a scanned invoice, previewed
		upload("水壶照片.jpg", SampleFiles.jpeg());
		waitForPreview("水壶照片.jpg");
		upload("发票.pdf", SampleFiles.pdf());
		waitForPreview("发票.pdf");
		assertThat(caseTabText()).contains("附件（2）", "上传附件（证据材料）：水壶照片.jpg", "上传附件（证据材料）：发票.pdf");
		assertThat(this.driver.findElement(By.cssSelector("[data-upload-limits]")).getText())
			.startsWith("每个文件最大 20.0 MB，本案件还可上传 ");
		screenshot("photo-and-pdf-previewed");

		// a program renamed .jpg
		upload("照片.jpg", SampleFiles.exe());
		this.tasklist.waiting("the refusal of the renamed program")
			.until((d) -> !d.findElements(By.cssSelector("[data-upload-error]")).isEmpty());
		assertThat(this.driver.findElement(By.cssSelector("[data-upload-error]")).getText())
			.startsWith("不接受文件“照片.jpg”：按文件内容判断，它不是图片");
		assertThat(caseTabText()).contains("附件（2）");
		screenshot("renamed-program-refused");

		// a recording of 30 MB: refused before it is sent, with the limit
		upload("通话录音.mp3", new byte[30 * 1024 * 1024]);
		this.tasklist.waiting("the refusal of the oversized recording")
			.until((d) -> d.findElements(By.cssSelector("[data-upload-error]")).stream()
				.anyMatch((e) -> e.getText().contains("通话录音.mp3")));
		assertThat(this.driver.findElement(By.cssSelector("[data-upload-error]")).getText())
			.isEqualTo("文件“通话录音.mp3”过大（30.0 MB）：每个附件最大 20.0 MB，未上传");
		assertThat(caseTabText()).contains("附件（2）");
		screenshot("oversized-recording-refused");

		// the search finds the case by the phone's last four digits
		search(lastFour);
		assertThat(searchResults()).contains(caseNumber);
		screenshot("found-by-last-four");

		// waiting for the customer: Monday 10:00 to Wednesday 10:00 is 18 working hours
		String closeBy = closeByShown();
		assertThat(closeBy).isEqualTo(text(monday.plusDays(7)));
		this.driver.findElement(By.cssSelector("input[data-pause-reason]")).sendKeys("等客户提供购买发票");
		this.tasklist.click(this.driver.findElement(By.cssSelector("button[data-pause]")));
		this.tasklist.waiting("the case shown as waiting for the customer")
			.until((d) -> !d.findElements(By.cssSelector("[data-paused-badge]")).isEmpty());
		assertThat(caseTabText()).contains("等待客户（暂停计时）", "暂停计时中", "等待客户（暂停计时）：等客户提供购买发票",
				"恢复计时");
		screenshot("paused");
		TestClock.setCurrentTime(Date.from(monday.plusDays(2).toInstant()));
		this.tasklist.click(this.driver.findElement(By.cssSelector("button[data-resume]")));
		this.tasklist.waiting("the case running again").until((d) -> !d.findElements(By.cssSelector("button[data-pause]")).isEmpty());
		// 7 days after Monday 10:00 is next Monday 10:00; 18 working hours later: next Wednesday 10:00
		assertThat(closeByShown()).isEqualTo(text(monday.plusDays(9)));
		assertThat(caseTabText()).contains("恢复计时：各处理期限顺延 18.0 个工作小时");
		TestClock.setCurrentTime(Date.from(monday.toInstant()));
		scrollCaseTabToTop();
		screenshot("resumed");
		// the README's picture: a window tall enough for the summary, the timeline and the previews
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1900));
		scrollCaseTabToTop();
		Files.write(README_SCREENSHOT, ((RemoteWebDriver) this.driver).getScreenshotAs(OutputType.BYTES));
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));

		// agent2: the case about agent2 can be neither opened nor found
		this.tasklist.logout();
		this.tasklist.login("agent2");
		this.tasklist.openFilter("本组待认领");
		this.tasklist.openTask("本组待认领", "核实投诉", caseNumber);
		openCaseTab(caseNumber);
		search(aboutAgent2);
		assertThat(searchResults()).contains("找到 0 件投诉").doesNotContain(aboutAgent2);
		search("钱多多");
		assertThat(searchResults()).doesNotContain(aboutAgent2);
		Long status = (Long) ((JavascriptExecutor) this.driver).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch('/api/complaints/' + arguments[0] + '/timeline', {credentials: 'same-origin'}).then((r) => done(r.status));",
				aboutAgent2);
		assertThat(status).isEqualTo(404L);
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey(aboutAgent2).taskCandidateUser("agent2").count())
			.isZero();
		screenshot("agent2-finds-nothing");
	}

	private void openCaseTab(String caseNumber) {
		this.tasklist.clickWhenReady("the tab 案件", CASE_TAB);
		this.tasklist.waiting(() -> "the case tab of " + caseNumber + "; it shows " + caseTabText())
			.until((d) -> d.findElements(CASE_TITLE).stream().anyMatch((h) -> h.getText().equals("投诉案件 " + caseNumber)));
	}

	private String caseTabText() {
		List<WebElement> tab = this.driver.findElements(By.cssSelector("[data-case-tab]"));
		return tab.isEmpty() ? "" : tab.get(0).getText();
	}

	private void upload(String name, byte[] content) throws Exception {
		Path dir = Files.createTempDirectory("case-tab");
		Path file = dir.resolve(name);
		Files.write(file, content);
		int before = this.driver.findElements(By.cssSelector("[data-attachments] li")).size();
		this.driver.findElement(By.cssSelector("input[data-file-picker]")).sendKeys(file.toAbsolutePath().toString());
		this.tasklist.waiting("the upload of " + name + " answered")
			.until((d) -> d.findElements(By.cssSelector("[data-attachments] li")).size() > before
					|| !d.findElements(By.cssSelector("[data-upload-error]")).isEmpty());
	}

	private void waitForPreview(String name) {
		By preview = By.cssSelector("[data-attachments] li[data-attachment='" + name + "'] img[data-preview]");
		this.tasklist.waiting("the preview of " + name).until((d) -> {
			List<WebElement> images = d.findElements(preview);
			return !images.isEmpty() && Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", images.get(0)));
		});
	}

	private void search(String text) {
		WebElement box = this.driver.findElement(By.cssSelector("input[data-search-text]"));
		box.clear();
		box.sendKeys(text);
		((JavascriptExecutor) this.driver).executeScript("arguments[0].replaceChildren();",
				this.driver.findElement(By.cssSelector("[data-search-results]")));
		this.tasklist.click(this.driver.findElement(By.cssSelector("button[data-search]")));
		this.tasklist.waiting("search results for " + text)
			.until((d) -> !d.findElement(By.cssSelector("[data-search-results]")).getText().isBlank());
	}

	private String searchResults() {
		return this.driver.findElement(By.cssSelector("[data-search-results]")).getText();
	}

	private String closeByShown() {
		return this.driver.findElement(By.cssSelector("[data-case-tab] [data-close-by]")).getText();
	}

	private void scrollCaseTabToTop() {
		((JavascriptExecutor) this.driver).executeScript(
				"document.querySelector('[data-case-tab]').scrollIntoView({block: 'start'});");
	}

	private static String text(ZonedDateTime time) {
		return time.toLocalDate() + " " + time.toLocalTime();
	}

	/** Registers a complaint by phone as agent1 through the API; its case number. */
	private String register(String name, String phone, String accused) throws Exception {
		String body = """
				{"customerName": "%s", "contactPhone": "%s", "channel": "PHONE", "complainantType": "CONSUMER",
				 "category": "PRODUCT_QUALITY", "description": "电水壶买回两天就不加热了", "demand": "REPAIR",
				 "productCode": "KT-200", "storeCode": "SH-01"%s}""".formatted(name, phone,
				(accused != null) ? ", \"accusedEmployee\": \"" + accused + "\"" : "");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/complaints"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		Matcher number = Pattern.compile("CMP-\\d{8}-\\d{4,}").matcher(response.body());
		assertThat(number.find()).isTrue();
		return number.group();
	}

}
