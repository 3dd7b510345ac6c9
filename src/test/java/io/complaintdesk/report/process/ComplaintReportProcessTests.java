package io.complaintdesk.report.process;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestUsers;
import io.complaintdesk.report.ReportPeriod;
import io.complaintdesk.report.ReportStore;
import io.complaintdesk.report.StoredReport;
import io.complaintdesk.report.process.ComplaintReportProcess.Elements;

/**
 * The weekly and monthly reports of POLICY §10 end to end, with a moved clock: runs started by the
 * timer job (executed by hand) or on demand, the report prepared in a job, released by a clerk in
 * Tasklist's place, stored and sent to the general manager and the supervisors.
 * <p>
 * Runs on an in-memory database of its own: the released reports and the outbox are this class's
 * alone, whatever other test classes release or send.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:complaint-report-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@ActiveProfiles("test")
class ComplaintReportProcessTests {

	private static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	ReportStore store;

	@Autowired
	JdbcTemplate jdbc;

	/** Grants this class made because the application does not make them (yet); removed afterwards. */
	private final List<String> grantsMade = new ArrayList<>();

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		TestUsers.create(this.engine.getIdentityService());
	}

	@AfterEach
	void tearDown() {
		this.engine.getIdentityService().clearAuthentication();
		this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.list()
			.forEach((run) -> this.engine.getRuntimeService().deleteProcessInstance(run.getId(), "test over"));
		this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.list()
			.forEach((run) -> this.engine.getHistoryService().deleteHistoricProcessInstance(run.getId()));
		this.grantsMade.forEach(this.engine.getAuthorizationService()::deleteAuthorization);
		this.grantsMade.clear();
		this.jdbc.update("DELETE FROM notification_outbox WHERE dedup_key LIKE 'report:%'");
		clearReportsAndComplaints();
		TestClock.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void shouldPrepareTheWeeklyReportOnMondayAndReleaseItAsTheClerk() {
		TestClock.setCurrentTime(at("2026-11-23T08:00:00")); // a Monday

		Run run = runByTimer();

		assertThat(run.businessKey()).isEqualTo("REPORTS-2026-11-23");
		assertThat(run).hasPassed(Elements.REPORTS_DUE, Elements.DETERMINE_DUE_REPORTS);
		assertThat(variable(run, "onDemand")).isEqualTo(false);
		assertThat(variable(run, "dueReports")).isEqualTo("2026-W47");
		Task task = releaseTasks(run).get(0);
		assertThat(candidateGroups(task)).containsExactly("clerks");
		assertThat(task.getName()).isEqualTo("发布投诉周报 2026-W47");
		// the same working day, by the end of working hours
		assertThat(task.getDueDate()).isEqualTo(at("2026-11-23T18:00:00"));
		Map<String, Object> form = this.engine.getTaskService().getVariables(task.getId());
		assertThat(form).containsEntry("reportKind", "WEEKLY")
			.containsEntry("reportPeriod", "2026-W47")
			.containsEntry("reportTitle", "投诉周报 2026-W47")
			.containsEntry("reportLink", "http://localhost:8080/api/reports/weekly?week=2026-W47")
			.containsEntry("releaseDueOn", "2026-11-23");
		assertThat((String) form.get("summary")).isNotBlank();
		assertThat(this.store.released(ReportPeriod.week("2026-W47"))).isEmpty();

		TestClock.setCurrentTime(at("2026-11-23T11:30:00"));
		release(task, "clerk1", "Two delivery complaints from the same store: the store manager is on it.");

		assertThat(run).isEnded().hasPassed(Elements.PUBLISH_REPORT, Elements.REPORTS_RELEASED);
		assertThat(this.store.released(ReportPeriod.week("2026-W47"))).isPresent();
		assertThat(releasedBy(ReportPeriod.week("2026-W47"))).isEqualTo("clerk1");
		List<Map<String, Object>> sent = notifications();
		assertThat(sent).extracting((row) -> row.get("DEDUP_KEY"), (row) -> row.get("RECIPIENT_GROUP"),
				(row) -> row.get("SUBJECT"))
			.containsExactlyInAnyOrder(
					tuple("report:WEEKLY:2026-W47:gm", "gm", "投诉周报 2026-W47 已发布"),
					tuple("report:WEEKLY:2026-W47:supervisors", "supervisors", "投诉周报 2026-W47 已发布"));
		// Chinese first, the release once more in English, then the clerk's note and the summary
		assertThat((String) sent.get(0).get("BODY")).startsWith("投诉周报 2026-W47 已由 clerk1 于 2026-11-23 发布。"
				+ "完整报表：http://localhost:8080/api/reports/weekly?week=2026-W47（下载 CSV：请求头 Accept: text/csv）\n"
				+ "Weekly complaint report 2026-W47, released by clerk1 on 2026-11-23. "
				+ "The full report: http://localhost:8080/api/reports/weekly?week=2026-W47 (as CSV with Accept: text/csv)\n\n")
			.contains("clerk1 的说明：\nTwo delivery complaints from the same store")
			.contains((String) form.get("summary"));
		assertThat(variable(run, "releasedBy")).isEqualTo("clerk1");
	}

	@Test
	void shouldCountTheFiguresAgainWhenTheClerkReleases() {
		complaint("CMP-20261116-0001", "2026-11-16T10:00:00", 1);
		complaint("CMP-20261127-0002", "2026-11-27T15:00:00", 2);
		// handled and approved on the last day of the month: the callback is due in the first days of December
		handledRound("CMP-20261127-0002", "2026-11-30T16:00:00");
		TestClock.setCurrentTime(at("2026-12-01T08:00:00"));
		Run run = runByTimer();
		Task task = releaseTasks(run).get(0);
		String summary = (String) this.engine.getTaskService().getVariable(task.getId(), "summary");
		assertThat(summary).startsWith("投诉统计月报 2026-11：2026-11-01 至 2026-11-30")
			.contains("登记：2 件（一级 1 件，二级 1 件，三级 0 件")
			.contains("回访：应回访 1 件，已联系上 0 件（回访率 0.0%）");

		// the customer is called back on 2 December; the clerk releases on the 4th
		this.jdbc.update("""
				UPDATE complaint_round SET reached = TRUE, satisfaction = 2, called_back_by = 'super1', called_back_at = ?
				WHERE case_number = 'CMP-20261127-0002'""", new Timestamp(at("2026-12-02T10:00:00").getTime()));
		TestClock.setCurrentTime(at("2026-12-04T14:00:00"));
		release(task, "clerk1", "Callback rate complete");

		StoredReport released = this.store.released(ReportPeriod.month("2026-11")).orElseThrow();
		assertThat(released.report().registered().total()).isEqualTo(2);
		assertThat(released.report().callbacks().reached()).isEqualTo(1);
		assertThat(released.report().computedAt()).isEqualTo(at("2026-12-04T14:00:00").toInstant());
		assertThat(released.releasedAt()).isEqualTo(at("2026-12-04T14:00:00").toInstant());
		assertThat(released.releasedBy()).isEqualTo("clerk1");
		assertThat((String) notifications().get(0).get("BODY")).contains("回访：应回访 1 件，已联系上 1 件（回访率 100.0%）")
			.contains("登记：2 件（一级 1 件，二级 1 件，三级 0 件");
	}

	@Test
	void shouldPrepareTheMonthlyStatisticsOnTheFirstDueOnTheTenthAt18() {
		TestClock.setCurrentTime(at("2026-12-01T08:00:00")); // a Tuesday

		Run run = runByTimer();

		assertThat(run.businessKey()).isEqualTo("REPORTS-2026-12-01");
		Task task = releaseTasks(run).get(0);
		assertThat(task.getName()).isEqualTo("发布投诉统计月报 2026-11");
		assertThat(task.getDueDate()).isEqualTo(at("2026-12-10T18:00:00"));
		assertThat(this.engine.getTaskService().getVariable(task.getId(), "reportLink"))
			.isEqualTo("http://localhost:8080/api/reports/monthly?month=2026-11");

		TestClock.setCurrentTime(at("2026-12-09T16:00:00"));
		release(task, "clerk1", null);

		assertThat(run).isEnded();
		assertThat(this.store.released(ReportPeriod.month("2026-11"))).isPresent();
		assertThat(notifications()).extracting((row) -> row.get("DEDUP_KEY"))
			.containsExactlyInAnyOrder("report:MONTHLY:2026-11:gm", "report:MONTHLY:2026-11:supervisors");
		assertThat((String) notifications().get(0).get("BODY")).doesNotContain("Note from");
	}

	@Test
	void shouldPrepareBothReportsOnAMondayTheFirstAndReleaseThemApart() {
		TestClock.setCurrentTime(at("2026-06-01T08:00:00")); // Monday, 1 June

		Run run = runByTimer();

		assertThat(variable(run, "dueReports")).isEqualTo("2026-W22,2026-05");
		List<Task> tasks = releaseTasks(run);
		assertThat(tasks).extracting(Task::getName, Task::getDueDate)
			.containsExactlyInAnyOrder(
					tuple("发布投诉周报 2026-W22", at("2026-06-01T18:00:00")),
					tuple("发布投诉统计月报 2026-05", at("2026-06-10T18:00:00")));
		Task monthly = tasks.stream().filter((t) -> t.getName().contains("2026-05")).findFirst().orElseThrow();
		Task weekly = tasks.stream().filter((t) -> t.getName().contains("2026-W22")).findFirst().orElseThrow();

		release(monthly, "clerk1", "May: callbacks are behind");
		assertThat(run).isActive();
		assertThat(this.store.released(ReportPeriod.month("2026-05"))).isPresent();
		assertThat(this.store.released(ReportPeriod.week("2026-W22"))).isEmpty();
		release(weekly, "clerk1", "Quiet week");

		assertThat(run).isEnded();
		assertThat(this.store.released(ReportPeriod.week("2026-W22"))).isPresent();
		// each report went out with its own comment
		Map<String, String> bodies = new HashMap<>();
		notifications().forEach((row) -> bodies.put((String) row.get("DEDUP_KEY"), (String) row.get("BODY")));
		assertThat(bodies).hasSize(4);
		assertThat(bodies.get("report:MONTHLY:2026-05:gm")).contains("May: callbacks are behind")
			.doesNotContain("Quiet week");
		assertThat(bodies.get("report:WEEKLY:2026-W22:supervisors")).contains("Quiet week")
			.doesNotContain("May: callbacks are behind");
	}

	@Test
	void shouldEndWithoutAReportOnAnOrdinaryDay() {
		TestClock.setCurrentTime(at("2026-11-25T08:00:00")); // a Wednesday

		Run run = runByTimer();

		assertThat(run).isEnded().hasPassed(Elements.NO_REPORT_DUE).hasNotPassed(Elements.RELEASE_ONE_REPORT);
		assertThat(notifications()).isEmpty();
	}

	@Test
	void shouldLookForDueReportsEveryDayAt8AndStartAgainAfterARun() {
		String definitionId = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		StartEvent timerStart = this.engine.getRepositoryService()
			.getBpmnModelInstance(definitionId)
			.getModelElementById(Elements.REPORTS_DUE);
		TimerEventDefinition timer = (TimerEventDefinition) timerStart.getEventDefinitions().iterator().next();
		assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("${reportSchedule.cron}");

		// cron 0 0 8 * * ? in the JVM's zone
		Job due = timerJob();
		assertThat(due.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime()).hasToString("08:00");

		TestClock.setCurrentTime(at("2026-11-25T08:00:00"));
		execute(due);
		Job next = timerJob();
		assertThat(next.getId()).isNotEqualTo(due.getId());
		assertThat(next.getDuedate()).isAfter(at("2026-11-25T08:00:00"));
		assertThat(next.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime()).hasToString("08:00");
	}

	@Test
	void shouldPrepareTheReportAClerkAsksFor() {
		grantClerksTheStart();
		TestClock.setCurrentTime(at("2026-11-25T10:00:00")); // a Wednesday

		ProcessInstance run = startAs("clerk1", Map.of("kind", "MONTHLY", "period", "2026-10"));

		assertThat(run).hasBusinessKey("REPORTS-2026-11-25").isWaitingAt(Elements.PREPARE_REPORT);
		assertThat(variable(run, "requestedBy")).isEqualTo("clerk1");
		assertThat(variable(run, "onDemand")).isEqualTo(true);
		Task task = releaseTasks(run).get(0);
		assertThat(task.getName()).isEqualTo("发布投诉统计月报 2026-10");
		// the 10th has passed: due the same working day rather than overdue at once
		assertThat(task.getDueDate()).isEqualTo(at("2026-11-25T18:00:00"));
		release(task, "clerk1", null);
		assertThat(this.store.released(ReportPeriod.month("2026-10"))).isPresent();

		// the kind alone: the last complete week; a second run of the day gets its own key
		ProcessInstance weekly = startAs("clerk1", Map.of("kind", "WEEKLY"));
		assertThat(weekly).hasBusinessKey("REPORTS-2026-11-25-2");
		assertThat(variable(weekly, "dueReports")).isEqualTo("2026-W47");
		assertThat(releaseTasks(weekly)).extracting(Task::getName)
			.containsExactly("发布投诉周报 2026-W47");
	}

	@Test
	void shouldRefuseABadRequestAndStartNothing() {
		TestClock.setCurrentTime(at("2026-11-25T10:00:00")); // a Wednesday of 2026-W48

		assertRefused(Map.of("kind", "WEEKLY", "period", "2026-W60"),
				"'period' 2026-W60 must be an existing ISO week: 2026 has weeks 01 to 53");
		assertRefused(Map.of("kind", "MONTHLY", "period", "2026-13"), "'period' 2026-13 must be a month as YYYY-MM");
		assertRefused(Map.of("period", "last week"),
				"'period' must be an ISO week like 2026-W47 or a month like 2026-11, was 'last week'");
		assertRefused(Map.of("kind", "WEEKLY", "period", "2026-11"),
				"'period' 2026-11 is a month: a weekly report needs an ISO week like 2026-W47");
		assertRefused(Map.of("kind", "MONTHLY", "period", "2026-W47"), "'period' 2026-W47 is a week");
		assertRefused(Map.of("kind", "DAILY"), "'kind' must be WEEKLY or MONTHLY, was 'DAILY'");
		assertRefused(Map.of("kind", "WEEKLY", "period", "2026-W48"), "'period' 2026-W48 has not ended yet");
		assertRefused(Map.of("period", "2026-11"), "'period' 2026-11 has not ended yet");

		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.count()).isZero();
	}

	@Test
	void shouldNeverPrepareAReportTwice() {
		TestClock.setCurrentTime(at("2026-11-23T08:00:00"));
		Run first = runByTimer();
		Task task = releaseTasks(first).get(0);

		// the timer fires again (a second node, a retry): the week is waiting in the first run
		Run again = runByTimer();
		assertThat(again).isEnded().hasPassed(Elements.NO_REPORT_DUE);
		assertRefused(Map.of("kind", "WEEKLY", "period", "2026-W47"),
				"The report 2026-W47 is waiting for release in REPORTS-2026-11-23");

		release(task, "clerk1", null);
		assertRefused(Map.of("kind", "WEEKLY", "period", "2026-W47"),
				"The report 2026-W47 is released already: read it at /api/reports/weekly?week=2026-W47");
		assertThat(runByTimer()).isEnded().hasPassed(Elements.NO_REPORT_DUE);
		assertThat(notifications()).hasSize(2);
	}

	@Test
	void shouldLetClerksAndSupervisorsButNotAgentsAskForAReport() {
		grantClerksTheStart();
		TestClock.setCurrentTime(at("2026-11-25T10:00:00"));
		assertThat(startAs("clerk1", Map.of("kind", "WEEKLY"))).isNotNull();
		assertThat(startAs("super1", Map.of("kind", "MONTHLY"))).isNotNull();
		assertThatThrownBy(() -> startAs("agent1", Map.of("kind", "MONTHLY", "period", "2026-09")))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void shouldDeployTheFormsWithTheModel() throws Exception {
		TestClock.setCurrentTime(at("2026-11-23T08:00:00"));
		Run run = runByTimer();
		Task task = releaseTasks(run).get(0);
		ObjectMapper json = new ObjectMapper();

		try (InputStream form = this.engine.getFormService().getDeployedTaskForm(task.getId());
				InputStream start = this.engine.getFormService().getDeployedStartForm(run.getProcessDefinitionId())) {
			JsonNode release = json.readTree(form);
			assertThat(release.get("id").asText()).isEqualTo("releaseReport");
			assertThat(release.findValuesAsText("key")).containsExactly("summary", "releaseComment");
			JsonNode startForm = json.readTree(start);
			assertThat(startForm.get("id").asText()).isEqualTo("startComplaintReport");
			assertThat(startForm.findValuesAsText("key")).containsExactly("kind", "period");
		}

		// what Tasklist loads for a clerk: the form and its variables, with no grant but the task's own
		TestUsers.authenticate(this.engine.getIdentityService(), "clerk1");
		try (InputStream form = this.engine.getFormService().getDeployedTaskForm(task.getId())) {
			assertThat(json.readTree(form).get("id").asText()).isEqualTo("releaseReport");
			assertThat(this.engine.getFormService().getTaskFormVariables(task.getId()).keySet()).contains("summary",
					"reportTitle", "reportLink", "releaseDueOn", "reportKind", "releaseComment");
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	// --- driving the process

	/** The timer start job, as the job executor would run it when it is due; returns the new run. */
	private Run runByTimer() {
		List<String> before = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.list()
			.stream()
			.map((run) -> run.getId())
			.toList();
		execute(timerJob());
		String id = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.list()
			.stream()
			.map((run) -> run.getId())
			.filter((runId) -> !before.contains(runId))
			.findFirst()
			.orElseThrow();
		HistoricProcessInstance run = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.singleResult();
		return new Run(run.getId(), run.getBusinessKey(), run.getProcessDefinitionId());
	}

	private Job timerJob() {
		return this.engine.getManagementService()
			.createJobQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.timers()
			.activityId(Elements.REPORTS_DUE)
			.singleResult();
	}

	/** Starts a run as the user would in Tasklist, with the engine's authorization checks. */
	private ProcessInstance startAs(String user, Map<String, Object> variables) {
		TestUsers.authenticate(this.engine.getIdentityService(), user);
		try {
			return this.engine.getRuntimeService().startProcessInstanceByKey(ComplaintReportProcess.KEY, variables);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	private void assertRefused(Map<String, Object> request, String message) {
		long runs = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.count();
		assertThatThrownBy(() -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(ComplaintReportProcess.KEY, request)).isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining(message);
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintReportProcess.KEY)
			.count()).isEqualTo(runs);
	}

	/** Runs the asynchronous "Prepare the report" jobs and returns the run's release tasks. */
	private List<Task> releaseTasks(ProcessInstance run) {
		this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(run.getId())
			.activityId(Elements.PREPARE_REPORT)
			.list()
			.forEach(BpmnAwareTests::execute);
		List<Task> tasks = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(run.getId())
			.taskDefinitionKey(Elements.RELEASE_REPORT)
			.list();
		assertThat(tasks).isNotEmpty();
		return tasks;
	}

	/** Completes "Release the report" as the clerk in Tasklist: claimed, then submitted with the comment. */
	private void release(Task task, String clerk, String comment) {
		TestUsers.authenticate(this.engine.getIdentityService(), clerk);
		try {
			this.engine.getTaskService().claim(task.getId(), clerk);
			Map<String, Object> form = new HashMap<>();
			form.put("summary", this.engine.getTaskService().getVariable(task.getId(), "summary"));
			form.put("releaseComment", comment);
			this.engine.getTaskService().complete(task.getId(), form);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	/**
	 * What {@code AuthorizationSeeder} is asked to grant for this process: clerks and supervisors may
	 * start it, staff read it. Made here when missing and removed after the test.
	 */
	private void grantClerksTheStart() {
		AuthorizationService authorizations = this.engine.getAuthorizationService();
		for (String group : List.of("clerks", "supervisors")) {
			grant(authorizations, group, Resources.PROCESS_DEFINITION, ComplaintReportProcess.KEY,
					Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
			grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
		}
	}

	private void grant(AuthorizationService authorizations, String group, Resources resource, String resourceId,
			Permission... permissions) {
		boolean granted = true;
		for (Permission permission : permissions) {
			granted &= authorizations.isUserAuthorized("nobody", List.of(group), permission, resource, resourceId);
		}
		if (granted) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.grantsMade.add(authorizations.saveAuthorization(authorization).getId());
	}

	// --- reading

	/** A process-level variable of the run, running or ended. */
	private Object variable(ProcessInstance run, String name) {
		return this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(run.getId())
			.variableName(name)
			.singleResult()
			.getValue();
	}

	private List<Map<String, Object>> notifications() {
		return this.jdbc.queryForList("""
				SELECT dedup_key, case_number, recipient_group, subject, body FROM notification_outbox
				WHERE dedup_key LIKE 'report:%' ORDER BY id""");
	}

	private List<String> candidateGroups(Task task) {
		return this.engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter((group) -> group != null)
			.toList();
	}

	// --- the report store (package io.complaintdesk.report)

	private String releasedBy(ReportPeriod period) {
		return this.store.released(period).orElseThrow().releasedBy();
	}

	private void clearReportsAndComplaints() {
		this.jdbc.update("DELETE FROM complaint_report");
		this.jdbc.update("DELETE FROM complaint_round WHERE case_number IN (SELECT case_number FROM complaint "
				+ "WHERE process_instance_id LIKE 'report-process-tests-%')");
		this.jdbc.update("DELETE FROM complaint WHERE process_instance_id LIKE 'report-process-tests-%'");
	}

	/**
	 * A run as the assertions need it, also when it has ended already (a run by the timer on a day
	 * without due report ends in the job that started it).
	 */
	record Run(String id, String businessKey, String processDefinitionId) implements ProcessInstance {

		@Override
		public String getId() {
			return this.id;
		}

		@Override
		public String getProcessInstanceId() {
			return this.id;
		}

		@Override
		public String getRootProcessInstanceId() {
			return this.id;
		}

		@Override
		public String getBusinessKey() {
			return this.businessKey;
		}

		@Override
		public String getProcessDefinitionId() {
			return this.processDefinitionId;
		}

		@Override
		public String getProcessDefinitionKey() {
			return ComplaintReportProcess.KEY;
		}

		@Override
		public String getCaseInstanceId() {
			return null;
		}

		@Override
		public String getTenantId() {
			return null;
		}

		@Override
		public boolean isSuspended() {
			return false;
		}

		@Override
		public boolean isEnded() {
			return false;
		}

	}

	/** A complaint in the registry, received then at the level, still open. */
	private void complaint(String caseNumber, String receivedAt, int level) {
		this.jdbc.update("""
				INSERT INTO complaint (case_number, process_instance_id, received_at, registered_by, channel,
				    complainant_type, category, customer_name, contact_phone, description, demand, complaint_level,
				    major, current_round, status)
				VALUES (?, ?, ?, 'agent1', 'PHONE', 'CONSUMER', 'DELIVERY', 'Li Wei', '13900000000',
				    'Parcel arrived late', 'APOLOGY', ?, FALSE, 1, 'OPEN')""", caseNumber,
				"report-process-tests-" + caseNumber, new Timestamp(at(receivedAt).getTime()), level);
	}

	/** Round 1 of the case, handled and approved then, its callback not made yet. */
	private void handledRound(String caseNumber, String handledAt) {
		this.jdbc.update("""
				INSERT INTO complaint_round (case_number, round_no, complaint_level, major, handler_group, reviewer_group,
				    callback_group, started_at, handled_by, handled_at, review_approved, reviewed_by)
				VALUES (?, 1, 2, FALSE, 'supervisors', 'directors', 'supervisors', ?, 'super1', ?, TRUE, 'director1')""",
				caseNumber, new Timestamp(at(handledAt).getTime() - 86_400_000L), new Timestamp(at(handledAt).getTime()));
	}

	private static Date at(String localDateTime) {
		return Date.from(ZonedDateTime.of(LocalDateTime.parse(localDateTime), DESK).toInstant());
	}

}
