package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * One complaint from registration to archive, in Tasklist, by the people of POLICY §1: an agent
 * registers and verifies it and handles it at level 1, a supervisor reviews, the customer is
 * dissatisfied at the callback (4), so the complaint is raised to level 2 (POLICY §6): the
 * supervisor handles it, a director reviews, the supervisor calls back (satisfied, 2) and the clerk
 * archives it. Every task is found in the group's "本组待认领" filter by its case number.
 */
@Tag("browser")
class ComplaintJourneyBrowserTests extends BrowserTestSupport {

	static final String PROCESS = "complaint-handling";

	static final String UNCLAIMED = "本组待认领";

	/**
	 * Everything is checked as the person reads it, in Chinese: the task's name in the list and over
	 * the open task (as the models name them), 认领, 完成 and 启动, the form's labels, the message
	 * under a mistyped phone number, and at the end the 投诉受理台 dashboard super1 finds in Cockpit.
	 */
	@Test
	void complaintTravelsFromRegistrationThroughAnUpgradeToTheArchive() {
		String customer = "赵磊 " + UUID.randomUUID().toString().substring(0, 4);

		// agent1 registers the complaint in Tasklist's start form
		this.tasklist.login("agent1");
		assertThat(this.tasklist.filterNames()).as("the agents' Tasklist filters")
			.contains("我的投诉", UNCLAIMED, "已逾期", "今日到期", "VIP 与优选客户",
					"重大投诉");
		this.tasklist.startProcess("投诉处理");
		screenshot("start-form-empty");
		Tasklist.Form start = this.tasklist.form();
		assertThat(start.labels()).as("labels of the start form (受理登记)")
			.containsSubsequence("投诉人姓名", "投诉人类型", "联系电话", "客户编号", "投诉渠道", "投诉类别", "投诉内容",
					"产品编号", "门店编号", "客户诉求", "索赔金额");
		assertThat(this.tasklist.startButton().getText()).as("the start button").isEqualTo("启动");

		// a mistyped phone number: the form says in Chinese what to type, and nothing can be started
		start.type("投诉人姓名", customer)
			.choose("投诉人类型", "消费者")
			.type("联系电话", "一三九")
			.choose("投诉渠道", "电话");
		assertThat(start.waitForError("联系电话")).as("message under 联系电话 for '一三九'")
			.isEqualTo("格式不正确：请输入有效的电话号码，如 139 1234 5678。");
		assertThat(this.tasklist.startButton().isEnabled()).as("启动 with a bad phone number").isFalse();
		start.scrollTo("联系电话");
		screenshot("start-form-bad-phone");

		start.type("联系电话", "139 1234 5678")
			.choose("投诉类别", "产品质量")
			.type("投诉内容", "电热水壶买回两天就不加热了")
			.type("产品编号", "KT-200")
			.type("门店编号", "SH-01")
			.choose("客户诉求", "维修")
			.scrollTo("投诉渠道");
		assertThat(start.error("联系电话")).as("message under 联系电话 once corrected").isEmpty();
		screenshot("start-form-filled");
		this.tasklist.clickStart();
		this.tasklist.waiting("the process started").until((d) -> !this.tasklist.startDialogOpen());
		String caseNumber = caseNumberOf(customer);
		screenshot("started-" + caseNumber);

		// agent1 verifies it: valid
		work(UNCLAIMED, "核实投诉", "verifyComplaint", caseNumber, "verify",
				List.of("投诉人", "联系电话", "投诉内容", "投诉是否成立", "客户情绪激动"),
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.radio("投诉是否成立", "投诉成立"));

		// agent1 handles it at level 1, no compensation
		work(UNCLAIMED, "处理投诉", "handleComplaint", caseNumber, "handle-level-1",
				List.of("投诉人", "投诉内容", "处理结果", "赔偿金额", "公司有责任"),
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.type("处理结果", "已在 SH-01 门店免费保修维修")
					.type("赔偿金额", "0"));
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
				(form) -> form.radio("是否联系上客户", "已联系上")
					.choose("满意度", "4 ")
					.choose("回访方式", "电话回访"));
		this.tasklist.logout();

		// super1 now finds the same case at level 2 in the supervisors' unclaimed queue and handles it
		this.tasklist.login("super1");
		work(UNCLAIMED, "处理投诉", "handleComplaint", caseNumber, "handle-level-2",
				List.of("投诉人", "投诉内容", "处理结果", "赔偿金额", "公司有责任"),
				(header) -> assertThat(header).as("form summary of the upgraded case")
					.contains("投诉案件 " + caseNumber)
					.contains("二级（较严重投诉）")
					.contains("第 2 轮处理"),
				(form) -> form.type("处理结果", "为客户更换同型号新水壶")
					.type("赔偿金额", "0"));
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
				(form) -> form.radio("是否联系上客户", "已联系上")
					.choose("满意度", "2 ")
					.choose("回访方式", "电话回访"));
		this.tasklist.logout();

		// clerk1 archives the closed case
		this.tasklist.login("clerk1");
		work(UNCLAIMED, "案件归档", "archiveCase", caseNumber, "archive",
				List.of("投诉人", "投诉内容", "处理结果", "全部表单齐全，已归档"),
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> form.check("全部表单齐全"));

		this.tasklist.logout();
		System.out.printf("JOURNEY-CLICKS tasklist: %d clicks, %d logins%n", this.tasklist.clicks(),
				this.tasklist.logins());

		// super1 watches the desk in Cockpit: the 投诉受理台 dashboard below Cockpit's own
		openCockpit("super1");
		WebElement dashboard = this.tasklist.waiting("the 投诉受理台 dashboard with its charts")
			.until((d) -> d.findElements(By.cssSelector(".complaint-desk-dashboard[data-charts='ready']"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(this.driver.findElement(By.cssSelector(".dashboard")).getText()).as("Cockpit's own dashboard")
			.contains("运行中的流程实例");
		assertThat(dashboard.getText()).as("the 投诉受理台 dashboard")
			.contains("投诉受理台", "未结投诉", "受理编号", "处理期限")
			.doesNotContain("Complaint desk", "Overdue", "Open cases");
		// Cockpit's "自定义插件" section, which holds the dashboard, at the top of the window
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].closest('section').scrollIntoView({block: 'start'});", dashboard);
		screenshot("cockpit-dashboard-super1");

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
		this.tasklist.openFilter(filter);
		this.tasklist.openTask(filter, taskName, caseNumber);
		// what the person reads: the task's name in the list (with its process) and over the task
		assertThat(this.tasklist.taskListItem(taskName, caseNumber)).as("list item of %s", taskKey)
			.startsWith(taskName)
			.contains(taskKey.equals("callbackCustomer") ? "投诉回访" : "投诉处理");
		assertThat(this.tasklist.taskTitle()).as("header of the open task %s", taskKey).isEqualTo(taskName);
		assertThat(this.tasklist.caseNumberShown()).as("case in the form summary of '%s'", taskName)
			.isEqualTo(caseNumber);
		checkHeader.accept(this.tasklist.caseHeader());
		assertThat(this.tasklist.claimButtonText()).as("claim button of '%s'", taskName).isEqualTo("认领");
		screenshot(step + "-task-in-filter");
		String taskId = this.tasklist.openTaskId();
		assertThat(this.taskService.createTaskQuery()
			.taskId(taskId)
			.taskDefinitionKey(taskKey)
			.processInstanceBusinessKey(caseNumber)
			.count()).as("the task open in Tasklist is %s of %s", taskKey, caseNumber).isOne();
		this.tasklist.claim();
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

	/** The case number the engine gave the complaint registered for this customer (business key). */
	private String caseNumberOf(String customer) {
		String caseNumber = this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS)
			.variableValueEquals("customerName", customer)
			.singleResult()
			.getBusinessKey();
		assertThat(caseNumber).matches(Tasklist.CASE_NUMBER);
		return caseNumber;
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
