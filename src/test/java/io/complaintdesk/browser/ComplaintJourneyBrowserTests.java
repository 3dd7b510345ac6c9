package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One complaint from registration to archive, in Tasklist, by the people of POLICY §1: an agent
 * registers and verifies it and handles it at level 1, a supervisor reviews, the customer is
 * dissatisfied at the callback (4), so the complaint is raised to level 2 (POLICY §6): the
 * supervisor handles it, a director reviews, the supervisor calls back (satisfied, 2) and the clerk
 * archives it. Every task is found in the group's "My group — unclaimed" filter by its case number.
 */
@Tag("browser")
class ComplaintJourneyBrowserTests extends BrowserTestSupport {

	static final String PROCESS = "complaint-handling";

	static final String UNCLAIMED = "My group — unclaimed";

	@Test
	void complaintTravelsFromRegistrationThroughAnUpgradeToTheArchive() {
		String customer = "Zhao Lei " + UUID.randomUUID().toString().substring(0, 6);

		// agent1 registers the complaint in Tasklist's start form
		this.tasklist.login("agent1");
		assertThat(this.tasklist.filterNames()).as("the agents' Tasklist filters")
			.contains("My open complaints", UNCLAIMED, "Overdue", "Due today", "VIP & preferred clients",
					"Major complaints");
		this.tasklist.startProcess("投诉处理");
		screenshot("start-form-empty");
		this.tasklist.form()
			.type("投诉人姓名", customer)
			.choose("投诉人类型", "消费者")
			.type("联系电话", "139 1234 5678")
			.choose("投诉渠道", "电话")
			.choose("投诉类别", "产品质量")
			.type("投诉内容", "Kettle stopped heating two days after purchase")
			.type("产品编号", "KT-200")
			.type("门店编号", "SH-01")
			.choose("客户诉求", "维修")
			.scrollTo("投诉渠道");
		screenshot("start-form-filled");
		this.tasklist.clickStart();
		this.tasklist.waiting("the process started").until((d) -> !this.tasklist.startDialogOpen());
		String caseNumber = caseNumberOf(customer);
		screenshot("started-" + caseNumber);

		// agent1 verifies it: valid
		work(UNCLAIMED, "核实投诉", "verifyComplaint", caseNumber, "verify",
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.radio("投诉是否成立", "投诉成立"));

		// agent1 handles it at level 1, no compensation
		work(UNCLAIMED, "处理投诉", "handleComplaint", caseNumber, "handle-level-1",
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.type("处理结果", "Kettle repaired under warranty at store SH-01")
					.type("赔偿金额", "0"));
		this.tasklist.logout();

		// super1 (the level above) approves the handling
		this.tasklist.login("super1");
		work(UNCLAIMED, "审核处理结果", "reviewHandling", caseNumber, "review-level-1",
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.radio("审核结论", "审核通过"));
		this.tasklist.logout();

		// agent2 calls the customer back: reached, dissatisfied (4), so the complaint goes up a level
		this.tasklist.login("agent2");
		work(UNCLAIMED, "回访客户", "callbackCustomer", caseNumber, "callback-dissatisfied",
				(header) -> assertThat(header).contains("一级（普通投诉）"),
				(form) -> form.radio("是否联系上客户", "已联系上")
					.choose("满意度", "4 ")
					.choose("回访方式", "电话回访"));
		this.tasklist.logout();

		// super1 now finds the same case at level 2 in the supervisors' unclaimed queue and handles it
		this.tasklist.login("super1");
		work(UNCLAIMED, "处理投诉", "handleComplaint", caseNumber, "handle-level-2",
				(header) -> assertThat(header).as("form summary of the upgraded case")
					.contains("投诉案件 " + caseNumber)
					.contains("二级（较严重投诉）")
					.contains("第 2 轮处理"),
				(form) -> form.type("处理结果", "Replaced the kettle with a new one")
					.type("赔偿金额", "0"));
		this.tasklist.logout();

		// director1 reviews the level-2 handling
		this.tasklist.login("director1");
		work(UNCLAIMED, "审核处理结果", "reviewHandling", caseNumber, "review-level-2",
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> form.radio("审核结论", "审核通过"));
		this.tasklist.logout();

		// super1 calls back at level 2: satisfied (2)
		this.tasklist.login("super1");
		work(UNCLAIMED, "回访客户", "callbackCustomer", caseNumber, "callback-satisfied",
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> form.radio("是否联系上客户", "已联系上")
					.choose("满意度", "2 ")
					.choose("回访方式", "电话回访"));
		this.tasklist.logout();

		// clerk1 archives the closed case
		this.tasklist.login("clerk1");
		work(UNCLAIMED, "案件归档", "archiveCase", caseNumber, "archive",
				(header) -> assertThat(header).contains("二级（较严重投诉）"),
				(form) -> form.check("全部表单齐全"));

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
			Consumer<String> checkHeader, Consumer<Tasklist.Form> fill) {
		this.tasklist.openFilter(filter);
		this.tasklist.openTask(filter, taskName, caseNumber);
		assertThat(this.tasklist.caseNumberShown()).as("case in the form summary of '%s'", taskName)
			.isEqualTo(caseNumber);
		checkHeader.accept(this.tasklist.caseHeader());
		screenshot(step + "-task-in-filter");
		String taskId = this.tasklist.openTaskId();
		assertThat(this.taskService.createTaskQuery()
			.taskId(taskId)
			.taskDefinitionKey(taskKey)
			.processInstanceBusinessKey(caseNumber)
			.count()).as("the task open in Tasklist is %s of %s", taskKey, caseNumber).isOne();
		this.tasklist.claim();
		fill.accept(this.tasklist.form());
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
