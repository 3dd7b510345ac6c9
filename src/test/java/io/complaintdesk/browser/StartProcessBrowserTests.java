package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Tasklist's "启动流程" (Start process) link is there for those who may start a process, and gone
 * for those who may start none (scripts/complaint-desk/start-process.js asks the engine): brand and
 * legal (legal1) register nothing, so they do not see it; an agent starts 投诉处理, a clerk the
 * reports (投诉周报和投诉统计月报), and each finds exactly those in the dialog. One browser, the
 * three users one after the other: the link follows whoever is logged in.
 */
@Tag("browser")
class StartProcessBrowserTests extends BrowserTestSupport {

	private static final By START_PROCESS = By.cssSelector("li.start-process-action");

	private static final By HTML = By.tagName("html");

	@Test
	void startProcessIsShownOnlyToThoseWhoMayStartAProcess() {
		// brand and legal: no process to start, no link
		this.tasklist.login("legal1");
		waitForTheCheck("hidden");
		assertThat(this.driver.findElements(START_PROCESS)).as("启动流程 for legal1").noneMatch(WebElement::isDisplayed);
		assertThat(this.driver.findElement(By.tagName("body")).getText()).as("what legal1 reads").doesNotContain("启动流程");
		screenshot("legal1-without-start-process");
		this.tasklist.logout();

		// an agent registers complaints: the link, and 投诉处理 in its dialog
		this.tasklist.login("agent1");
		waitForTheCheck("shown");
		assertThat(this.driver.findElement(START_PROCESS).getText()).isEqualTo("启动流程");
		assertThat(processesInTheDialog()).containsExactly("投诉处理");
		screenshot("agent1-start-process-dialog");
		this.tasklist.closeStartDialog();
		this.tasklist.logout();

		// a clerk asks for a report on demand: the link, and the report process only
		this.tasklist.login("clerk1");
		waitForTheCheck("shown");
		assertThat(this.driver.findElement(START_PROCESS).getText()).isEqualTo("启动流程");
		assertThat(processesInTheDialog()).containsExactly("投诉周报和投诉统计月报");
		screenshot("clerk1-start-process-dialog");
		this.tasklist.closeStartDialog();
	}

	/** Waits for the script's answer for the user now logged in (it marks the page when it has one). */
	private void waitForTheCheck(String expected) {
		this.tasklist.waiting(() -> "启动流程 " + expected + "; the page says "
				+ this.driver.findElement(HTML).getAttribute("data-start-process"))
			.until((d) -> expected.equals(d.findElement(HTML).getAttribute("data-start-process"))
					&& d.findElements(START_PROCESS).stream().anyMatch(WebElement::isDisplayed) == "shown".equals(expected));
	}

	/** Opens 启动流程 and reads the names of the processes it offers. */
	private List<String> processesInTheDialog() {
		this.tasklist.clickWhenReady("启动流程 link", By.cssSelector("li.start-process-action a"));
		By processes = By.cssSelector(".modal-dialog ul.processes li a");
		this.tasklist.waiting("processes listed in the 启动流程 dialog")
			.until((d) -> !d.findElements(processes).isEmpty());
		return this.driver.findElements(processes).stream().map((a) -> a.getText().trim()).toList();
	}

}
