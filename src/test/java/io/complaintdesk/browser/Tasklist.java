package io.complaintdesk.browser;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7 (AngularJS) and the Camunda Forms (form-js) it renders, as a person uses them:
 * log in, pick a filter, open a task by its case number, claim it, fill the form by its labels and
 * complete it. Every wait is explicit.
 */
final class Tasklist {

	static final Pattern CASE_NUMBER = Pattern.compile("CMP-\\d{8}-\\d{4,}");

	/** Generous: two cores are shared by the browser, the application and the build. */
	static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** The login form's fields, by their model (the placeholders are in the browser's language). */
	static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");

	static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[type='password']");

	private static final By FILTERS = By.cssSelector(".task-filters .task-filter h4.name a");

	private static final By TASKS = By.cssSelector("ol.tasks-list > li.task");

	private static final By TASK_FORM = By.cssSelector(".task-details .task-card form.fjs-form");

	private static final By START_FORM = By.cssSelector(".modal-dialog form.fjs-form");

	private static final By COMPLETE = By.cssSelector(".task-details .form-actions button.btn-primary");

	private static final By START = By.cssSelector(".modal-footer button.btn-primary[ng-click='startProcessInstance()']");

	private static final By NOTIFICATIONS = By.cssSelector(".page-notifications .alert");

	private final WebDriver driver;

	private final String baseUrl;

	private final Consumer<String> screenshot;

	/** The clicks a person makes in this browser (fields, buttons, options, links, toasts closed). */
	private int clicks;

	/** The logins a person makes in this browser. */
	private int logins;

	/** Who is logged in (the last login). */
	private String user;

	Tasklist(WebDriver driver, String baseUrl, Consumer<String> screenshot) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.screenshot = screenshot;
	}

	// --- session --------------------------------------------------------------------------------

	/** Logs in on Tasklist's login page with the demo password (= user id) and waits for the filters. */
	void login(String user) {
		if (this.driver.findElements(USERNAME).stream().noneMatch(WebElement::isDisplayed)) {
			this.driver.get(this.baseUrl + "/camunda/app/tasklist/default/");
		}
		long[] nextAttempt = { 0 };
		waiting(() -> "Tasklist shows " + user + " as logged in").until((d) -> {
			if (d.findElements(By.cssSelector("li.account a.dropdown-toggle"))
				.stream()
				.anyMatch((a) -> a.getText().startsWith(user))) {
				return true;
			}
			if (System.currentTimeMillis() > nextAttempt[0]
					&& d.findElements(USERNAME).stream().anyMatch(WebElement::isDisplayed)) {
				// the login view may be rendered again while Tasklist boots: check what landed where
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
		countLogin();
		this.user = user;
		waiting("Tasklist filters shown").until((d) -> !d.findElements(FILTERS).isEmpty());
		this.screenshot.accept("login-" + user);
	}

	void logout() {
		List<WebElement> oneClick = this.driver.findElements(By.cssSelector("li.cd-logout a"));
		if (!oneClick.isEmpty() && oneClick.get(0).isDisplayed()) {
			click(oneClick.get(0)); // the desk's 退出 beside the user name (logout.js)
		}
		else {
			click(this.driver.findElement(By.cssSelector("li.account a.dropdown-toggle")));
			clickWhenReady("Log out in the user menu", By.cssSelector("li.account li.logout a"));
		}
		waiting("login page after logout").until(ExpectedConditions.visibilityOfElementLocated(USERNAME));
	}

	// --- filters and the task list -----------------------------------------------------------------

	List<String> filterNames() {
		return this.driver.findElements(FILTERS).stream().map((a) -> filterName(a.getText())).toList();
	}

	/** Selects the filter of that name (the text without its counter) and waits for its list. */
	void openFilter(String name) {
		openFilter(name, false);
	}

	/**
	 * Selects the filter of that name and waits for its list; when {@code onlyIfNeeded}, a filter
	 * already selected is not clicked again (a person sees its list already).
	 */
	void openFilter(String name, boolean onlyIfNeeded) {
		if (onlyIfNeeded && this.driver.findElements(By.cssSelector(".task-filters .task-filter.active h4.name a"))
			.stream()
			.anyMatch((a) -> filterName(a.getText()).equals(name))) {
			waitForTaskList();
			return;
		}
		waiting(() -> "filter '" + name + "' among " + filterNames()).until((d) -> {
			Optional<WebElement> filter = d.findElements(FILTERS)
				.stream()
				.filter((a) -> filterName(a.getText()).equals(name))
				.findFirst();
			filter.ifPresent(this::click);
			return filter.isPresent();
		});
		waiting(() -> "filter '" + name + "' selected")
			.until((d) -> d.findElements(By.cssSelector(".task-filters .task-filter.active h4.name a"))
				.stream()
				.anyMatch((a) -> filterName(a.getText()).equals(name)));
		waitForTaskList();
	}

	/**
	 * Finds the task of that name and case in the current filter's list (the list shows the case
	 * number as a filter variable), reloading the filter while it is not there yet, and opens it.
	 */
	void openTask(String filter, String taskName, String caseNumber) {
		long[] reloadAt = { System.currentTimeMillis() + 3_000 };
		String[] href = new String[1];
		waiting(() -> "task '" + taskName + "' of " + caseNumber + " in filter '" + filter + "'; the list shows "
				+ taskListText())
			.until((d) -> {
				Optional<WebElement> found = taskLink(taskName, caseNumber);
				if (found.isEmpty()) {
					if (System.currentTimeMillis() > reloadAt[0]) {
						// Tasklist refreshes a filter's list on its own only now and then: select it again
						openFilter(filter);
						reloadAt[0] = System.currentTimeMillis() + 3_000;
					}
					return false;
				}
				href[0] = found.get().getAttribute("href");
				click(found.get()); // a list refreshed meanwhile throws stale, and the wait tries again
				return true;
			});
		Matcher taskId = Pattern.compile("[?&]task=([^&]+)").matcher(href[0]);
		String expectedId = taskId.find() ? taskId.group(1) : null;
		waiting(() -> "task '" + taskName + "' opened")
			.until((d) -> (expectedId == null || expectedId.equals(openTaskId()))
					&& d.findElements(By.cssSelector(".task-details h2.task"))
						.stream()
						.anyMatch((h) -> h.getText().startsWith(taskName)));
		waitForForm();
	}

	/**
	 * Finds the unclaimed task of that name and case in the current filter's list (reloading the
	 * filter while it is not there yet) and presses the 认领 of its list item, which claims and
	 * opens it; waits until it is open, claimed and its form editable.
	 */
	void claimFromList(String filter, String taskName, String caseNumber) {
		long[] reloadAt = { System.currentTimeMillis() + 3_000 };
		String[] taskId = new String[1];
		waiting(() -> "认领 of task '" + taskName + "' of " + caseNumber + " in filter '" + filter
				+ "'; the list shows " + taskListText())
			.until((d) -> {
				Optional<WebElement> found = taskItem(taskName, caseNumber)
					.flatMap((item) -> item.findElements(By.cssSelector("button.cd-list-claim")).stream().findFirst());
				if (found.isEmpty()) {
					if (System.currentTimeMillis() > reloadAt[0]) {
						openFilter(filter);
						reloadAt[0] = System.currentTimeMillis() + 3_000;
					}
					return false;
				}
				taskId[0] = found.get().getAttribute("data-task-id");
				click(found.get());
				return true;
			});
		waiting(() -> "task '" + taskName + "' opened from the list").until((d) -> taskId[0].equals(openTaskId()));
		waitForOpenTask(taskName);
	}

	/** The text of the 认领 button in the list item of that task (empty when it has none). */
	String listClaimText(String taskName, String caseNumber) {
		return waiting(() -> "认领 in the list item of '" + taskName + "' of " + caseNumber)
			.until((d) -> taskItem(taskName, caseNumber)
				.flatMap((item) -> item.findElements(By.cssSelector("button.cd-list-claim")).stream().findFirst())
				.map((button) -> button.getText().trim())
				.orElse(null));
	}

	/** Waits until the task of that name and case is in the current filter's list, selecting the filter again meanwhile. */
	void waitForTaskInList(String filter, String taskName, String caseNumber) {
		long[] reloadAt = { System.currentTimeMillis() + 3_000 };
		waiting(() -> "task '" + taskName + "' of " + caseNumber + " in filter '" + filter + "'; the list shows "
				+ taskListText())
			.until((d) -> {
				if (taskItem(taskName, caseNumber).isPresent()) {
					return true;
				}
				if (System.currentTimeMillis() > reloadAt[0]) {
					openFilter(filter);
					reloadAt[0] = System.currentTimeMillis() + 3_000;
				}
				return false;
			});
	}

	private Optional<WebElement> taskItem(String taskName, String caseNumber) {
		try {
			for (WebElement item : this.driver.findElements(TASKS)) {
				WebElement link = item.findElement(By.cssSelector("h4.task a"));
				if (link.getText().startsWith(taskName) && item.getText().contains(caseNumber)) {
					return Optional.of(item);
				}
			}
		}
		catch (StaleElementReferenceException | NoSuchElementException ex) {
			// the list was refreshed while we read it: try again
		}
		return Optional.empty();
	}

	/**
	 * After a completion: the notice of the case's next task (next-task.js) names it, and 继续办理
	 * claims and opens it; waits until it is open, claimed and its form editable.
	 */
	void continueWithNextTask(String taskName) {
		WebElement notice = waiting(() -> "the notice of the next task '" + taskName + "'")
			.until((d) -> d.findElements(By.cssSelector(".cd-next-task"))
				.stream()
				.filter((n) -> taskName.equals(n.getAttribute("data-task-name")))
				.findFirst()
				.orElse(null));
		String taskId = notice.getAttribute("data-task-id");
		this.screenshot.accept("next-task-notice");
		click(notice.findElement(By.cssSelector(".cd-next-task-go")));
		waiting("the notice of the next task closed")
			.until((d) -> d.findElements(By.cssSelector(".cd-next-task")).isEmpty());
		waiting(() -> "task '" + taskName + "' opened from the notice").until((d) -> taskId.equals(openTaskId()));
		waitForOpenTask(taskName);
	}

	private Optional<WebElement> taskLink(String taskName, String caseNumber) {
		try {
			for (WebElement item : this.driver.findElements(TASKS)) {
				WebElement link = item.findElement(By.cssSelector("h4.task a"));
				if (link.getText().startsWith(taskName) && item.getText().contains(caseNumber)) {
					return Optional.of(link);
				}
			}
		}
		catch (StaleElementReferenceException | NoSuchElementException ex) {
			// the list was refreshed while we read it: try again
		}
		return Optional.empty();
	}

	String taskListText() {
		try {
			return this.driver.findElements(TASKS).stream().map((li) -> li.getText().replace('\n', ' ')).toList().toString();
		}
		catch (StaleElementReferenceException ex) {
			return "(list refreshing)";
		}
	}

	private void waitForTaskList() {
		waiting("task list loaded")
			.until((d) -> !d.findElements(TASKS).isEmpty()
					|| d.findElements(By.cssSelector("[cam-tasks] .well, [cam-tasks] .alert-info"))
						.stream()
						.anyMatch(WebElement::isDisplayed));
	}

	/** Waits until the task of that name is open, claimed and its form editable. */
	void waitForOpenTask(String taskName) {
		waiting(() -> "task '" + taskName + "' open and claimed")
			.until((d) -> d.findElements(By.cssSelector(".task-details h2.task"))
				.stream()
				.anyMatch((h) -> h.getText().startsWith(taskName))
					&& !d.findElements(By.cssSelector(".task-details li.assignee .view-value")).isEmpty()
					&& d.findElements(By.cssSelector(".task-details .disabled-form")).isEmpty());
		waitForForm();
	}

	/** The id of the task open in the detail column (from Tasklist's URL {@code #/?task=…}). */
	String openTaskId() {
		Matcher matcher = Pattern.compile("[?&]task=([^&]+)").matcher(this.driver.getCurrentUrl());
		return matcher.find() ? matcher.group(1) : "";
	}

	// --- the open task ----------------------------------------------------------------------------

	/** The case header of the form summary: "Case CMP-… Level n – …". */
	String caseHeader() {
		WebElement header = waiting("case header in the form")
			.until((d) -> d.findElements(By.cssSelector(".task-details form.fjs-form .fjs-form-field-text"))
				.stream()
				.filter((text) -> text.getText().startsWith("投诉案件 "))
				.findFirst()
				.orElse(null));
		return header.getText();
	}

	/** The case number shown in the form summary of the open task. */
	String caseNumberShown() {
		Matcher matcher = CASE_NUMBER.matcher(caseHeader());
		if (!matcher.find()) {
			throw new AssertionError("No case number in the form header: " + caseHeader());
		}
		return matcher.group();
	}

	/** The task name in the header of the open task, as Tasklist shows it. */
	String taskTitle() {
		return this.driver.findElement(By.cssSelector(".task-details h2.task")).getText().trim();
	}

	/** What the list item of the task of that case reads (name, process, due date, case columns). */
	String taskListItem(String taskName, String caseNumber) {
		return waiting(() -> "list item of '" + taskName + "' of " + caseNumber).until((d) -> {
			for (WebElement item : d.findElements(TASKS)) {
				String text = item.getText();
				if (text.startsWith(taskName) && text.contains(caseNumber)) {
					return text;
				}
			}
			return null;
		});
	}

	/** The label of the claim button of the open task (before it is claimed). */
	String claimButtonText() {
		return waiting("Claim button").until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".task-details button.claim")))
			.getText()
			.trim();
	}

	void claim() {
		clickWhenReady("Claim button", By.cssSelector(".task-details button.claim"));
		waiting("task claimed")
			.until((d) -> !d.findElements(By.cssSelector(".task-details li.assignee .view-value")).isEmpty()
					&& d.findElements(By.cssSelector(".task-details .disabled-form")).isEmpty());
		waitForForm();
	}

	WebElement completeButton() {
		return this.driver.findElement(COMPLETE);
	}

	/** Clicks Complete; the caller waits for the engine to see the task gone. */
	void clickComplete() {
		dismissNotifications();
		clickWhenReady("Complete button enabled", COMPLETE);
	}

	/** After a completion: Tasklist closes the task and asks to select one in the list. */
	void waitForNoTaskOpen() {
		waiting("the completed task closed in Tasklist")
			.until((d) -> d.findElements(By.cssSelector(".task-details .no-task")).stream().anyMatch(WebElement::isDisplayed));
	}

	/** Text of the error notifications Tasklist shows, if any. */
	List<String> errorNotifications() {
		try {
			return this.driver.findElements(NOTIFICATIONS)
				.stream()
				.filter((alert) -> alert.getAttribute("class").contains("alert-danger") && alert.isDisplayed())
				.map(WebElement::getText)
				.toList();
		}
		catch (StaleElementReferenceException ex) {
			return List.of();
		}
	}

	List<String> notifications() {
		try {
			return this.driver.findElements(NOTIFICATIONS)
				.stream()
				.filter(WebElement::isDisplayed)
				.map(WebElement::getText)
				.toList();
		}
		catch (StaleElementReferenceException ex) {
			return List.of();
		}
	}

	void dismissNotifications() {
		for (WebElement close : this.driver.findElements(By.cssSelector(".page-notifications .alert button.close"))) {
			try {
				if (close.isDisplayed()) {
					close.click();
					this.clicks++;
				}
			}
			catch (RuntimeException ex) {
				// gone by itself
			}
		}
	}

	private void waitForForm() {
		waiting("task form rendered")
			.until(ExpectedConditions.visibilityOfElementLocated(TASK_FORM));
	}

	// --- start a process --------------------------------------------------------------------------

	void startProcess(String processName) {
		clickWhenReady("启动流程 link", By.cssSelector("li.start-process-action a"));
		WebElement link = waiting(() -> "process '" + processName + "' in the Start process dialog")
			.until((d) -> d.findElements(By.cssSelector(".modal-dialog ul.processes li a"))
				.stream()
				.filter((a) -> a.getText().startsWith(processName))
				.findFirst()
				.orElse(null));
		this.screenshot.accept("start-process-dialog");
		click(link);
		waiting("start form rendered").until(ExpectedConditions.visibilityOfElementLocated(START_FORM));
	}

	/** 登记投诉 in the header (register-complaint.js): the start form of 投诉处理 in one click. */
	void registerComplaint() {
		clickWhenReady("登记投诉 link", By.cssSelector("li.cd-register a"));
		waiting("start form of 投诉处理 rendered").until(ExpectedConditions.visibilityOfElementLocated(START_FORM));
	}

	WebElement startButton() {
		return this.driver.findElement(START);
	}

	void clickStart() {
		clickWhenReady("Start button enabled", START);
	}

	boolean startDialogOpen() {
		return !this.driver.findElements(START_FORM).isEmpty();
	}

	void closeStartDialog() {
		click(this.driver.findElement(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='关闭']")));
		waiting("Start process dialog closed").until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
	}

	// --- Camunda Forms ----------------------------------------------------------------------------

	/** The form in the start dialog, or else the open task's form. */
	Form form() {
		By root = startDialogOpen() ? START_FORM : TASK_FORM;
		return new Form(root);
	}

	/** A form-js form, its fields found by their label as a person reads it. */
	final class Form {

		private final By root;

		Form(By root) {
			this.root = root;
		}

		/** The editable field whose label starts with this text (summaries repeat labels, disabled). */
		WebElement field(String label) {
			return waiting(() -> "form field '" + label + "'").until((d) -> {
				WebElement form = d.findElement(this.root);
				List<WebElement> fields = form.findElements(By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
						+ "[./label[contains(@class, 'fjs-form-field-label') and starts-with(normalize-space(.), "
						+ literal(label) + ")]]"));
				return fields.stream()
					.filter((field) -> field.isDisplayed() && field
						.findElements(By.cssSelector("input[disabled], textarea[disabled], .fjs-disabled"))
						.isEmpty())
					.findFirst()
					.orElse(null);
			});
		}

		Form type(String label, String text) {
			WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
			center(input);
			input.click();
			Tasklist.this.clicks++;
			// typing over the selected old text, as a person does: one input event with the new value.
			// (Deleting first and typing right after loses a 0 in form-js's number field: its debounced
			// change of "" then "0" ends empty.)
			input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
			waiting(() -> "'" + label + "' shows '" + text + "'").until((d) -> text.equals(input.getAttribute("value")));
			return this;
		}

		/** The labels of the fields a person can see in the form, in their order (required ones end with *). */
		List<String> labels() {
			return Tasklist.this.driver.findElement(this.root)
				.findElements(By.cssSelector("label.fjs-form-field-label"))
				.stream()
				.filter(WebElement::isDisplayed)
				.map((label) -> label.getText().replace("*", "").trim())
				.filter((label) -> !label.isEmpty())
				.toList();
		}

		/** Waits until form-js shows a validation message under the field, and returns it. */
		String waitForError(String label) {
			return waiting(() -> "validation message under '" + label + "'")
				.until((d) -> error(label).isEmpty() ? null : error(label));
		}

		/** Empties the field as a person does (select all, backspace). */
		Form clear(String label) {
			WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
			center(input);
			input.click();
			Tasklist.this.clicks++;
			input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
			waiting(() -> "'" + label + "' empty").until((d) -> input.getAttribute("value").isEmpty());
			return this;
		}

		/** Picks an option of a select by the start of its label. */
		Form choose(String label, String option) {
			WebElement field = field(label);
			click(field.findElement(By.cssSelector(".fjs-select-display, .fjs-input-group")));
			WebElement item = waiting(() -> "option '" + option + "' of '" + label + "'")
				.until((d) -> field.findElements(By.cssSelector(".fjs-dropdownlist-item"))
					.stream()
					.filter((i) -> i.getText().startsWith(option))
					.findFirst()
					.orElse(null));
			click(item);
			waiting(() -> "'" + label + "' shows '" + option + "'")
				.until((d) -> field.findElement(By.cssSelector(".fjs-select-display")).getText().startsWith(option));
			return this;
		}

		/** Picks the radio option whose label starts with this text. */
		Form radio(String label, String option) {
			WebElement field = field(label);
			WebElement choice = field.findElements(By.xpath(".//label[.//input[@type='radio']]"))
				.stream()
				.filter((l) -> l.getText().trim().startsWith(option))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No option '" + option + "' in '" + label + "'"));
			// form-js validates the field typed before after a short debounce, and a message appearing
			// under it moves the options down: click once the form stands still
			settle(choice);
			click(choice);
			long[] again = { System.currentTimeMillis() + 2_000 };
			waiting("radio option selected").until((d) -> {
				if (choice.findElement(By.cssSelector("input[type='radio']")).isSelected()) {
					return true;
				}
				if (System.currentTimeMillis() > again[0]) {
					click(choice); // the click landed beside it (the form moved): a person clicks again
					again[0] = System.currentTimeMillis() + 2_000;
				}
				return false;
			});
			return this;
		}

		/** The label of the radio option chosen (empty when none). */
		String chosen(String label) {
			return field(label).findElements(By.xpath(".//label[.//input[@type='radio']]"))
				.stream()
				.filter((l) -> l.findElement(By.cssSelector("input[type='radio']")).isSelected())
				.map((l) -> l.getText().trim())
				.findFirst()
				.orElse("");
		}

		Form check(String label) {
			WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
			if (!box.isSelected()) {
				click(box);
			}
			waiting("checkbox ticked").until((d) -> box.isSelected());
			return this;
		}

		/** The validation messages form-js shows under the field (empty when valid). */
		String error(String label) {
			return field(label).findElements(By.cssSelector(".fjs-form-field-error"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> !text.isBlank())
				.findFirst()
				.orElse("");
		}

		/** The value of the text field or text area with that label. */
		String value(String label) {
			return field(label).findElement(By.cssSelector("input.fjs-input, textarea")).getAttribute("value");
		}

		/** The option a select shows as chosen. */
		String selected(String label) {
			return field(label).findElement(By.cssSelector(".fjs-select-display")).getText().trim();
		}

		/** Everything the form shows, as a person reads it. */
		String text() {
			return Tasklist.this.driver.findElement(this.root).getText();
		}

		boolean hasField(String label) {
			WebElement form = Tasklist.this.driver.findElement(this.root);
			return form.findElements(By.xpath(".//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
					+ "[./label[contains(@class, 'fjs-form-field-label') and starts-with(normalize-space(.), "
					+ literal(label) + ")]]"))
				.stream()
				.anyMatch(WebElement::isDisplayed);
		}

		Form scrollTo(String label) {
			center(field(label));
			return this;
		}

	}

	// --- helpers ----------------------------------------------------------------------------------

	/**
	 * Waits until the element stands still: form-js renders a field's validation message after a
	 * debounce (300 ms), which moves what lies below it; the element's position must be the same on three
	 * polls in a row (200 ms apart) before it is clicked.
	 */
	private void settle(WebElement element) {
		Object[] last = { null };
		int[] still = { 0 };
		waiting("the form standing still").until((d) -> {
			Object position = ((JavascriptExecutor) d)
				.executeScript("var r = arguments[0].getBoundingClientRect(); return r.top + ',' + r.left;", element);
			still[0] = position.equals(last[0]) ? still[0] + 1 : 0;
			last[0] = position;
			return still[0] >= 2;
		});
	}

	void center(WebElement element) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	/** Waits until the element is displayed and enabled and clicks it, again if Angular re-rendered it. */
	void clickWhenReady(String what, By locator) {
		waiting(what).until((d) -> {
			WebElement element = d.findElement(locator);
			if (!element.isDisplayed() || !element.isEnabled()) {
				return false;
			}
			click(element);
			return true;
		});
	}

	/** Scrolls the element to the middle of its pane and clicks it, again if an overlay was in the way. */
	void click(WebElement element) {
		center(element);
		try {
			element.click();
			this.clicks++;
		}
		catch (ElementClickInterceptedException ex) {
			dismissNotifications();
			waiting("notifications closed").until(
					ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
			center(element);
			element.click();
			this.clicks++;
		}
	}

	/** A login counts as one person's work: the user name and password typed, the button clicked. */
	void countLogin() {
		this.logins++;
		this.clicks += 3;
	}

	int clicks() {
		return this.clicks;
	}

	/** Clicks a test made only to check a trap, which a person on the journey does not make. */
	void discount(int clicks) {
		this.clicks -= clicks;
	}

	String user() {
		return this.user;
	}

	int logins() {
		return this.logins;
	}

	/** An explicit wait that retries when Angular re-rendered what it looked at. */
	WebDriverWait waiting(String what) {
		return waiting(what, TIMEOUT);
	}

	WebDriverWait waiting(String what, Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(200));
		wait.ignoring(StaleElementReferenceException.class, ElementClickInterceptedException.class);
		wait.withMessage(what);
		return wait;
	}

	/** Same as {@link #waiting(String)}, with a message computed when the wait failed. */
	WebDriverWait waiting(java.util.function.Supplier<String> what) {
		WebDriverWait wait = new WebDriverWait(this.driver, TIMEOUT, Duration.ofMillis(200));
		wait.ignoring(StaleElementReferenceException.class, ElementClickInterceptedException.class);
		wait.withMessage(what);
		return wait;
	}

	private static String filterName(String text) {
		// "本组待认领\n(1)" or "本组待认领 (1)": the name without its counter
		return text.replaceAll("\\s*\\(\\d+\\)\\s*$", "").replaceAll("\\s+\\d+$", "").trim();
	}

	private static String literal(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

}
