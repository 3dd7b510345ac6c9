package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/**
 * One complaint driven through the engine's Java API as the people of POLICY §1 would: find the
 * open task of the case, check who may take it, complete it with the variables of the contract.
 */
final class ComplaintScenario {

	private final ProcessEngine engine;

	private final RegisteredComplaint registered;

	private ComplaintScenario(ProcessEngine engine, RegisteredComplaint registered) {
		this.engine = engine;
		this.registered = registered;
	}

	static ComplaintScenario register(ProcessEngine engine, ComplaintIntake intake, ComplaintRequest request) {
		return new ComplaintScenario(engine, intake.register(request.toNewComplaint()));
	}

	/** The complaint started elsewhere (e.g. from Tasklist's start form), found by its case number. */
	static ComplaintScenario attach(ProcessEngine engine, String caseNumber) {
		ProcessInstance instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.processDefinitionKey(ComplaintProcess.KEY)
			.singleResult();
		Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
		return new ComplaintScenario(engine, new RegisteredComplaint(caseNumber, instance.getId(),
				ComplaintProcess.LEVEL.from(variables), ComplaintProcess.MAJOR.from(variables)));
	}

	/** A consumer's ordinary complaint: a faulty kettle to repair (level 1 in complaint-level). */
	static ComplaintRequest ordinaryComplaint() {
		return complaint("PHONE", "PRODUCT_QUALITY", null);
	}

	static ComplaintRequest complaint(String channel, String category, String accusedEmployee) {
		// a customer of its own, so that no scenario is a repeat complaint of another (POLICY §3)
		return new ComplaintRequest(newCustomerId(), "Li Wei", "13912345678", channel, "CONSUMER", category,
				"Kettle stopped heating two days after purchase", "REPAIR", null, "KT-200", "SH-01", accusedEmployee,
				null, false, false, false, false, false, false);
	}

	static ComplaintRequest emotionalComplaint() {
		return new ComplaintRequest(null, "Wang Fang", "13800001111", "WALK_IN", "CONSUMER", "PRODUCT_QUALITY",
				"Shouted at the counter about a broken blender", "REPLACE", null, "BL-9", "SH-02", null, null, false,
				true, false, false, false, false);
	}

	private static final java.util.concurrent.atomic.AtomicLong CUSTOMERS = new java.util.concurrent.atomic.AtomicLong(
			System.nanoTime() % 1_000_000);

	static String newCustomerId() {
		return "T-" + CUSTOMERS.incrementAndGet();
	}

	String caseNumber() {
		return this.registered.caseNumber();
	}

	RegisteredComplaint registered() {
		return this.registered;
	}

	ProcessInstance instance() {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(this.registered.processInstanceId())
			.singleResult();
	}

	String processInstanceId() {
		return this.registered.processInstanceId();
	}

	/** The one open task of the case (main process or its callback), which must have this key. */
	Task task(String taskDefinitionKey) {
		List<Task> tasks = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNumber())
			.processDefinitionKeyIn(ComplaintProcess.KEY, CallbackProcess.KEY)
			.list();
		assertThat(tasks).as("open tasks of %s", caseNumber())
			.extracting(Task::getTaskDefinitionKey)
			.containsExactly(taskDefinitionKey);
		return tasks.get(0);
	}

	List<String> candidateGroups(Task task) {
		return links(task).stream().map(IdentityLink::getGroupId).filter((g) -> g != null).sorted().toList();
	}

	List<String> candidateUsers(Task task) {
		return links(task).stream().map(IdentityLink::getUserId).filter((u) -> u != null).sorted().toList();
	}

	private List<IdentityLink> links(Task task) {
		return this.engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.toList();
	}

	/** Completes the open task with this key, as {@code user}, with alternating name/value pairs. */
	Task complete(String taskDefinitionKey, String user, Object... variables) {
		Task task = task(taskDefinitionKey);
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		TestUsers.authenticate(this.engine.getIdentityService(), user);
		try {
			this.engine.getTaskService().complete(task.getId(), values);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		return task;
	}

	void verify(boolean valid) {
		complete("verifyComplaint", "agent1", "valid", valid);
	}

	void handle(double compensation) {
		complete("handleComplaint", "agent1", "resolution", "Repaired the kettle under warranty",
				"compensationAmount", compensation, "companyAtFault", true, "responsibleDepartment", "售后服务部");
	}

	void review(boolean approved) {
		complete("reviewHandling", "super1", "reviewApproved", approved, "reviewComment",
				approved ? null : "Offer a replacement instead");
	}

	void callBack(int satisfaction) {
		complete("callbackCustomer", "agent2", "reached", true, "satisfaction", satisfaction, "callbackMode",
				"PHONE");
	}

	void callBackUnreached() {
		complete("callbackCustomer", "agent2", "reached", false);
	}

	void archive() {
		complete("archiveCase", "clerk1");
	}

	/** The one job of the case's callback (its retry timer), executed as if the day had come. */
	Job callbackTimer() {
		ProcessInstance callback = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId())
			.singleResult();
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(callback.getId())
			.activityId(CallbackProcess.Elements.WAIT_FOR_ANOTHER_DAY)
			.singleResult();
	}

	/** The timer job of the case (main process or its callback) waiting at this activity. */
	Job timer(String activityId) {
		return this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(activityId.equals("callbackOverdue") ? callbackInstanceId() : processInstanceId())
			.activityId(activityId)
			.singleResult();
	}

	String callbackInstanceId() {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId())
			.singleResult()
			.getId();
	}

	Map<String, Object> variables() {
		return this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId())
			.list()
			.stream()
			.filter((v) -> v.getValue() != null)
			.collect(java.util.stream.Collectors.toMap((v) -> v.getName(), (v) -> v.getValue()));
	}

}
