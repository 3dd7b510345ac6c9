package io.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Bad input in a Tasklist form is shown next to the field and changes nothing: no complaint is
 * registered from an invalid start form, and a callback that reached the customer cannot be
 * completed without the satisfaction answer (POLICY §6).
 */
@Tag("browser")
class FormValidationBrowserTests extends BrowserTestSupport {

	static final String PROCESS = "complaint-handling";

	static final String UNCLAIMED = "本组待认领";

	@Autowired
	TestRestTemplate rest;

	@Test
	void invalidStartFormShowsTheErrorsAndRegistersNothing() {
		String description = "Browser validation " + UUID.randomUUID();
		long instancesBefore = complaintCount();

		this.tasklist.login("agent1");
		this.tasklist.startProcess("投诉处理");
		Tasklist.Form form = this.tasklist.form();
		// a contact phone that is no phone number, and a customer name typed and deleted again
		form.type("投诉人姓名", "Sun")
			.clear("投诉人姓名")
			.choose("投诉人类型", "消费者")
			.type("联系电话", "call me maybe")
			.radio("投诉渠道", "电话")
			.radio("投诉类别", "产品质量")
			.type("投诉内容", description)
			.radio("客户诉求", "维修");
		form.scrollTo("产品编号");

		String phoneError = this.tasklist.waiting("validation message under Contact phone")
			.until((d) -> form.error("联系电话").isEmpty() ? null : form.error("联系电话"));
		// in Chinese (Tasklist's form-messages.js), the pattern described, never shown
		assertThat(phoneError).isEqualTo("格式不正确：请输入有效的电话号码，如 139 1234 5678。")
			.doesNotContain("^", "[0-9]");
		String nameError = this.tasklist.waiting("validation message under Customer name")
			.until((d) -> form.error("投诉人姓名").isEmpty() ? null : form.error("投诉人姓名"));
		assertThat(nameError).isEqualTo("此项为必填项。");
		form.scrollTo("投诉人姓名");
		screenshot("start-form-errors");

		// Start is disabled while the form shows errors; pressing it anyway starts nothing
		assertThat(this.tasklist.startButton().isEnabled()).as("Start enabled with errors").isFalse();
		this.tasklist.click(this.tasklist.startButton());
		assertThat(this.tasklist.startDialogOpen()).as("the start dialog stays open").isTrue();
		assertThat(this.tasklist.startButton().isEnabled()).as("Start enabled with errors").isFalse();
		assertThat(this.tasklist.notifications()).noneMatch((text) -> text.contains("流程已启动"));
		assertThat(complaintCount()).as("complaints registered").isEqualTo(instancesBefore);
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS)
			.variableValueEquals("description", description)
			.count()).isZero();

		// correcting the fields makes Start available again (and nothing is stored until it is pressed)
		form.type("投诉人姓名", "Sun Mei").type("联系电话", "+86 139 1234 5678");
		this.tasklist.waiting("Start enabled again").until((d) -> this.tasklist.startButton().isEnabled());
		assertThat(form.error("联系电话")).isEmpty();
		screenshot("start-form-corrected");
		this.tasklist.closeStartDialog();
		assertThat(complaintCount()).isEqualTo(instancesBefore);
	}

	@Test
	void callbackThatReachedTheCustomerNeedsTheSatisfactionAnswer() {
		String caseNumber = complaintWaitingForCallback();
		this.tasklist.login("agent1");
		this.tasklist.openFilter(UNCLAIMED);
		this.tasklist.openTask(UNCLAIMED, "回访客户", caseNumber);
		assertThat(this.tasklist.caseNumberShown()).isEqualTo(caseNumber);
		String taskId = this.tasklist.openTaskId();
		this.tasklist.claim();
		screenshot("callback-claimed");

		Tasklist.Form form = this.tasklist.form();
		form.radio("是否联系上客户", "已联系上").radio("回访方式", "电话回访");
		assertThat(form.hasField("满意度")).as("satisfaction asked once the customer was reached").isTrue();
		this.tasklist.clickComplete();

		String error = this.tasklist.waiting("validation message under Satisfaction")
			.until((d) -> form.error("满意度").isEmpty() ? null : form.error("满意度"));
		assertThat(error).isEqualTo("此项为必填项。");
		this.tasklist.waiting("Complete refused").until((d) -> !this.tasklist.completeButton().isEnabled());
		assertThat(this.tasklist.errorNotifications()).as("Tasklist's notification")
			.anyMatch((text) -> text.contains("提交任务表单时出错"));
		form.scrollTo("满意度");
		screenshot("callback-refused-without-satisfaction");

		Task task = this.taskService.createTaskQuery().taskId(taskId).singleResult();
		assertThat(task).as("the callback task is still open").isNotNull();
		assertThat(task.getAssignee()).isEqualTo("agent1");
		assertThat(this.taskService.getVariable(taskId, "satisfaction")).isNull();
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count())
			.isPositive();

		// answering the question makes Complete available again
		form.radio("满意度", "3 ");
		this.tasklist.waiting("Complete enabled again").until((d) -> this.tasklist.completeButton().isEnabled());
		assertThat(form.error("满意度")).isEmpty();
		screenshot("callback-satisfaction-answered");
		assertThat(this.taskService.createTaskQuery().taskId(taskId).count()).isOne();
	}

	/**
	 * The trap of issue 15 item 1, in its exact sequence: 核实 "投诉不成立", 完成 with the reasoned
	 * answer empty (refused, the message under the field), then "投诉成立": the answer's field is
	 * hidden, and 完成 must be enabled again (form-js kept the hidden field's error: hidden-field-errors.js).
	 */
	@Test
	void switchingToValidAfterARefusedCompletionEnablesCompleteAgain() {
		String caseNumber = registered("Zhou Lan", "Kettle switch broke");
		this.tasklist.login("agent1");
		this.tasklist.openFilter(UNCLAIMED);
		this.tasklist.openTask(UNCLAIMED, "核实投诉", caseNumber);
		String taskId = this.tasklist.openTaskId();
		this.tasklist.claim();
		Tasklist.Form form = this.tasklist.form();

		form.radio("投诉是否成立", "投诉不成立");
		assertThat(form.hasField("给客户的答复")).as("the reasoned answer asked when not valid").isTrue();
		this.tasklist.clickComplete();
		assertThat(form.waitForError("给客户的答复")).isEqualTo("此项为必填项。");
		this.tasklist.waiting("Complete refused").until((d) -> !this.tasklist.completeButton().isEnabled());
		screenshot("verify-not-valid-refused");

		form.radio("投诉是否成立", "投诉成立");
		this.tasklist.waiting("the reasoned answer hidden").until((d) -> !form.hasField("给客户的答复"));
		this.tasklist.waiting("Complete enabled once the hidden field's error is gone")
			.until((d) -> this.tasklist.completeButton().isEnabled());
		screenshot("verify-valid-complete-enabled");
		this.tasklist.clickComplete();
		this.tasklist.waiting("verification completed")
			.until((d) -> this.taskService.createTaskQuery().taskId(taskId).count() == 0);
		assertThat(this.historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(this.historyService.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseNumber)
				.singleResult()
				.getId())
			.variableName("valid")
			.singleResult()
			.getValue()).as("valid").isEqualTo(true);
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult()
			.getTaskDefinitionKey()).isEqualTo("handleComplaint");
	}

	private long complaintCount() {
		return this.historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count();
	}

	/**
	 * Registers a complaint through the project API and takes it through verification, handling and
	 * review with the engine's API, as agent1 and super1, so that its callback waits for the agents.
	 */
	@SuppressWarnings("rawtypes")
	private String registered(String customer, String description) {
		Map<String, Object> complaint = Map.of("customerName", customer, "contactPhone", "13700003333", "channel",
				"PHONE", "complainantType", "CONSUMER", "category", "PRODUCT_QUALITY", "description", description,
				"demand", "REPAIR", "productCode", "KT-9", "storeCode", "SH-02");
		ResponseEntity<Map> created = this.rest.withBasicAuth("agent1", "agent1")
			.postForEntity("/api/complaints", complaint, Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("caseNumber");
	}

	@SuppressWarnings("rawtypes")
	private String complaintWaitingForCallback() {
		Map<String, Object> complaint = Map.of("customerName", "Qian Yu", "contactPhone", "13700002222", "channel",
				"PHONE", "complainantType", "CONSUMER", "category", "PRODUCT_QUALITY", "description",
				"Rice cooker lid does not close", "demand", "REPAIR", "productCode", "RC-3", "storeCode", "SH-03");
		ResponseEntity<Map> created = this.rest.withBasicAuth("agent1", "agent1")
			.postForEntity("/api/complaints", complaint, Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNumber = (String) created.getBody().get("caseNumber");
		complete(caseNumber, "verifyComplaint", "agent1", "agents", Map.of("valid", true));
		complete(caseNumber, "handleComplaint", "agent1", "agents",
				Map.of("resolution", "Lid hinge replaced", "compensationAmount", 0.0, "companyAtFault", false,
						"responsibleDepartment", "售后服务部"));
		complete(caseNumber, "reviewHandling", "super1", "supervisors", Map.of("reviewApproved", true));
		assertThat(openTask(caseNumber).getTaskDefinitionKey()).isEqualTo("callbackCustomer");
		return caseNumber;
	}

	private void complete(String caseNumber, String taskKey, String user, String group, Map<String, Object> variables) {
		Task task = openTask(caseNumber);
		assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
		this.identityService.setAuthentication(user, List.of(group));
		try {
			this.taskService.complete(task.getId(), variables);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private Task openTask(String caseNumber) {
		return this.taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

}
