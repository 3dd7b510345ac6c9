package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One complaint from registration to archive, in Tasklist, by the people of POLICY §1: an agent
 * registers and verifies it and handles it at level 1, a supervisor reviews, the customer is
 * dissatisfied at the callback (4), so the complaint is raised to level 2 (POLICY §6): the
 * supervisor handles it, a director reviews, the supervisor calls back (satisfied, 2) and the clerk
 * archives it. Every task is found in the group's "本组待认领" filter by its case number.
 */
@Tag("browser")
class ComplaintJourneyBrowserTests extends BrowserTestSupport {

	@Autowired
	RepositoryService repositoryService;

	static final String PROCESS = "complaint-handling";

	static final String UNCLAIMED = "本组待认领";

	/** A consumer of the demo customer master (qualified, not blacklisted). */
	static final String CUSTOMER_ID = "C-0011";

	static final String CUSTOMER_NAME = "王芳";

	static final String CALLBACK_NOTE = "客户嫌维修太慢，要求换新";

	final String description = "电热水壶买回两天就不加热了 " + UUID.randomUUID().toString().substring(0, 4);

	/**
	 * Everything is checked as the person reads it, in Chinese: the task's name in the list and over
	 * the open task (as the models name them), 认领, 完成 and 启动, the form's labels, the message
	 * under a mistyped phone number, and at the end the 投诉受理台 dashboard super1 finds in Cockpit.
	 */
	@Test
	void complaintTravelsFromRegistrationThroughAnUpgradeToTheArchive() {
		// agent1 registers the complaint in Tasklist's start form
		this.tasklist.login("agent1");
		assertThat(this.tasklist.filterNames()).as("the agents' Tasklist filters")
			.contains("我的投诉", UNCLAIMED, "已逾期", "今日到期", "VIP 与优选客户",
					"重大投诉");
		// 登记投诉 in the header opens the complaint's start form at once (not 启动流程, then 投诉处理)
		this.tasklist.registerComplaint();
		screenshot("start-form-empty");
		Tasklist.Form start = this.tasklist.form();
		assertThat(start.labels()).as("labels of the start form (受理登记)")
			.containsSubsequence("投诉人姓名", "投诉人类型", "联系电话", "客户编号", "投诉渠道", "投诉类别", "投诉内容",
					"产品编号", "门店编号", "客户诉求", "索赔金额");
		assertThat(this.tasklist.startButton().getText()).as("the start button").isEqualTo("启动");

		// the customer id fills in what the desk knows, and says tier and blacklist before the start
		start.type("客户编号", CUSTOMER_ID);
		String customerInfo = this.tasklist.waiting("the customer found by 客户编号")
			.until((d) -> d.findElements(By.cssSelector(".cd-customer-info"))
				.stream()
				.map(WebElement::getText)
				.filter((text) -> text.startsWith("客户："))
				.findFirst()
				.orElse(null));
		assertThat(customerInfo).as("the line under 客户编号")
			.contains("客户：" + CUSTOMER_NAME, "客户级别：合格类客户", "客户黑名单：否", "联系电话按权限隐藏");
		this.tasklist.waiting("name and type filled in").until((d) -> CUSTOMER_NAME.equals(start.value("投诉人姓名")));
		assertThat(start.selected("投诉人类型")).isEqualTo("消费者");
		assertThat(start.value("联系电话")).as("a masked phone is never copied into the form").isEmpty();
		start.scrollTo("客户编号");
		screenshot("start-form-customer-found");

		// a mistyped phone number: the form says in Chinese what to type, and nothing can be started
		start.type("联系电话", "一三九")
			.radio("投诉渠道", "电话");
		assertThat(start.waitForError("联系电话")).as("message under 联系电话 for '一三九'")
			.isEqualTo("格式不正确：请输入有效的电话号码，如 139 1234 5678。");
		assertThat(this.tasklist.startButton().isEnabled()).as("启动 with a bad phone number").isFalse();
		start.scrollTo("联系电话");
		screenshot("start-form-bad-phone");

		start.type("联系电话", "139 5800 1234")
			.radio("投诉类别", "产品质量")
			.type("投诉内容", this.description)
			.type("产品编号", "KT-200")
			.type("门店编号", "SH-01")
			.radio("客户诉求", "维修")
			.scrollTo("投诉渠道");
		assertThat(start.error("联系电话")).as("message under 联系电话 once corrected").isEmpty();
		screenshot("start-form-filled");
		this.tasklist.clickStart();
		this.tasklist.waiting("the process started").until((d) -> !this.tasklist.startDialogOpen());

		// the case number and the close-by date, right away, until the agent closes the notice
		WebElement notice = this.tasklist.waiting("the notice of the new case")
			.until((d) -> d.findElements(By.cssSelector(".cd-start-notice")).stream().findFirst().orElse(null));
		String caseNumber = notice.getAttribute("data-case-number");
		assertThat(caseNumber).matches(Tasklist.CASE_NUMBER);
		assertThat(caseNumber).as("the case registered").isEqualTo(caseNumberOf(this.description));
		assertThat(notice.getText()).contains("投诉已受理登记", "受理编号 " + caseNumber, "处理期限", "前结案", "立即核实");
		assertThat(notice.findElement(By.cssSelector(".cd-start-notice-close")).getText()).as("close-by date")
			.matches("\\d{4}-\\d{2}-\\d{2}.*");
		screenshot("started-" + caseNumber);

		// agent1 verifies it at once from the notice (立即核实: claimed and opened); first the trap of
		// issue 15 (not valid, Complete with no answer, valid), then valid: Complete must be enabled again
		this.tasklist.click(notice.findElement(By.cssSelector(".cd-start-notice-verify")));
		this.tasklist.waiting("the notice closed")
			.until((d) -> d.findElements(By.cssSelector(".cd-start-notice")).isEmpty());
		this.tasklist.waitForOpenTask("核实投诉");
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey("verifyComplaint")
			.taskAssignee("agent1")
			.count()).as("the verification claimed by agent1 from the notice").isOne();
		workOpenTask("核实投诉", "verifyComplaint", caseNumber, "verify",
				List.of("投诉人", "联系电话", "投诉内容", "投诉是否成立", "客户情绪激动"),
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> {
					int before = this.tasklist.clicks();
					form.radio("投诉是否成立", "投诉不成立");
					this.tasklist.clickComplete();
					assertThat(form.waitForError("给客户的答复")).isEqualTo("此项为必填项。");
					this.tasklist.waiting("Complete refused").until((d) -> !this.tasklist.completeButton().isEnabled());
					screenshot("verify-trap-refused");
					// the refusal's toast belongs to the trap too: a person on the journey never sees it
					this.tasklist.dismissNotifications();
					this.tasklist.discount(this.tasklist.clicks() - before);
					form.radio("投诉是否成立", "投诉成立");
					this.tasklist.waiting("Complete enabled again after switching to 投诉成立")
						.until((d) -> this.tasklist.completeButton().isEnabled());
				});

		// agent1 handles it at level 1, no compensation: after 完成 the notice names the case's next
		// task, offered to agent1's group, and 继续办理 claims and opens it
		this.tasklist.continueWithNextTask("处理投诉");
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey("handleComplaint")
			.taskAssignee("agent1")
			.count()).as("the handling claimed by agent1 from the notice").isOne();
		workOpenTask("处理投诉", "handleComplaint", caseNumber, "handle-level-1",
				List.of("投诉人", "投诉内容", "发生原因", "责任部门", "结论", "对策", "处理结果", "赔偿金额", "公司有责任"),
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> {
					// no compensation: the amount stands at 0 until the handler types one
					assertThat(form.value("赔偿金额")).as("赔偿金额 before anything is typed").isEqualTo("0");
					form.type("责任部门", "售后服务部").type("处理结果", "已在 SH-01 门店免费保修维修");
				});
		this.tasklist.logout();

		// super1 (the level above) approves the handling
		this.tasklist.login("super1");
		work(UNCLAIMED, "审核处理结果", "reviewHandling", caseNumber, "review-level-1",
				List.of("投诉人", "处理结果", "赔偿金额", "审核结论"),
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.radio("审核结论", "审核通过"));
		this.tasklist.logout();

		// agent2 calls the customer back: reached, dissatisfied (4), so the complaint goes up a level
		this.tasklist.login("agent2");
		work(UNCLAIMED, "回访客户", "callbackCustomer", caseNumber, "callback-dissatisfied",
				List.of("投诉人", "联系电话", "处理结果", "是否联系上客户"),
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> {
					form.radio("是否联系上客户", "已联系上").radio("满意度", "4 ");
					// a callback is a phone call unless the customer is visited: 电话回访 stands chosen
					assertThat(form.chosen("回访方式")).as("回访方式 before anything is chosen").isEqualTo("电话回访");
					form.type("回访记录", CALLBACK_NOTE);
				});
		this.tasklist.logout();

		// super1 now finds the same case at level 2 in the supervisors' unclaimed queue and handles it
		this.tasklist.login("super1");
		work(UNCLAIMED, "处理投诉", "handleComplaint", caseNumber, "handle-level-2",
				List.of("投诉人", "投诉内容", "责任部门", "处理结果", "赔偿金额", "公司有责任"),
				(header) -> assertThat(header).as("form summary of the upgraded case")
					.contains("投诉案件 " + caseNumber)
					.contains("二级（较严重投诉）")
					.contains("第 2 轮处理"),
				(form) -> {
					// why the customer is unhappy: round 1 with its callback note, on the round-2 form
					assertThat(form.text()).as("the rounds on the round-2 form")
						.contains("处理经过（全部轮次）", "第 1 轮处理", "处理人 agent1", "已在 SH-01 门店免费保修维修",
								"回访：4 不满意", "回访备注：" + CALLBACK_NOTE, "第 2 轮处理");
					// the investigation report of round 1 stands (same department, no compensation)
					assertThat(form.value("责任部门")).as("责任部门 carried from round 1").isEqualTo("售后服务部");
					assertThat(form.value("赔偿金额")).as("赔偿金额 carried from round 1").isEqualTo("0");
					form.type("处理结果", "为客户更换同型号新水壶");
				});
		this.tasklist.logout();

		// director1 reviews the level-2 handling
		this.tasklist.login("director1");
		work(UNCLAIMED, "审核处理结果", "reviewHandling", caseNumber, "review-level-2",
				List.of("投诉人", "处理结果", "赔偿金额", "审核结论"),
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> form.radio("审核结论", "审核通过"));
		this.tasklist.logout();

		// super1 calls back at level 2: satisfied (2)
		this.tasklist.login("super1");
		work(UNCLAIMED, "回访客户", "callbackCustomer", caseNumber, "callback-satisfied",
				List.of("投诉人", "联系电话", "处理结果", "是否联系上客户"),
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> {
					form.radio("是否联系上客户", "已联系上").radio("满意度", "2 ");
					assertThat(form.chosen("回访方式")).as("回访方式 before anything is chosen").isEqualTo("电话回访");
				});
		this.tasklist.logout();

		// clerk1 archives the closed case
		this.tasklist.login("clerk1");
		work(UNCLAIMED, "案件归档", "archiveCase", caseNumber, "archive",
				List.of("投诉人", "投诉内容", "处理结果", "全部表单齐全，已归档"),
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> {
					assertThat(form.text()).as("every round at the archive")
						.contains("第 1 轮处理", "已在 SH-01 门店免费保修维修", "回访：4 不满意", "回访备注：" + CALLBACK_NOTE,
								"第 2 轮处理", "处理人 super1", "为客户更换同型号新水壶", "赔偿 ¥0.00", "回访：2 满意");
					form.check("全部表单齐全");
				});

		this.tasklist.logout();
		System.out.printf("JOURNEY-CLICKS tasklist: %d clicks, %d logins%n", this.tasklist.clicks(),
				this.tasklist.logins());
		// issue 15: at least a third fewer clicks than the 102 the same journey took before (105 with Cockpit)
		assertThat(this.tasklist.clicks()).as("Tasklist clicks of the journey").isLessThanOrEqualTo(68);

		// super1 watches the desk in Cockpit: the 投诉受理台 dashboard first, with the supervisors' panels
		openCockpit("super1");
		WebElement dashboard = this.tasklist.waiting("the 投诉受理台 dashboard with its charts")
			.until((d) -> d.findElements(By.cssSelector(".complaint-desk-dashboard[data-charts='ready']"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(this.driver.findElement(By.cssSelector(".dashboard")).getText()).as("Cockpit's own dashboard")
			.contains("运行中的流程实例");
		assertThat(dashboard.getText()).as("the 投诉受理台 dashboard")
			.contains("投诉受理台", "未结投诉", "受理编号", "处理期限", "首次联系", "提出解决方案", "满意度回访",
					"待审批的赔偿", "各受理人的未办任务", "各组待认领", "查询已结案件")
			.doesNotContain("Complaint desk", "Overdue", "Open cases");
		Number deskTop = (Number) js("return arguments[0].getBoundingClientRect().top;", dashboard);
		Number rightNowTop = (Number) js(
				"return document.querySelector('.dashboard section.actual').getBoundingClientRect().top;");
		assertThat(deskTop.doubleValue()).as("the desk's dashboard above Cockpit's 当前 (Right Now)")
			.isLessThan(rightNowTop.doubleValue());
		screenshot("cockpit-dashboard-super1");

		// a closed case looked up by its number
		WebElement q = dashboard.findElement(By.cssSelector(".cd-lookup-q"));
		this.tasklist.click(q);
		q.sendKeys(caseNumber);
		this.tasklist.click(dashboard.findElement(By.cssSelector(".cd-lookup-go")));
		WebElement found = this.tasklist.waiting("the closed case found")
			.until((d) -> d.findElements(By.cssSelector(".cd-lookup-result tr[data-case='" + caseNumber + "']"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(found.getText()).contains(caseNumber, CUSTOMER_NAME, "二级", "已解决");
		js("arguments[0].scrollIntoView({block: 'center'});", found);
		screenshot("cockpit-closed-case-lookup");

		// Human Tasks and the process page without the red errors of earlier versions
		this.driver.get("http://localhost:" + this.port + "/camunda/app/cockpit/default/#/tasks");
		this.tasklist.waiting("Cockpit's Human Tasks page")
			.until((d) -> !d.findElements(By.cssSelector("[cam-widget-search], .tasks-dashboard, .dashboard")).isEmpty());
		waitForCockpitIdle("Human Tasks");
		assertThat(cockpitErrors()).as("errors on Human Tasks").isEmpty();
		screenshot("cockpit-human-tasks");
		String definitionId = this.repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS)
			.latestVersion()
			.singleResult()
			.getId();
		this.driver.get("http://localhost:" + this.port + "/camunda/app/cockpit/default/#/process-definition/"
				+ definitionId + "/runtime");
		this.tasklist.waiting("the process page with its diagram")
			.until((d) -> !d.findElements(By.cssSelector(".djs-container, [cam-widget-bpmn-viewer]")).isEmpty());
		waitForCockpitIdle("the process page");
		assertThat(cockpitErrors()).as("errors on the process page").isEmpty();
		screenshot("cockpit-process-page");

		// the engine agrees: the case ended resolved, at level 2, after two handling rounds
		HistoricProcessInstance instance = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS)
			.processInstanceBusinessKey(caseNumber)
			.singleResult();
		assertThat(instance.getEndTime()).as("end of %s", caseNumber).isNotNull();
		assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count())
			.isZero();
		Map<String, Object> variables = variablesOf(instance.getId());
		assertThat(variables.get("outcome")).hasToString("RESOLVED");
		assertThat(variables.get("level")).isInstanceOf(Number.class);
		assertThat(((Number) variables.get("level")).intValue()).as("level").isEqualTo(2);
		assertThat(((Number) variables.get("round")).intValue()).as("round").isEqualTo(2);
		assertThat(variables.get("satisfaction")).as("last satisfaction answer").hasToString("2");
	}

	/**
	 * One step of a person in Tasklist: the filter, the case's task in it, the form summary, claim,
	 * fill, complete; then waits until the engine has completed the task.
	 */
	private void work(String filter, String taskName, String taskKey, String caseNumber, String step,
			List<String> labels, Consumer<String> checkHeader, Consumer<Tasklist.Form> fill) {
		// a filter already selected is not clicked again (after a completion Tasklist keeps it)
		this.tasklist.openFilter(filter, true);
		this.tasklist.waitForTaskInList(filter, taskName, caseNumber);
		// what the person reads: the task's name in the list (with its process) and over the task
		String item = this.tasklist.waiting(() -> "badges in the list item of " + taskKey)
			.until((d) -> {
				String text = this.tasklist.taskListItem(taskName, caseNumber);
				return text.contains("截止") ? text : null;
			});
		assertThat(item).as("list item of %s", taskKey)
			.startsWith(taskName)
			.contains(taskKey.equals("callbackCustomer") ? "投诉回访" : "投诉处理")
			// level as a word, the priority as a word (a qualified client's level-1/2 case: 普通), the due date
			.containsPattern("[一二]级")
			.contains("普通", "截止")
			.doesNotContain("true");
		assertThat(this.driver.getCurrentUrl()).as("the list sorted as the filters sort: priority, then due date")
			.contains("sorting=")
			.contains("priority");
		// 认领 in the list item claims the task and opens it, ready to fill in
		assertThat(this.tasklist.listClaimText(taskName, caseNumber)).as("认领 in the list item of '%s'", taskName)
			.isEqualTo("认领");
		screenshot(step + "-task-in-filter");
		this.tasklist.claimFromList(filter, taskName, caseNumber);
		assertThat(this.taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(taskKey)
			.taskAssignee(this.tasklist.user())
			.count()).as("%s claimed from the list", taskKey).isOne();
		workOpenTask(taskName, taskKey, caseNumber, step, labels, checkHeader, fill);
	}

	/** The open, claimed task: its header, its form's labels, fill, complete; waits until the engine completed it. */
	private void workOpenTask(String taskName, String taskKey, String caseNumber, String step, List<String> labels,
			Consumer<String> checkHeader, Consumer<Tasklist.Form> fill) {
		assertThat(this.tasklist.taskTitle()).as("header of the open task %s", taskKey).isEqualTo(taskName);
		assertThat(this.tasklist.caseNumberShown()).as("case in the form summary of '%s'", taskName)
			.isEqualTo(caseNumber);
		checkHeader.accept(this.tasklist.caseHeader());
		String taskId = this.tasklist.openTaskId();
		assertThat(this.taskService.createTaskQuery()
			.taskId(taskId)
			.taskDefinitionKey(taskKey)
			.processInstanceBusinessKey(caseNumber)
			.count()).as("the task open in Tasklist is %s of %s", taskKey, caseNumber).isOne();
		Tasklist.Form form = this.tasklist.form();
		assertThat(form.labels()).as("labels of the form of '%s'", taskName).containsAll(labels);
		fill.accept(form);
		assertThat(this.tasklist.completeButton().getText()).as("complete button of '%s'", taskName).isEqualTo("完成");
		screenshot(step + "-form-filled");
		this.tasklist.clickComplete();
		this.tasklist.waiting(() -> "'" + taskName + "' of " + caseNumber
				+ " completed; Tasklist says " + this.tasklist.notifications())
			.until((d) -> {
				assertThat(this.tasklist.errorNotifications()).as("Tasklist errors completing '%s'", taskName).isEmpty();
				return this.taskService.createTaskQuery().taskId(taskId).count() == 0;
			});
		this.tasklist.waitForNoTaskOpen();
		screenshot(step + "-completed");
		System.out.printf("JOURNEY-STEP %s: %d clicks so far%n", step, this.tasklist.clicks());
	}

	/** Opens Cockpit and logs in there with the demo password (= user id), as on Tasklist. */
	private void openCockpit(String user) {
		this.driver.get("http://localhost:" + this.port + "/camunda/app/cockpit/default/");
		long[] nextAttempt = { 0 };
		this.tasklist.waiting(() -> "Cockpit shows " + user + " as logged in").until((d) -> {
			if (d.findElements(By.cssSelector("li.account a.dropdown-toggle"))
				.stream()
				.anyMatch((a) -> a.getText().startsWith(user))) {
				return true;
			}
			if (System.currentTimeMillis() > nextAttempt[0]
					&& d.findElements(Tasklist.USERNAME).stream().anyMatch(WebElement::isDisplayed)) {
				WebElement username = d.findElement(Tasklist.USERNAME);
				WebElement password = d.findElement(Tasklist.PASSWORD);
				username.sendKeys(Keys.chord(Keys.CONTROL, "a"), user);
				password.sendKeys(Keys.chord(Keys.CONTROL, "a"), user);
				if (user.equals(username.getAttribute("value")) && user.equals(password.getAttribute("value"))) {
					d.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
					nextAttempt[0] = System.currentTimeMillis() + 5_000;
				}
			}
			return false;
		});
		this.tasklist.countLogin();
		screenshot("cockpit-login-" + user);
	}

	/** The case number the engine gave the complaint registered with this description (business key). */
	private String caseNumberOf(String description) {
		String caseNumber = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS)
			.variableValueEquals("description", description)
			.singleResult()
			.getBusinessKey();
		assertThat(caseNumber).matches(Tasklist.CASE_NUMBER);
		return caseNumber;
	}

	private Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	/** The red notifications Cockpit shows now. */
	private List<String> cockpitErrors() {
		return this.driver.findElements(By.cssSelector(".page-notifications .alert-danger, .notifications-panel .alert-danger"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * Waits until Cockpit has no request of its own in flight (AngularJS {@code $http.pendingRequests}) on
	 * two polls in a row: every answer the page asked for has come, so every error it would show is shown.
	 */
	private void waitForCockpitIdle(String page) {
		int[] idlePolls = { 0 };
		this.tasklist.waiting("Cockpit's requests of " + page + " answered").until((d) -> {
			Object pending = js("var i = window.angular && angular.element(document.body).injector();"
					+ " return i ? i.get('$http').pendingRequests.length : -1;");
			idlePolls[0] = (pending instanceof Number n && n.intValue() == 0) ? idlePolls[0] + 1 : 0;
			return idlePolls[0] >= 2;
		});
	}

	private Map<String, Object> variablesOf(String processInstanceId) {
		return this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.list()
			.stream()
			// the instance's own variables, not those local to one of its activities
			.filter((v) -> processInstanceId.equals(v.getActivityInstanceId()) && v.getValue() != null)
			.collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
	}

}
