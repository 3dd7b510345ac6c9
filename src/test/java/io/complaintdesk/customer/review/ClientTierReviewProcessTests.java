package io.complaintdesk.customer.review;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
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

/**
 * The half-yearly client-tier review end to end (POLICY §8 半年评审): started on demand by a
 * supervisor or by its timer, the proposal made in a job executed by hand, approved with
 * amendments or rejected in Tasklist's place.
 * <p>
 * The review reads and changes the whole customer master and resets every default count, so this
 * class runs on an in-memory database of its own: the customers other test classes seed in the
 * shared one are neither reviewed nor reset here.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:client-tier-review-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@ActiveProfiles("test")
class ClientTierReviewProcessTests {

	private static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

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
			.processDefinitionKey(ClientTierReview.KEY)
			.list()
			.forEach((instance) -> this.engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over"));
		this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ClientTierReview.KEY)
			.list()
			.forEach((instance) -> this.engine.getHistoryService().deleteHistoricProcessInstance(instance.getId()));
		this.jdbc.update("DELETE FROM customer_tier_history");
		this.jdbc.update("DELETE FROM customer_blacklist");
		this.jdbc.update("DELETE FROM customer");
		TestClock.reset();
		BpmnAwareTests.reset();
	}

	@Test
	void shouldProposeTheChangesAndApplyOnlyTheAmendedSetWithTheApproverAndReviewKey() throws Exception {
		seedEast();
		TestClock.setCurrentTime(at("2026-07-01T10:00:00")); // a Wednesday

		ProcessInstance review = startAs("super1", "VIP E-05 missed two payments");
		Task task = approvalTask(review);

		// Camunda 7 allows one plain or timer start event: an instance started on demand begins at the timer's
		assertThat(review).hasBusinessKey("TIER-REVIEW-2026-H2").hasPassed("reviewDue", "proposeTierChanges");
		assertThat(candidateGroups(task)).containsExactly("supervisors");
		// a VIP downgraded for problems: 5 working days, not 10 (POLICY §8)
		assertThat(task.getDueDate()).isEqualTo(at("2026-07-08T10:00:00"));
		Map<String, Object> variables = this.engine.getRuntimeService().getVariables(review.getId());
		assertThat(variables).containsEntry("reviewKey", "TIER-REVIEW-2026-H2")
			.containsEntry("customersReviewed", 20)
			.containsEntry("changeCount", 4)
			.containsEntry("vipDowngradeForProblems", true)
			.containsEntry("startedBy", "super1");
		JsonNode proposal = proposal(review);
		assertThat(proposal).extracting((row) -> row.get("customerId").asText() + ":" + row.get("from").asText() + "→"
				+ row.get("to").asText())
			.containsExactly("E-01:VIP→PREFERRED", "E-02:QUALIFIED→VIP", "E-04:PREFERRED→VIP", "E-05:VIP→QUALIFIED");
		assertThat(proposal.get(3).get("vipDowngradeForProblems").asBoolean()).isTrue();
		assertThat(proposal.get(0).get("reason").asText()).endsWith("TIER-EAST 部门VIP 客户名额已满（20 个客户中最多 3 个） → 优选类客户");

		// an amendment that breaks the rules leaves the task open
		authenticate("super1");
		assertThatThrownBy(() -> complete(task, true, "E-05=PREFERRED\nE-77=KEEP"))
			.isInstanceOf(ProcessEngineException.class)
			.hasRootCauseInstanceOf(InvalidAmendmentsException.class)
			.hasMessageContaining("line 1: E-05 cannot become PREFERRED: qualifies for QUALIFIED at most")
			.hasMessageContaining("line 2: there is no customer E-77");
		assertThat(review).isWaitingAt("approveTierChanges");

		TestClock.setCurrentTime(at("2026-07-02T15:30:00"));
		complete(task, true, "E-04=KEEP\nE-01=KEEP");
		// assertions read history unpaged, which the engine refuses to an authenticated user (queryMaxResultsLimit)
		this.engine.getIdentityService().clearAuthentication();

		assertThat(review).isEnded().hasPassed("applyTierChanges", "resetDefaultCounts", "tiersReviewed");
		assertThat(tiers()).containsEntry("E-01", "VIP")
			.containsEntry("E-02", "VIP")
			.containsEntry("E-03", "VIP")
			.containsEntry("E-04", "PREFERRED")
			.containsEntry("E-05", "QUALIFIED")
			.containsEntry("E-08", "QUALIFIED");
		List<Map<String, Object>> history = this.jdbc.queryForList("""
				SELECT customer_id, from_tier, to_tier, changed_at, reason, approved_by, review_key
				FROM customer_tier_history ORDER BY customer_id""");
		assertThat(history).extracting((row) -> row.get("CUSTOMER_ID"), (row) -> row.get("FROM_TIER"),
				(row) -> row.get("TO_TIER"), (row) -> row.get("APPROVED_BY"), (row) -> row.get("REVIEW_KEY"))
			.containsExactly(tuple("E-02", "QUALIFIED", "VIP", "super1", "TIER-REVIEW-2026-H2"),
					tuple("E-05", "VIP", "QUALIFIED", "super1", "TIER-REVIEW-2026-H2"));
		assertThat(history.get(0).get("REASON")).isEqualTo("年业务量 3,000,000，本期无违约 → VIP 客户");
		assertThat(history.get(1).get("REASON"))
			.isEqualTo("本期违约 2 次 → 降为合格类客户（年业务量 1,200,000）");
		assertThat(((Timestamp) history.get(0).get("CHANGED_AT")).toInstant())
			.isEqualTo(at("2026-07-02T15:30:00").toInstant());
		// a new period begins
		assertThat(this.jdbc.queryForObject("SELECT SUM(default_count) FROM customer", Integer.class)).isZero();
	}

	@Test
	void shouldChangeNothingWhenTheReviewIsRejected() {
		seedEast();
		TestClock.setCurrentTime(at("2026-07-01T10:00:00"));
		Map<String, String> before = tiers();
		ProcessInstance review = startAs("super1", "Half-year review");
		Task task = approvalTask(review);

		authenticate("super1");
		assertThatThrownBy(() -> complete(task, false, null)).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("'reviewComment' is required");
		Map<String, Object> rejection = new HashMap<>();
		rejection.put("approved", false);
		rejection.put("reviewComment", "Volumes of TIER-EAST are being corrected by finance; review again in August");
		this.engine.getTaskService().complete(task.getId(), rejection);
		this.engine.getIdentityService().clearAuthentication();

		assertThat(review).isEnded().hasPassed("reviewRejected").hasNotPassed("applyTierChanges", "resetDefaultCounts");
		assertThat(tiers()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM customer_tier_history", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT SUM(default_count) FROM customer", Integer.class)).isEqualTo(3);
		assertThat(BpmnAwareTests.historyService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(review.getId())
			.variableName("approvedBy")
			.singleResult()
			.getValue()).isEqualTo("super1");
	}

	@Test
	void shouldGiveTenWorkingDaysWithoutAVipDowngradeAndNumberAFurtherReviewOfTheHalfYear() {
		seed("W-01", "TIER-WEST", "QUALIFIED", "1500000", 0, "2020-01-01T00:00:00");
		for (int i = 2; i <= 10; i++) {
			seed("W-%02d".formatted(i), "TIER-WEST", "QUALIFIED", "20000", 0, "2020-01-01T00:00:00");
		}
		TestClock.setCurrentTime(at("2026-09-24T10:00:00")); // Thursday before Mid-Autumn and National Day

		ProcessInstance first = startAs("super1", "Volumes corrected");
		Task task = approvalTask(first);

		assertThat(first).hasBusinessKey("TIER-REVIEW-2026-H2");
		// 09-25..27 and 10-01..07 are holidays, Saturday 10-10 is worked (调休)
		assertThat(task.getDueDate()).isEqualTo(at("2026-10-15T10:00:00"));

		ProcessInstance second = startAs("super1", "Second look");
		approvalTask(second);
		assertThat(second).hasBusinessKey("TIER-REVIEW-2026-H2-2");
	}

	@Test
	void shouldLetSupervisorsButNotAgentsStartTheReview() {
		assertThatThrownBy(() -> startAs("agent1", "Not mine to start")).isInstanceOf(AuthorizationException.class);
		assertThat(startAs("super1", "Extra review")).isNotNull();
	}

	@Test
	void shouldStartByItselfAt2OnTheFirstOfJanuaryAndJuly() {
		String definitionId = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(ClientTierReview.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		StartEvent timerStart = this.engine.getRepositoryService()
			.getBpmnModelInstance(definitionId)
			.getModelElementById("reviewDue");
		TimerEventDefinition timer = (TimerEventDefinition) timerStart.getEventDefinitions().iterator().next();
		assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("${tierReviewSchedule.cron}");

		Job due = this.engine.getManagementService()
			.createJobQuery()
			.processDefinitionId(definitionId)
			.timers()
			.singleResult();
		assertThat(due).isNotNull();
		// cron 0 0 2 1 1,7 ? in the JVM's zone: seconds, minutes, hours, day of month, months, any weekday
		ZonedDateTime when = due.getDuedate().toInstant().atZone(ZoneId.systemDefault());
		assertThat(when.getDayOfMonth()).isEqualTo(1);
		assertThat(when.getMonthValue()).isIn(1, 7);
		assertThat(when.toLocalTime()).hasToString("02:00");

		seed("S-01", "TIER-SOUTH", "QUALIFIED", "10000", 0, "2020-01-01T00:00:00");
		TestClock.setCurrentTime(due.getDuedate());
		execute(due);

		ProcessInstance review = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ClientTierReview.KEY)
			.singleResult();
		Task task = approvalTask(review);
		assertThat(review).hasPassed("reviewDue");
		assertThat(this.engine.getRuntimeService().getVariable(review.getId(), "changeCount")).isEqualTo(0);
		assertThat(task.getName()).isEqualTo("审批客户分级调整");
		String half = (when.withZoneSameInstant(DESK).getMonthValue() <= 6) ? "H1" : "H2";
		assertThat(review).hasBusinessKey("TIER-REVIEW-" + when.withZoneSameInstant(DESK).getYear() + "-" + half);
		// the next half-year's timer is waiting
		assertThat(this.engine.getManagementService()
			.createJobQuery()
			.processDefinitionId(definitionId)
			.timers()
			.singleResult()
			.getDuedate()).isAfter(due.getDuedate());
	}

	@Test
	void shouldDeployTheFormsWithTheModel() throws Exception {
		seed("N-01", "TIER-NORTH", "QUALIFIED", "10000", 0, "2020-01-01T00:00:00");
		ProcessInstance review = startAs("super1", "Forms");
		Task task = approvalTask(review);
		ObjectMapper json = new ObjectMapper();

		try (InputStream form = this.engine.getFormService().getDeployedTaskForm(task.getId());
				InputStream start = this.engine.getFormService()
					.getDeployedStartForm(review.getProcessDefinitionId())) {
			JsonNode approve = json.readTree(form);
			assertThat(approve.get("id").asText()).isEqualTo("approveTierChanges");
			assertThat(approve.findValuesAsText("key")).contains("amendments", "approved", "reviewComment");
			assertThat(approve.findValuesAsText("dataSource")).containsExactly("=proposal");
			assertThat(json.readTree(start).get("id").asText()).isEqualTo("startTierReview");
		}
	}

	// --- seeding and driving

	/**
	 * 20 clients in TIER-EAST (3 VIP, 6 preferred places): E-01 VIP cut by quota, E-02 and E-04 up to
	 * VIP, E-05 a VIP with two defaults, E-08 blacklisted with a VIP volume (not promoted).
	 */
	private void seedEast() {
		String since = "2018-05-01T00:00:00";
		seed("E-01", "TIER-EAST", "VIP", "1100000", 0, since);
		seed("E-02", "TIER-EAST", "QUALIFIED", "3000000", 0, "2024-02-01T00:00:00");
		seed("E-03", "TIER-EAST", "VIP", "2000000", 0, since);
		seed("E-04", "TIER-EAST", "PREFERRED", "1500000", 0, since);
		seed("E-05", "TIER-EAST", "VIP", "1200000", 2, since);
		seed("E-06", "TIER-EAST", "PREFERRED", "400000", 0, since);
		seed("E-07", "TIER-EAST", "QUALIFIED", "50000", 1, since);
		seed("E-08", "TIER-EAST", "QUALIFIED", "2500000", 0, since);
		for (int i = 9; i <= 20; i++) {
			seed("E-%02d".formatted(i), "TIER-EAST", "QUALIFIED", "50000", 0, since);
		}
		this.jdbc.update("""
				INSERT INTO customer_blacklist (customer_id, status, reason, proposed_by, proposed_at, approved_by,
				    blacklisted_at, blacklisted_until)
				VALUES ('E-08', 'ACTIVE', 'Counterfeit returns', 'super1', ?, 'director1', ?, ?)""",
				Timestamp.from(at("2026-05-01T10:00:00").toInstant()),
				Timestamp.from(at("2026-05-02T10:00:00").toInstant()),
				Timestamp.from(at("2026-11-02T10:00:00").toInstant()));
	}

	private void seed(String id, String department, String tier, String volume, int defaults, String since) {
		Timestamp created = Timestamp.from(at(since).toInstant());
		this.jdbc.update("""
				INSERT INTO customer (customer_id, name, customer_type, department, annual_volume, default_count, tier,
				    confidential, created_at, updated_at)
				VALUES (?, ?, 'DISTRIBUTOR', ?, ?, ?, ?, FALSE, ?, ?)""", id, "Customer " + id, department,
				new BigDecimal(volume), defaults, tier, created, created);
	}

	/** Starts the review as the user would in Tasklist, with the engine's authorization checks. */
	private ProcessInstance startAs(String user, String reason) {
		authenticate(user);
		try {
			return this.engine.getRuntimeService()
				.startProcessInstanceByKey(ClientTierReview.KEY, Map.of("reviewReason", reason));
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	/** Runs the asynchronous proposal as the job executor would, and returns the approval task. */
	private Task approvalTask(ProcessInstance review) {
		assertThat(review).isWaitingAt("proposeTierChanges");
		execute(this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(review.getId())
			.activityId("proposeTierChanges")
			.singleResult());
		assertThat(review).isWaitingAt("approveTierChanges");
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(review.getId())
			.taskDefinitionKey("approveTierChanges")
			.singleResult();
	}

	private void complete(Task task, boolean approved, String amendments) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("approved", approved);
		variables.put("amendments", amendments);
		this.engine.getTaskService().complete(task.getId(), variables);
	}

	private void authenticate(String user) {
		TestUsers.authenticate(this.engine.getIdentityService(), user);
	}

	private JsonNode proposal(ProcessInstance review) throws Exception {
		Object value = this.engine.getRuntimeService().getVariable(review.getId(), "proposal");
		return new ObjectMapper().readTree(value.toString());
	}

	private List<String> candidateGroups(Task task) {
		return this.engine.getTaskService()
			.getIdentityLinksForTask(task.getId())
			.stream()
			.map(IdentityLink::getGroupId)
			.filter((group) -> group != null)
			.toList();
	}

	private Map<String, String> tiers() {
		Map<String, String> tiers = new HashMap<>();
		this.jdbc.query("SELECT customer_id, tier FROM customer",
				(java.sql.ResultSet rs) -> {
					tiers.put(rs.getString("customer_id"), rs.getString("tier"));
				});
		return tiers;
	}

	private static Date at(String localDateTime) {
		return Date.from(ZonedDateTime.of(LocalDateTime.parse(localDateTime), DESK).toInstant());
	}

}
