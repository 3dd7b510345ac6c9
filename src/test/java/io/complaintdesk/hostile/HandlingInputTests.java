package io.complaintdesk.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestClock;
import io.complaintdesk.TestUsers;
import io.complaintdesk.hostile.HostileHttp.Answer;
import io.complaintdesk.hostile.TaskCompletionInputTests.Path;

/**
 * Bad input on the handling steps of issue 14, on every completion path (engine REST complete and
 * submit-form, Tasklist's own API): a compensation above the limit per case, a handling without its
 * responsible department, a refusal without its reason, and the handler approving their own
 * compensation. A clear Chinese 4xx, no task id; the task stays open and nothing is stored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HandlingInputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
	}

	private HostileHttp client(Path path, String user) throws Exception {
		return (path == Path.TASKLIST) ? HostileHttp.tasklistSession(this.port, user) : HostileHttp.as(this.port, user);
	}

	private Answer complete(Path path, String user, Task task, String variables) throws Exception {
		return client(path, user).post(path.path.formatted(task.getId()), "application/json",
				("{\"variables\": {" + variables + "}}").getBytes(StandardCharsets.UTF_8), false);
	}

	/** A registered and verified complaint, waiting at "Handle complaint" for the agents. */
	private Task newHandlingTask() throws Exception {
		return newHandlingTask(false);
	}

	/** The same; an emotional complaint is level 2, handled by the supervisors. */
	private Task newHandlingTask(boolean emotional) throws Exception {
		Map<String, Object> complaint = HostileApiInputTests.complaint();
		complaint.put("emotional", emotional);
		Answer registered = HostileHttp.as(this.port, "agent1")
			.postJson("/api/complaints", HostileApiInputTests.json(complaint));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String instance = registered.json().get("processInstanceId").asText();
		Task verify = this.tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("verifyComplaint")
			.singleResult();
		assertThat(complete(Path.COMPLETE, "agent1", verify, "\"valid\": {\"value\": true}").status()).isEqualTo(204);
		return this.tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("handleComplaint")
			.singleResult();
	}

	private void assertRefused(Answer answer, Task task, int status, String message, Map<String, Object> variables,
			DeskState before) throws Exception {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		answer.assertReadableRefusal().assertChinese().assertNoUuid();
		if (status == 400) {
			answer.assertNoExceptionName(); // a 403 names the engine's AuthorizationException, as Camunda's own do
		}
		assertThat(answer.message()).contains(message);
		assertThat(answer.body()).doesNotContain(task.getId(), task.getProcessInstanceId());
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
		assertThat(this.runtime.getVariables(task.getProcessInstanceId())).as("no variable changed")
			.isEqualTo(variables);
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Path.class)
	void shouldRefuseACompensationAboveTheLimitPerCaseInChinese(Path path) throws Exception {
		Task task = newHandlingTask();
		Map<String, Object> variables = this.runtime.getVariables(task.getProcessInstanceId());
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = complete(path, "agent1", task, """
				"resolution": {"value": "Refund"}, "compensationAmount": {"value": 99999999999},
				"responsibleDepartment": {"value": "门店"}""");

		assertRefused(answer, task, 400, "“赔偿金额”超过每个投诉案件的上限 1000000 元", variables, before);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Path.class)
	void shouldRefuseAHandlingWithoutItsResponsibleDepartmentInChinese(Path path) throws Exception {
		Task task = newHandlingTask();
		Map<String, Object> variables = this.runtime.getVariables(task.getProcessInstanceId());
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = complete(path, "agent1", task,
				"\"resolution\": {\"value\": \"Repaired\"}, \"compensationAmount\": {\"value\": 0}");

		assertRefused(answer, task, 400, "请填写“责任部门”", variables, before);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Path.class)
	void shouldRefuseARefusalWithoutItsReasonInChinese(Path path) throws Exception {
		Task handle = newHandlingTask();
		assertThat(complete(Path.COMPLETE, "agent1", handle, """
				"resolution": {"value": "Refund"}, "compensationAmount": {"value": 500},
				"responsibleDepartment": {"value": "门店"}""").status()).isEqualTo(204);
		Task approval = this.tasks.createTaskQuery()
			.processInstanceId(handle.getProcessInstanceId())
			.taskDefinitionKey("approveCompensation")
			.singleResult();
		Map<String, Object> variables = this.runtime.getVariables(approval.getProcessInstanceId());
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = complete(path, "super1", approval, "\"compensationApproved\": {\"value\": false}");

		assertRefused(answer, approval, 400, "不批准赔偿时必须填写“审批意见”", variables, before);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Path.class)
	void shouldRefuseTheHandlerApprovingTheirOwnCompensationInChinese(Path path) throws Exception {
		Task handle = newHandlingTask(true);
		// super1, the only supervisor, handles the level-2 complaint …
		assertThat(complete(Path.COMPLETE, "super1", handle, """
				"resolution": {"value": "Refund"}, "compensationAmount": {"value": 800},
				"responsibleDepartment": {"value": "门店"}""").status()).isEqualTo(204);
		Task approval = this.tasks.createTaskQuery()
			.processInstanceId(handle.getProcessInstanceId())
			.taskDefinitionKey("approveCompensation")
			.singleResult();
		Map<String, Object> variables = this.runtime.getVariables(approval.getProcessInstanceId());
		DeskState before = DeskState.of(this.jdbc);

		// … and may not approve it: the approval went one level up
		Answer answer = complete(path, "super1", approval, "\"compensationApproved\": {\"value\": true}");

		assertRefused(answer, approval, 403, "super1 不能办理任务“审批赔偿”：不是该任务的候选人", variables, before);
		assertThat(variables).containsEntry("approverGroup", "directors").containsEntry("roundHandler", "super1");
	}

}
