package io.complaintdesk.complaint.casefile;

import static io.complaintdesk.complaint.casefile.CaseFileApiTests.as;
import static io.complaintdesk.complaint.casefile.CaseFileApiTests.last;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestClock;
import io.complaintdesk.TestUsers;

/**
 * Waiting for the customer (等待客户（暂停计时）): a pause stops every clock of the case (its timer jobs
 * are suspended and do not fire when their time comes), resuming moves every deadline — timers, the
 * open task's due date, the registry's close-by — by the paused working time; a pause longer than 10
 * working days is reported to the supervisors by {@code case-pause-watch}. And the visit callback
 * that needs the signed visit sheet. The clock is moved with {@link TestClock}; jobs run by hand.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WaitingForCustomerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	io.complaintdesk.complaint.dashboard.DeskDashboard dashboard;

	String caseNumber;

	String processInstanceId;

	@BeforeEach
	void setUp() throws Exception {
		// Monday 23 November 2026, 10:00 in Shanghai: first contact due Tuesday 10:00
		TestClock.setCurrentTime(Date.from(at("2026-11-23T10:00")));
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		this.caseNumber = CaseFileApiTests.register(this.mvc, this.json, null);
		this.processInstanceId = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.caseNumber)
			.processDefinitionKey("complaint-handling")
			.singleResult()
			.getId();
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
		this.identity.clearAuthentication();
	}

	@Test
	void shouldStopTheClocksWhilePausedAndMoveEveryDeadlineByThePausedWorkingTime() throws Exception {
		Map<String, Date> dueBefore = timerDueDates();
		assertThat(dueBefore).containsEntry("firstContactOverdue", Date.from(at("2026-11-24T10:00")))
			.containsKey("caseOverdue");
		Date taskDueBefore = verifyTask().getDueDate();

		pause("agent1", "等客户提供购买发票").andExpect(status().isOk()).andExpect(jsonPath("$.paused").value(true));
		this.mvc.perform(get("/api/complaints/{c}", this.caseNumber).with(as("agent1")))
			.andExpect(jsonPath("$.paused").value(true));
		assertThat(timers().stream().allMatch(Job::isSuspended)).isTrue();
		// the Cockpit dashboard counts it among the cases waiting for the customer
		assertThat(this.dashboard.at(TestClock.now().toInstant()).paused().cases())
			.extracting(io.complaintdesk.complaint.dashboard.Dashboard.CaseLine::caseNumber)
			.contains(this.caseNumber);
		ProcessInstance watch = watch();
		assertThat(watch).isWaitingAt(PauseWatchProcess.WAIT_FOR_RESUME);
		pause("super1", "再次暂停").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("投诉案件 " + this.caseNumber + " 已在等待客户（暂停计时）中"));

		// Wednesday 10:00: the first contact was due yesterday, but no clock of the case runs (the job
		// executor acquires active jobs only)
		TestClock.setCurrentTime(Date.from(at("2026-11-25T10:00")));
		assertThat(this.management.createJobQuery().processInstanceId(this.processInstanceId).executable().list())
			.isNotEmpty()
			.allMatch(Job::isSuspended);
		this.mvc.perform(get("/api/complaints/{c}", this.caseNumber).with(as("agent1")))
			.andExpect(jsonPath("$.deadlines.overdue").value(false));

		// 18 working hours later (Mon 10–18, Tue 9–18, Wed 9–10) the case resumes
		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paused").value(false))
			.andExpect(jsonPath("$.pausedWorkingMinutes").value(18 * 60));
		Map<String, Date> dueAfter = timerDueDates();
		assertThat(dueAfter).containsEntry("firstContactOverdue", Date.from(at("2026-11-26T10:00")));
		// the case deadline Monday 30 November 10:00 moves to Wednesday 2 December 10:00
		assertThat(dueBefore.get("caseOverdue")).isEqualTo(Date.from(at("2026-11-30T10:00")));
		assertThat(dueAfter).containsEntry("caseOverdue", Date.from(at("2026-12-02T10:00")));
		assertThat(timers().stream().noneMatch(Job::isSuspended)).isTrue();
		assertThat(this.dashboard.at(TestClock.now().toInstant()).paused().cases())
			.extracting(io.complaintdesk.complaint.dashboard.Dashboard.CaseLine::caseNumber)
			.doesNotContain(this.caseNumber);
		assertThat(taskDueBefore).isEqualTo(Date.from(at("2026-11-24T10:00")));
		assertThat(verifyTask().getDueDate()).isEqualTo(Date.from(at("2026-11-26T10:00")));
		assertThat(this.jdbc.queryForObject("SELECT close_by FROM complaint WHERE case_number = ?", Timestamp.class,
				this.caseNumber).toInstant()).isEqualTo(at("2026-12-02T10:00"));
		assertThat(this.runtime.getVariable(this.processInstanceId, "closeBy")).isEqualTo(Date.from(at("2026-12-02T10:00")));
		assertThat(this.runtime.getVariable(this.processInstanceId, "closeOn")).isEqualTo("2026-12-02 10:00");
		this.mvc.perform(get("/api/complaints/{c}", this.caseNumber).with(as("agent1")))
			.andExpect(jsonPath("$.paused").value(false))
			.andExpect(jsonPath("$.deadlines.closeBy").value("2026-12-02T02:00:00Z"));
		assertThat(this.history.createHistoricProcessInstanceQuery().processInstanceId(watch.getId()).singleResult())
			.extracting((h) -> h.getEndActivityId())
			.isEqualTo("caseResumed");
		assertThat(this.jdbc.queryForMap("SELECT * FROM case_pause WHERE case_number = ?", this.caseNumber))
			.containsEntry("PAUSED_BY", "agent1")
			.containsEntry("RESUMED_BY", "agent1")
			.containsEntry("WORKING_SECONDS", 18L * 3600)
			.containsEntry("REASON", "等客户提供购买发票");

		JsonNode timeline = timeline();
		assertThat(last(timeline, "PAUSED").get("text").asText()).isEqualTo("等待客户（暂停计时）：等客户提供购买发票");
		assertThat(last(timeline, "RESUMED").get("text").asText()).isEqualTo("恢复计时：各处理期限顺延 18.0 个工作小时");

		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as("agent1")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("投诉案件 " + this.caseNumber + " 没有在等待客户，无需恢复计时"));
		// the moved first-contact timer fires when its new time comes, not before
		TestClock.setCurrentTime(Date.from(at("2026-11-26T09:59")));
		assertThat(this.management.createJobQuery().processInstanceId(this.processInstanceId).executable().count())
			.isZero();
		TestClock.setCurrentTime(Date.from(at("2026-11-26T10:01")));
		assertThat(this.management.createJobQuery().processInstanceId(this.processInstanceId).executable().list())
			.extracting(Job::getDuedate)
			.containsExactly(Date.from(at("2026-11-26T10:00")));
	}

	@Test
	void shouldCreateTheTimersOfWorkDoneDuringThePauseSuspendedAndCountThemFromThePause() throws Exception {
		// Monday 11:00 the case starts waiting for the customer
		TestClock.setCurrentTime(Date.from(at("2026-11-23T11:00")));
		pause("agent1", "等客户提供购买发票").andExpect(status().isOk());

		// Tuesday 10:00, still waiting: the verification is done; the handling round starts with the
		// solution timer and the progress-contact timer, which must not run while the clocks stand still
		TestClock.setCurrentTime(Date.from(at("2026-11-24T10:00")));
		complete("verifyComplaint", "agent1", Map.of("valid", true));
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(this.processInstanceId).singleResult())
			.isWaitingAt("handleComplaint");
		Map<String, Date> during = timerDueDates();
		assertThat(during).containsOnlyKeys("caseOverdue", "solutionOverdue", "progressContactDue");
		assertThat(timers()).allMatch(Job::isSuspended);
		// counted from the moment the clocks stopped (Monday 11:00), not from Tuesday 10:00
		assertThat(during).containsEntry("solutionOverdue", Date.from(at("2026-11-24T11:00")))
			.containsEntry("progressContactDue", Date.from(at("2026-11-30T11:00")));
		assertThat(task("handleComplaint").getDueDate()).isEqualTo(Date.from(at("2026-11-24T11:00")));

		// Wednesday 10:00: the solution timer's time has passed, but nothing of the case may fire
		TestClock.setCurrentTime(Date.from(at("2026-11-25T10:00")));
		assertThat(this.management.createJobQuery().processInstanceId(this.processInstanceId).executable().list())
			.isNotEmpty()
			.allMatch(Job::isSuspended);

		// resumed after 17 working hours (Mon 11–18, Tue 9–18, Wed 9–10): every clock runs again with
		// the time it had left when the case started waiting
		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pausedWorkingMinutes").value(17 * 60));
		assertThat(timers()).noneMatch(Job::isSuspended);
		assertThat(timerDueDates()).containsEntry("solutionOverdue", Date.from(at("2026-11-26T10:00")))
			.containsEntry("progressContactDue", Date.from(at("2026-12-02T10:00")))
			.containsEntry("caseOverdue", Date.from(at("2026-12-01T18:00")));
		assertThat(task("handleComplaint").getDueDate()).isEqualTo(Date.from(at("2026-11-26T10:00")));

		// the solution timer fires when its moved time comes, not before
		TestClock.setCurrentTime(Date.from(at("2026-11-26T09:59")));
		assertThat(this.management.createJobQuery().processInstanceId(this.processInstanceId).executable().count())
			.isZero();
		TestClock.setCurrentTime(Date.from(at("2026-11-26T10:01")));
		List<Job> due = this.management.createJobQuery().processInstanceId(this.processInstanceId).executable().list();
		assertThat(due).extracting(Job::getDuedate).containsExactly(Date.from(at("2026-11-26T10:00")));
		this.management.executeJob(due.get(0).getId());
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(this.processInstanceId).singleResult())
			.hasPassed("solutionOverdue");
	}

	@Test
	void shouldStartACallbackDuringThePauseWithItsClockStopped() throws Exception {
		TestClock.setCurrentTime(Date.from(at("2026-11-23T11:00")));
		pause("agent1", "等客户确认上门时间").andExpect(status().isOk());

		// Tuesday 10:00, still waiting: the round is handled and reviewed, the callback starts
		TestClock.setCurrentTime(Date.from(at("2026-11-24T10:00")));
		complete("verifyComplaint", "agent1", Map.of("valid", true));
		complete("handleComplaint", "agent1", Map.of("resolution", "上门维修", "compensationAmount", 0,
				"companyAtFault", true, "responsibleDepartment", "售后服务部"));
		complete("reviewHandling", "super1", Map.of("reviewApproved", true));
		ProcessInstance callback = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.caseNumber)
			.processDefinitionKey("complaint-callback")
			.singleResult();
		assertThat(callback).isWaitingAt("callbackCustomer");
		Job overdue = this.management.createJobQuery().processInstanceId(callback.getId()).timers().singleResult();
		assertThat(overdue.isSuspended()).isTrue();
		// 3 working days from the moment the clocks stopped (Monday 11:00)
		assertThat(overdue.getDuedate()).isEqualTo(Date.from(at("2026-11-26T11:00")));
		assertThat(task("callbackCustomer").getDueDate()).isEqualTo(Date.from(at("2026-11-26T11:00")));

		// resumed Wednesday 10:00 after 17 working hours: 3 working days left, due Monday 30 November 10:00
		TestClock.setCurrentTime(Date.from(at("2026-11-25T10:00")));
		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as("agent1")))
			.andExpect(status().isOk());
		Job moved = this.management.createJobQuery().processInstanceId(callback.getId()).timers().singleResult();
		assertThat(moved.isSuspended()).isFalse();
		assertThat(moved.getDuedate()).isEqualTo(Date.from(at("2026-11-30T10:00")));
		assertThat(task("callbackCustomer").getDueDate()).isEqualTo(Date.from(at("2026-11-30T10:00")));
	}

	@Test
	void shouldMoveADeadlineCountedFromBeforeAFinishedPauseWhenTheNextCallbackAttemptStarts() throws Exception {
		// Monday 10:30 the round is handled and reviewed: the callback is due 3 working days later,
		// Thursday 26 November 10:30 (task and missed-callback timer)
		TestClock.setCurrentTime(Date.from(at("2026-11-23T10:30")));
		complete("verifyComplaint", "agent1", Map.of("valid", true));
		complete("handleComplaint", "agent1", Map.of("resolution", "上门维修", "compensationAmount", 0,
				"companyAtFault", true, "responsibleDepartment", "售后服务部"));
		complete("reviewHandling", "super1", Map.of("reviewApproved", true));
		String callback = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.caseNumber)
			.processDefinitionKey("complaint-callback")
			.singleResult()
			.getId();
		assertThat(task("callbackCustomer").getDueDate()).isEqualTo(Date.from(at("2026-11-26T10:30")));

		// 11:00 the customer cannot be reached: the next attempt waits for the next working day
		TestClock.setCurrentTime(Date.from(at("2026-11-23T11:00")));
		complete("callbackCustomer", "agent2", Map.of("reached", false));
		assertThat(task("callbackCustomer")).isNull();

		// 14:00 the case waits for the customer; resumed Tuesday 14:00 after 9 working hours
		// (Mon 14–18, Tue 9–14): the missed-callback timer moves to Friday 27 November 10:30
		TestClock.setCurrentTime(Date.from(at("2026-11-23T14:00")));
		pause("agent1", "客户出差，周二后方可联系").andExpect(status().isOk());
		TestClock.setCurrentTime(Date.from(at("2026-11-24T14:00")));
		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as("agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pausedWorkingMinutes").value(9 * 60));
		Job missed = this.management.createJobQuery().processInstanceId(callback).activityId("callbackOverdue")
			.singleResult();
		assertThat(missed.getDuedate()).isEqualTo(Date.from(at("2026-11-27T10:30")));

		// Wednesday the next attempt starts: its task is counted from the end of handling (Monday
		// 10:30), which lies before the pause — it is due with the timer, not on Thursday
		TestClock.setCurrentTime(Date.from(at("2026-11-25T09:30")));
		Job nextAttempt = this.management.createJobQuery().processInstanceId(callback)
			.activityId("waitForAnotherDay")
			.singleResult();
		this.management.executeJob(nextAttempt.getId());
		assertThat(task("callbackCustomer").getDueDate()).isEqualTo(Date.from(at("2026-11-27T10:30")));
	}

	@Test
	void shouldNotSuspendTheTimersOfACaseThatIsNotWaiting() throws Exception {
		TestClock.setCurrentTime(Date.from(at("2026-11-24T10:00")));
		complete("verifyComplaint", "agent1", Map.of("valid", true));
		assertThat(timers()).hasSize(3).noneMatch(Job::isSuspended);
		assertThat(timerDueDates()).containsEntry("solutionOverdue", Date.from(at("2026-11-25T10:00")));
	}

	@Test
	void shouldReportAPauseLongerThanTenWorkingDaysToTheSupervisorsOnce() throws Exception {
		pause("agent1", "客户出差，两周后回来").andExpect(status().isOk());
		ProcessInstance watch = watch();
		Job limit = this.management.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
		// 10 working days after Monday 23 November 10:00
		assertThat(limit.getDuedate()).isEqualTo(Date.from(at("2026-12-07T10:00")));
		TestClock.setCurrentTime(Date.from(at("2026-12-07T10:01")));
		this.management.executeJob(limit.getId());

		assertThat(watch).hasPassed(PauseWatchProcess.REPORT_LONG_PAUSE).isWaitingAt(PauseWatchProcess.WAIT_FOR_RESUME);
		List<Map<String, Object>> sent = this.jdbc.queryForList(
				"SELECT recipient_group, subject FROM notification_outbox WHERE case_number = ? AND dedup_key LIKE 'pause-too-long:%'",
				this.caseNumber);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0)).containsEntry("RECIPIENT_GROUP", "supervisors")
			.containsEntry("SUBJECT", "投诉案件 " + this.caseNumber + " 等待客户已超过 10 个工作日");
		// the case's own timers are still stopped
		assertThat(this.management.createJobQuery().processInstanceId(this.processInstanceId).active().count())
			.isZero();
		assertThat(last(timeline(), "NOTIFICATION").get("text").asText())
			.startsWith("通知待发送给 用户组 supervisors：投诉案件 " + this.caseNumber + " 等待客户已超过");

		this.mvc.perform(post("/api/complaints/{c}/resume", this.caseNumber).with(as("super1")))
			.andExpect(status().isOk());
		assertThat(watch).isEnded();
	}

	@Test
	void shouldLetOnlyThoseWhoWorkCasesPauseAndRefuseBadReasons() throws Exception {
		pause("clerk1", "等发票").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("只有客服专员、客服主管、总监和总经理可以暂停或恢复计时"));
		this.mvc
			.perform(post("/api/complaints/{c}/pause", this.caseNumber).with(as("agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"  \"}"))
			.andExpect(status().isBadRequest());
		pause("agent1", "长".repeat(501)).andExpect(status().isBadRequest());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM case_pause WHERE case_number = ?", Integer.class,
				this.caseNumber)).isZero();
		assertThat(timers().stream().noneMatch(Job::isSuspended)).isTrue();

		this.jdbc.update("UPDATE complaint SET status = 'CLOSED' WHERE case_number = ?", this.caseNumber);
		pause("agent1", "等发票").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("投诉案件 " + this.caseNumber + " 已结案，不能暂停计时"));
	}

	@Test
	void shouldShowEachCompletedTaskWithWhoAndTheDecisionInTheTimeline() throws Exception {
		Task verify = verifyTask();
		TestUsers.authenticate(this.identity, "agent1");
		try {
			this.tasks.claim(verify.getId(), "agent1");
			this.tasks.complete(verify.getId(), Map.of("valid", true));
		}
		finally {
			this.identity.clearAuthentication();
		}
		JsonNode done = last(timeline(), "TASK_COMPLETED");
		assertThat(done.get("actor").asText()).isEqualTo("agent1");
		assertThat(done.get("text").asText()).isEqualTo("完成“核实投诉”：投诉成立");
	}

	@Test
	void shouldNotCompleteAVisitCallbackWithoutTheSignedVisitSheet() throws Exception {
		complete("verifyComplaint", "agent1", Map.of("valid", true));
		complete("handleComplaint", "agent1",
				Map.of("resolution", "上门维修", "compensationAmount", 0, "companyAtFault", true, "responsibleDepartment",
						"售后服务部"));
		complete("reviewHandling", "super1", Map.of("reviewApproved", true));
		Map<String, Object> visit = Map.of("reached", true, "satisfaction", 1, "callbackMode", "VISIT");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete("callbackCustomer", "agent2", visit))
			.rootCause()
			.isInstanceOf(io.complaintdesk.base.Refusal.class)
			.satisfies((refusal) -> assertThat(
					io.complaintdesk.base.Messages.chinese(((io.complaintdesk.base.Refusal) refusal).text()))
				.startsWith("上门回访须上传客户签字的回访单"));
		Task callback = task("callbackCustomer");
		assertThat(callback).isNotNull();

		// evidence of another kind is not the signed sheet
		upload("photo.jpg", "EVIDENCE");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete("callbackCustomer", "agent2", visit))
			.hasMessageContaining("signed visit sheet");
		upload("回访单.jpg", "VISIT_SHEET");
		complete("callbackCustomer", "agent2", visit);
		assertThat(task("callbackCustomer")).isNull();
		assertThat(this.jdbc.queryForObject(
				"SELECT callback_mode FROM complaint_round WHERE case_number = ? AND round_no = 1", String.class,
				this.caseNumber)).isEqualTo("VISIT");
	}

	// ------------------------------------------------------------------ helpers

	void upload(String name, String kind) throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/api/complaints/{c}/attachments", this.caseNumber)
				.file(new org.springframework.mock.web.MockMultipartFile("file", name, "image/jpeg", SampleFiles.jpeg()))
				.param("kind", kind)
				.with(as("agent2")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value(kind));
	}

	void complete(String key, String user, Map<String, Object> variables) {
		Task task = task(key);
		TestUsers.authenticate(this.identity, user);
		try {
			this.tasks.complete(task.getId(), variables);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	Task task(String key) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(this.caseNumber).taskDefinitionKey(key)
			.singleResult();
	}

	org.springframework.test.web.servlet.ResultActions pause(String user, String reason) throws Exception {
		return this.mvc.perform(post("/api/complaints/{c}/pause", this.caseNumber).with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("reason", reason))));
	}

	JsonNode timeline() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/complaints/{c}/timeline", this.caseNumber).with(as("super1")))
			.andExpect(status().isOk())
			.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString());
	}

	Task verifyTask() {
		return task("verifyComplaint");
	}

	ProcessInstance watch() {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.caseNumber)
			.processDefinitionKey(PauseWatchProcess.KEY)
			.singleResult();
	}

	List<Job> timers() {
		return this.management.createJobQuery().processInstanceId(this.processInstanceId).timers().list();
	}

	/** The due date of each timer of the case's instance, by the timer's activity. */
	Map<String, Date> timerDueDates() {
		Map<String, Date> due = new java.util.TreeMap<>();
		for (Job job : timers()) {
			String activity = this.management.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId();
			due.put(activity, job.getDuedate());
		}
		return due;
	}

	static Instant at(String shanghai) {
		return LocalDateTime.parse(shanghai).atZone(CaseFileApiTests.SHANGHAI).toInstant();
	}

}
