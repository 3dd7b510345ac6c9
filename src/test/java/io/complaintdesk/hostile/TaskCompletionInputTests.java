package io.complaintdesk.hostile;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;
import io.complaintdesk.hostile.HostileHttp.Answer;

/**
 * Hostile input on the task-completion path (issue "Bad input"): the candidate completes "Verify
 * complaint" through the engine REST API ({@code /engine-rest/task/{id}/complete} and
 * {@code /submit-form}, HTTP Basic) and through the REST API Tasklist itself uses
 * ({@code /camunda/api/engine/engine/default/task/{id}/submit-form}, with a Tasklist session and its
 * CSRF token). What the completion listener refuses is a 400 with its message, not a 500 of a
 * wrapped engine exception; the task stays open and no variable sent along or already there changes.
 * The same holds for start variables refused by the registration (Tasklist's "Start process").
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TaskCompletionInputTests {

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

	/** The ways to complete a task, all as the candidate agent1. */
	enum Path {

		COMPLETE("POST /engine-rest/task/{id}/complete", "/engine-rest/task/%s/complete", "无法完成任务：",
				"Cannot complete the task: "),
		SUBMIT_FORM("POST /engine-rest/task/{id}/submit-form", "/engine-rest/task/%s/submit-form", "无法提交任务表单：",
				"Cannot submit the task form: "),
		TASKLIST("Tasklist: POST /camunda/api/engine/engine/default/task/{id}/submit-form",
				"/camunda/api/engine/engine/default/task/%s/submit-form", "无法提交任务表单：",
				"Cannot submit the task form: ");

		final String label;

		final String path;

		final String messagePrefix;

		final String englishPrefix;

		Path(String label, String path, String messagePrefix, String englishPrefix) {
			this.label = label;
			this.path = path;
			this.messagePrefix = messagePrefix;
			this.englishPrefix = englishPrefix;
		}

		HostileHttp client(int port) throws Exception {
			return (this == TASKLIST) ? HostileHttp.tasklistSession(port, "agent1") : HostileHttp.as(port, "agent1");
		}

		@Override
		public String toString() {
			return this.label;
		}

	}

	/** What the listener refuses; every body also tries to set {@code emotional}, which must not stick. */
	static Stream<Arguments> refusedInputs() {
		List<Arguments> inputs = List.of(
				Arguments.of("'valid' missing", variables("\"emotional\": {\"value\": true}"), "请填写“投诉是否成立”"),
				Arguments.of("'valid' not a boolean",
						variables("\"valid\": {\"value\": \"maybe\"}, \"emotional\": {\"value\": true}"),
						"“投诉是否成立”应为是或否，收到的是“maybe”"),
				Arguments.of("'valid' a number",
						variables("\"valid\": {\"value\": 1, \"type\": \"Integer\"}, \"emotional\": {\"value\": true}"),
						"“投诉是否成立”应为是或否，收到的是“1”"),
				Arguments.of("not substantiated without a reason",
						variables("\"valid\": {\"value\": false}, \"emotional\": {\"value\": true}"),
						"投诉不成立时必须填写“给客户的答复（说明理由）”"),
				Arguments.of("NUL in the reason", reason("The customer\\u0000 withdrew"),
						"“给客户的答复（说明理由）”不能包含控制字符 U+0000（第 13 个字符）"),
				Arguments.of("terminal escape in the reason", reason("\\u001b[31mred\\u001b[0m"),
						"“给客户的答复（说明理由）”不能包含控制字符 U+001B（第 1 个字符）"),
				Arguments.of("unpaired surrogate in the reason", reason("half \\udc00 an emoji"),
						"“给客户的答复（说明理由）”第 6 个字符是不成对的代理项"),
				Arguments.of("reason longer than 4000 characters", reason("x".repeat(4001)),
						"“给客户的答复（说明理由）”不能超过 4000 个字符"),
				Arguments.of("reason not text",
						variables("\"valid\": {\"value\": false}, \"verificationNote\": {\"value\": 42, \"type\": \"Integer\"},"
								+ " \"emotional\": {\"value\": true}"),
						"“给客户的答复（说明理由）”应为文字，收到的是“42”"));
		return Stream.of(Path.values()).flatMap((path) -> inputs.stream().map((input) -> {
			Object[] values = input.get();
			return Arguments.of(path, values[0], values[1], values[2]);
		}));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("refusedInputs")
	void shouldRefuseBadTaskInputWith400AndKeepTaskAndVariables(Path path, String name, String body,
			String message) throws Exception {
		Task task = newVerificationTask();
		HostileHttp client = path.client(this.port);
		Map<String, Object> variables = this.runtime.getVariables(task.getProcessInstanceId());
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = client.post(path.path.formatted(task.getId()), "application/json",
				body.getBytes(StandardCharsets.UTF_8), false);

		assertThat(answer.status()).as("%s %s: %s", path, name, answer.body()).isEqualTo(400);
		// Chinese, and nothing of the engine's: no task id, no class, no trace
		answer.assertReadableRefusal().assertNoExceptionName().assertChinese().assertNoUuid();
		assertThat(answer.message()).startsWith(path.messagePrefix).contains(message);
		assertThat(answer.body()).doesNotContain(task.getId(), task.getProcessInstanceId());
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
		assertThat(this.runtime.getVariables(task.getProcessInstanceId())).as("no variable changed or lost")
			.isEqualTo(variables);
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	/** A client that asks for English (an English browser, a script) reads the same refusal in English. */
	@ParameterizedTest(name = "{0}")
	@EnumSource(Path.class)
	void shouldRefuseInEnglishWhenAskedForAndStillShowNoTaskId(Path path) throws Exception {
		Task task = newVerificationTask();
		HostileHttp client = path.client(this.port).acceptLanguage("en-GB,en;q=0.9,zh-CN;q=0.5");
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = client.post(path.path.formatted(task.getId()), "application/json",
				reason("The customer\\u0000 withdrew").getBytes(StandardCharsets.UTF_8), false);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		answer.assertReadableRefusal().assertNoExceptionName().assertNoUuid();
		assertThat(answer.message()).isEqualTo(path.englishPrefix
				+ "'verificationNote' must not contain the control character U+0000 (position 13); only tab and line breaks are allowed");
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	/** Work on a task someone else has claimed: 403 as for the engine's own checks, in the caller's language. */
	@ParameterizedTest(name = "{0}")
	@EnumSource(Path.class)
	void shouldRefuseWorkOnATaskClaimedBySomeoneElseInChinese(Path path) throws Exception {
		Task task = newVerificationTask();
		this.tasks.claim(task.getId(), "agent1");
		HostileHttp agent2 = (path == Path.TASKLIST) ? HostileHttp.tasklistSession(this.port, "agent2")
				: HostileHttp.as(this.port, "agent2");
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = agent2.post(path.path.formatted(task.getId()), "application/json",
				variables("\"valid\": {\"value\": true}").getBytes(StandardCharsets.UTF_8), false);

		assertThat(answer.status()).as(answer.body()).isEqualTo(403);
		answer.assertReadableRefusal().assertChinese().assertNoUuid();
		assertThat(answer.message()).isEqualTo("agent2 不能办理任务“" + task.getName() + "”：任务已由他人认领");
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("agent1");
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);

		Answer english = agent2.acceptLanguage("en")
			.post(path.path.formatted(task.getId()), "application/json",
					variables("\"valid\": {\"value\": true}").getBytes(StandardCharsets.UTF_8), false);
		assertThat(english.status()).isEqualTo(403);
		assertThat(english.message())
			.isEqualTo("agent2 may not work on task " + task.getName() + ": it is claimed by someone else");
	}

	static Stream<Arguments> malformedRequests() {
		return Stream.of(Path.values()).flatMap((path) -> Stream.of(
				Arguments.of(path, "malformed JSON", "{\"variables\": {\"valid\": {\"value\": tru"),
				Arguments.of(path, "unknown variable type", variables("\"valid\": {\"value\": true, \"type\": \"Klingon\"}")),
				Arguments.of(path, "variables not an object", "{\"variables\": [1, 2, 3]}")));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("malformedRequests")
	void shouldRefuseMalformedCompletionWithClientErrorAndKeepTask(Path path, String name, String body)
			throws Exception {
		Task task = newVerificationTask();
		HostileHttp client = path.client(this.port);
		Map<String, Object> variables = this.runtime.getVariables(task.getProcessInstanceId());
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = client.post(path.path.formatted(task.getId()), "application/json",
				body.getBytes(StandardCharsets.UTF_8), false);

		// Camunda's own refusal of a request it cannot read: 400 in its error format
		assertThat(answer.status()).as("%s %s: %s", path, name, answer.body()).isEqualTo(400);
		answer.assertReadableRefusal().assertChinese().assertNoUuid();
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
		assertThat(this.runtime.getVariables(task.getProcessInstanceId())).isEqualTo(variables);
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldCompleteWithExoticReasonThroughTasklistAndKeepItVerbatim() throws Exception {
		Task task = newVerificationTask();
		String caseNumber = (String) this.runtime.getVariable(task.getProcessInstanceId(), "caseNumber");
		String note = "客户撤回 𠜎😀\n<script>alert(1)</script>\t'; DROP TABLE complaint;-- ${7*7}";

		Answer answer = Path.TASKLIST.client(this.port)
			.postJson(Path.TASKLIST.path.formatted(task.getId()),
					variables("\"valid\": {\"value\": false}, \"verificationNote\": {\"value\": "
							+ HostileApiInputTests.json(note) + "}"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT verification_note FROM complaint WHERE case_number = ?",
				String.class, caseNumber))
			.isEqualTo(note);
		assertThat(HostileHttp.as(this.port, "agent1").get("/api/complaints/" + caseNumber).json()
			.get("verificationNote").asText()).isEqualTo(note);
	}

	static Stream<Arguments> refusedStarts() {
		String nul = variables("\"customerName\": {\"value\": \"Li Wei\"}, \"contactPhone\": {\"value\": \"13912345678\"},"
				+ " \"channel\": {\"value\": \"PHONE\"}, \"complainantType\": {\"value\": \"CONSUMER\"},"
				+ " \"category\": {\"value\": \"PRODUCT_QUALITY\"}, \"demand\": {\"value\": \"REPAIR\"},"
				+ " \"description\": {\"value\": \"Kettle\\u0000broke\"}");
		return Stream.of("start", "submit-form")
			.flatMap((call) -> Stream.of(Arguments.of(call, "nothing filled in", variables(""), "“投诉人姓名”不能为空白"),
					Arguments.of(call, "NUL in the description", nul,
							"“投诉内容”不能包含控制字符 U+0000（第 7 个字符）；只允许制表符和换行")));
	}

	/** Tasklist's "Start process" and engine-REST clients register through the same validation. */
	@ParameterizedTest(name = "POST /engine-rest/process-definition/key/complaint-handling/{0}: {1}")
	@MethodSource("refusedStarts")
	void shouldRefuseBadStartVariablesWith400AndStartNothing(String call, String name, String body, String message)
			throws Exception {
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = HostileHttp.as(this.port, "agent1")
			.postJson("/engine-rest/process-definition/key/complaint-handling/" + call, body);

		assertThat(answer.status()).as("%s %s: %s", call, name, answer.body()).isEqualTo(400);
		answer.assertReadableRefusal().assertNoExceptionName().assertChinese().assertNoUuid();
		assertThat(answer.message()).startsWith("无法启动流程：投诉无法登记：").contains(message);
		assertThat(DeskState.of(this.jdbc)).as("no process instance, no case number").isEqualTo(before);
	}

	/** Camunda's own refusal of start variables it cannot read: Chinese first, without the definition's id. */
	@ParameterizedTest(name = "POST /engine-rest/process-definition/key/complaint-handling/{0}")
	@ValueSource(strings = { "start", "submit-form" })
	void shouldRefuseUnreadableStartVariablesWithoutTheDefinitionsId(String call) throws Exception {
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = HostileHttp.as(this.port, "agent1")
			.postJson("/engine-rest/process-definition/key/complaint-handling/" + call,
					variables("\"customerName\": {\"value\": \"Li Wei\", \"type\": \"Klingon\"}"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		answer.assertReadableRefusal().assertChinese().assertNoUuid();
		assertThat(answer.message()).startsWith("无法启动流程：请求内容有误（").contains("Klingon")
			.doesNotContain("complaint-handling:");
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldKeepOtherEngineErrorsAsTheyWere() throws Exception {
		// not a refusal of input: Camunda's answer for an unknown task stays as it was
		Answer answer = HostileHttp.as(this.port, "agent1")
			.postJson("/engine-rest/task/no-such-task/complete", variables("\"valid\": {\"value\": true}"));
		assertThat(answer.status()).as(answer.body()).isNotEqualTo(400).isBetween(400, 599);
		assertThat(answer.body()).doesNotContain("InvalidInput");
	}

	private Task newVerificationTask() throws Exception {
		Answer registered = HostileHttp.as(this.port, "agent1")
			.postJson("/api/complaints", HostileApiInputTests.json(HostileApiInputTests.complaint()));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(registered.json().get("processInstanceId").asText())
			.taskDefinitionKey("verifyComplaint")
			.singleResult();
		assertThat(task).isNotNull();
		return task;
	}

	private static String variables(String entries) {
		return "{\"variables\": {" + entries + "}}";
	}

	private static String reason(String jsonText) {
		return variables("\"valid\": {\"value\": false}, \"verificationNote\": {\"value\": \"" + jsonText
				+ "\"}, \"emotional\": {\"value\": true}");
	}

}
