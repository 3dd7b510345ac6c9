package io.complaintdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/**
 * Does what the desk's people do, as those people (authorization on): registers complaints
 * through the service and through {@code POST /api/complaints}, works a complaint through every
 * task with the Java API, and opens Tasklist's group filter.
 */
final class ComplaintDriver {

	private static final AtomicLong CUSTOMERS = new AtomicLong();

	private static final String JSON = """
			{"customerId": "%s", "customerName": "Li Wei", "contactPhone": "13912345678", "channel": "PHONE",
			 "complainantType": "CONSUMER", "category": "PRODUCT_QUALITY",
			 "description": "Kettle stopped heating two days after purchase", "demand": "REPAIR",
			 "productCode": "KT-200", "storeCode": "SH-01"}""";

	private final ProcessEngine engine;

	private final ComplaintIntake intake;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final URI complaintsUri;

	private String groupFilterId;

	ComplaintDriver(ProcessEngine engine, ComplaintIntake intake, int port) {
		this.engine = engine;
		this.intake = intake;
		this.complaintsUri = URI.create("http://localhost:" + port + "/api/complaints");
	}

	/** An ordinary level-1 complaint of a walk-in customer of its own (never a repeat complaint). */
	static ComplaintRequest ordinaryComplaint() {
		return new ComplaintRequest(newCustomerId(), "Li Wei", "13912345678", "PHONE", "CONSUMER", "PRODUCT_QUALITY",
				"Kettle stopped heating two days after purchase", "REPAIR", null, "KT-200", "SH-01", null, null, false,
				false, false, false, false, false);
	}

	private static String newCustomerId() {
		return "W-" + CUSTOMERS.incrementAndGet();
	}

	/** Registers through the service, as agent1 (the registering user is the process initiator). */
	RegisteredComplaint register() {
		return as("agent1", () -> this.intake.register(ordinaryComplaint().toNewComplaint()));
	}

	/** Registers through the REST API over HTTP Basic, as agent1. */
	void post() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(this.complaintsUri)
			.header("Content-Type", "application/json")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(String.format(JSON, newCustomerId())))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("POST /api/complaints: " + response.statusCode() + " " + response.body());
		}
	}

	/** A complaint from registration to archive, every task completed by its user (level 1, satisfied). */
	void lifecycle() {
		RegisteredComplaint complaint = register();
		complete(complaint.caseNumber(), "verifyComplaint", "agent1", "valid", true);
		complete(complaint.caseNumber(), "handleComplaint", "agent1", "resolution", "Repaired the kettle under warranty",
				"compensationAmount", 0.0, "companyAtFault", true);
		complete(complaint.caseNumber(), "reviewHandling", "super1", "reviewApproved", true);
		complete(complaint.caseNumber(), "callbackCustomer", "agent2", "reached", true, "satisfaction", 2,
				"callbackMode", "PHONE");
		complete(complaint.caseNumber(), "archiveCase", "clerk1");
	}

	/** Completes the verification of a registered complaint (the task-completion probe). */
	void verify(RegisteredComplaint complaint) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(complaint.processInstanceId())
			.taskDefinitionKey("verifyComplaint")
			.singleResult();
		completeAs(task, "agent1", Map.of("valid", true));
	}

	private void complete(String caseNumber, String taskKey, String user, Object... variables) {
		List<Task> tasks = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(taskKey)
			.list();
		if (tasks.size() != 1) {
			throw new IllegalStateException(caseNumber + ": expected one open " + taskKey + ", found " + tasks.size());
		}
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		completeAs(tasks.get(0), user, values);
	}

	private void completeAs(Task task, String user, Map<String, Object> variables) {
		as(user, () -> {
			this.engine.getTaskService().complete(task.getId(), variables);
			return null;
		});
	}

	/**
	 * The stored filter "本组待认领" (my group, unclaimed) as the desk creates it for a group
	 * (system/DemoData): tasks agent1 may take, unassigned, by priority then due date; readable by
	 * the agents only.
	 */
	void createGroupFilter() {
		FilterService filters = this.engine.getFilterService();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("group", "agents");
		properties.put("priority", 2);
		properties.put("refresh", true);
		properties.put("variables", List.of(Map.of("name", "caseNumber", "label", "受理编号"),
				Map.of("name", "customerName", "label", "投诉人"), Map.of("name", "level", "label", "投诉级别"),
				Map.of("name", "major", "label", "重大投诉")));
		Filter filter = filters.newTaskFilter("本组待认领")
			.setQuery(this.engine.getTaskService()
				.createTaskQuery()
				.taskCandidateUserExpression("${currentUser()}")
				.taskUnassigned()
				.orderByTaskPriority()
				.desc()
				.orderByDueDate()
				.asc())
			.setProperties(properties);
		filters.saveFilter(filter);
		Authorization read = this.engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		read.setGroupId("agents");
		read.setResource(Resources.FILTER);
		read.setResourceId(filter.getId());
		read.addPermission(Permissions.READ);
		this.engine.getAuthorizationService().saveAuthorization(read);
		this.groupFilterId = filter.getId();
	}

	/**
	 * Tasklist's first page of the group filter as agent1: the 15 first tasks of the stored query,
	 * then the variables the filter shows for them (what Tasklist's HAL list request loads).
	 */
	int groupFilterFirstPage() {
		return as("agent1", () -> {
			List<Task> page = this.engine.getFilterService().listPage(this.groupFilterId, 0, 15);
			if (page.isEmpty()) {
				return 0;
			}
			this.engine.getRuntimeService()
				.createVariableInstanceQuery()
				.processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
				.variableNameIn("caseNumber", "customerName", "level", "major")
				.disableBinaryFetching()
				.listPage(0, 4 * page.size());
			return page.size();
		});
	}

	<T> T as(String user, Supplier<T> work) {
		IdentityService identity = this.engine.getIdentityService();
		TestUsers.authenticate(identity, user);
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
