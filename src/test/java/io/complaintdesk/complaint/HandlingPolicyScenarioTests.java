package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestClock;
import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.ComplaintRegistry.RoundRecord;
import io.complaintdesk.complaint.intake.ComplaintIntake;

/**
 * Issue 14, the handling flow against POLICY §3, §5, §6, §7: the level never goes down, the
 * superior rules on a dismissal, four eyes on approval and review, the working-day callback
 * deadline, penalties against a person, archiving ends everything, the solution timer, the
 * investigation report, the compensation limit and anonymous cases. Real delegates, decisions and
 * registry; the job executor is off, timers are run by hand after moving the clock.
 */
@SpringBootTest
@ActiveProfiles("test")
class HandlingPolicyScenarioTests {

	private static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.engine.getIdentityService().clearAuthentication();
		TestUsers.create(this.engine.getIdentityService());
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
		BpmnAwareTests.reset();
	}

	private static Date at(String localDateTime) {
		return Date.from(ZonedDateTime.of(LocalDateTime.parse(localDateTime), DESK).toInstant());
	}

	private ComplaintScenario register(String channel) {
		return ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.complaint(channel, "PRODUCT_QUALITY", null));
	}

	private ComplaintScenario registerAt(String localDateTime) {
		TestClock.setCurrentTime(at(localDateTime));
		return register("PHONE");
	}

	/** Starts a complaint as Tasklist's start form does, with these flags set. */
	private ComplaintScenario startWith(String... flags) {
		Map<String, Object> start = new HashMap<>(Map.of("customerId", ComplaintScenario.newCustomerId(),
				"customerName", "Zhao Min", "contactPhone", "021-5555 1234", "channel", "WALK_IN", "complainantType",
				"CONSUMER", "category", "SERVICE_ATTITUDE", "description", "Blocked the store entrance over a refund",
				"demand", "REFUND"));
		for (String flag : flags) {
			start.put(flag, true);
		}
		TestUsers.authenticate(this.engine.getIdentityService(), "agent1");
		String businessKey;
		try {
			businessKey = this.engine.getRuntimeService()
				.startProcessInstanceByKey(ComplaintProcess.KEY, start)
				.getBusinessKey();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		return ComplaintScenario.attach(this.engine, businessKey);
	}

	private List<Map<String, Object>> penalties(String caseNumber) {
		return this.jdbc.queryForList(
				"SELECT person, rule, amount, detail FROM penalty_entry WHERE case_number = ? ORDER BY recorded_at",
				caseNumber);
	}

	private List<Map<String, Object>> notifications(String caseNumber) {
		return this.jdbc.queryForList(
				"SELECT recipient_group, subject, body FROM notification_outbox WHERE case_number = ? ORDER BY created_at, id",
				caseNumber);
	}

	private void handle(ComplaintScenario complaint, String user, double compensation) {
		complaint.complete("handleComplaint", user, "resolution", "Replaced the product", "compensationAmount",
				compensation, "companyAtFault", true, "responsibleDepartment", "门店 SH-01");
	}

	// item 1: POLICY §3, level and major never go down

	@Test
	void shouldKeepTheLevelWhenVerificationUnticksTheFlagThatRaisedIt() {
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.emotionalComplaint());
		assertThat(complaint.registered().level()).isEqualTo(2);

		complaint.complete("verifyComplaint", "agent1", "valid", true, "emotional", false);

		assertThat(complaint.instance()).isWaitingAt("handleComplaint").hasPassed("reclassifyComplaint");
		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("supervisors");
		assertThat(complaint.variables()).containsEntry("level", 2).containsEntry("emotional", false);
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().level()).isEqualTo(2);
		assertThat(this.registry.rounds(complaint.caseNumber())).singleElement()
			.satisfies((round) -> assertThat(round.level()).isEqualTo(2));
	}

	@Test
	void shouldKeepA12315ComplaintAtLevelThree() {
		ComplaintScenario complaint = register("REGULATOR");
		assertThat(complaint.registered().level()).isEqualTo(3);

		complaint.complete("verifyComplaint", "agent1", "valid", true, "emotional", false, "beyondAuthority", false,
				"batchIssue", false, "disturbance", false, "reputationRisk", false);

		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("directors");
		assertThat(complaint.variables()).containsEntry("level", 3);
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().level()).isEqualTo(3);
	}

	@Test
	void shouldKeepAMajorComplaintMajorAfterBrandAndLegalWereWarned() {
		ComplaintScenario complaint = startWith("disturbance");
		assertThat(complaint.variables()).containsEntry("major", true).containsEntry("majorWarningRaised", true);

		complaint.complete("verifyComplaint", "agent1", "valid", true, "disturbance", false);

		assertThat(complaint.instance()).isWaitingAt("handleComplaint")
			.hasPassed("warnOfMajorOnIntake", "reclassifyComplaint")
			.hasNotPassed("warnOfMajorOnVerification");
		assertThat(complaint.variables()).containsEntry("major", true)
			.containsEntry("majorWarningDue", false)
			.containsEntry("disturbance", false);
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.major()).isTrue();
		assertThat(this.registry.rounds(complaint.caseNumber())).singleElement()
			.satisfies((round) -> assertThat(round.major()).isTrue());
	}

	// item 2: POLICY §3, the superior rules on a dismissal

	@Test
	void shouldLetADirectorRuleOnTheDismissalOfALevelThreeComplaint() {
		ComplaintScenario complaint = register("REGULATOR");
		complaint.complete("verifyComplaint", "agent1", "valid", false, "verificationNote",
				"The product was bought abroad; explained where to turn");

		assertThat(complaint.instance()).isWaitingAt("confirmNotSubstantiated").hasPassed("determineDismissalRuler");
		Task ruling = complaint.task("confirmNotSubstantiated");
		assertThat(ruling.getName()).isEqualTo("裁定投诉不成立");
		assertThat(ruling.getDueDate()).isNotNull();
		assertThat(complaint.candidateGroups(ruling)).containsExactly("directors");
		assertThat(complaint.variables()).containsEntry("dismissalGroup", "directors");
		// an agent alone dismisses nothing: neither the verifier nor a supervisor may rule at level 3
		assertThatThrownBy(() -> complaint.complete("confirmNotSubstantiated", "super1", "dismissalConfirmed", true))
			.hasMessageContaining("super1");
		assertThatThrownBy(() -> complaint.complete("confirmNotSubstantiated", "director1"))
			.hasMessageContaining("dismissalConfirmed");
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().dismissalConfirmed()).isNull();

		complaint.complete("confirmNotSubstantiated", "director1", "dismissalConfirmed", true);
		complaint.archive();

		assertThat(historicInstance(complaint)).isEnded()
			.hasPassed("confirmNotSubstantiated", "recordNotSubstantiated", "caseClosed")
			.hasNotPassed("reclassifyComplaint", "handleComplaint");
		assertThat(complaint.variables()).containsEntry("outcome", "NOT_SUBSTANTIATED")
			.containsEntry("dismissalConfirmed", true)
			.containsEntry("level", 3);
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.outcome()).isEqualTo(Outcome.NOT_SUBSTANTIATED);
		assertThat(row.valid()).isFalse();
		assertThat(row.verificationNote()).isEqualTo("The product was bought abroad; explained where to turn");
		assertThat(row.dismissalRuledBy()).isEqualTo("director1");
		assertThat(this.registry.rounds(complaint.caseNumber())).isEmpty();
	}

	@Test
	void shouldHandleTheComplaintAsValidWhenTheSuperiorOverrulesTheDismissal() {
		ComplaintScenario complaint = register("PHONE");
		complaint.complete("verifyComplaint", "agent1", "valid", false, "verificationNote", "Wrong voltage used");
		assertThat(complaint.candidateGroups(complaint.task("confirmNotSubstantiated"))).containsExactly("supervisors");

		complaint.complete("confirmNotSubstantiated", "super1", "dismissalConfirmed", false);

		assertThat(complaint.instance()).isWaitingAt("handleComplaint")
			.hasPassed("confirmNotSubstantiated", "reclassifyComplaint", "determineHandlers")
			.hasNotPassed("recordNotSubstantiated");
		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("agents");
		assertThat(complaint.variables()).containsEntry("valid", true)
			.containsEntry("dismissalConfirmed", false)
			.doesNotContainKey("outcome");
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.valid()).isTrue();
		assertThat(row.dismissalConfirmed()).isFalse();
		assertThat(row.dismissalRuledBy()).isEqualTo("super1");
		assertThat(this.registry.rounds(complaint.caseNumber())).hasSize(1);
	}

	@Test
	void shouldNeverLetTheAccusedEmployeeRuleOnTheDismissal() {
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.complaint("PHONE", "SERVICE_ATTITUDE", "director1"));
		complaint.complete("verifyComplaint", "agent1", "valid", false, "verificationNote", "No ground");

		Task ruling = complaint.task("confirmNotSubstantiated");
		assertThat(complaint.candidateGroups(ruling)).isEmpty();
		assertThat(complaint.candidateUsers(ruling)).containsExactly("super1").doesNotContain("director1");
	}

	@Test
	void shouldNeverLetTheVerifierRuleOnTheirOwnDismissal() {
		IdentityService identity = this.engine.getIdentityService();
		identity.saveUser(identity.newUser("both2"));
		identity.createMembership("both2", "agents");
		identity.createMembership("both2", "supervisors");
		try {
			ComplaintScenario complaint = register("PHONE");
			String verifyId = complaint.task("verifyComplaint").getId();
			identity.setAuthentication("both2", List.of("agents", "supervisors"));
			try {
				this.engine.getTaskService()
					.complete(verifyId, Map.of("valid", false, "verificationNote", "The customer dropped it"));
			}
			finally {
				identity.clearAuthentication();
			}

			Task ruling = complaint.task("confirmNotSubstantiated");
			assertThat(complaint.variables()).containsEntry("verifiedBy", "both2");
			assertThat(complaint.candidateGroups(ruling)).isEmpty();
			assertThat(complaint.candidateUsers(ruling)).containsExactly("super1");
		}
		finally {
			identity.deleteUser("both2");
		}
	}

	// item 3 (issue item 4): four eyes, refusals with a reason, rework to the same handler

	@Test
	void shouldSendTheApprovalOneLevelUpWhenTheHandlerIsTheOnlySupervisor() {
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.emotionalComplaint());
		complaint.verify(true);
		handle(complaint, "super1", 800);

		// compensation-authority says supervisors for ¥800; super1 handled it and is the only supervisor
		Task approval = complaint.task("approveCompensation");
		assertThat(complaint.candidateGroups(approval)).containsExactly("directors");
		assertThat(complaint.variables()).containsEntry("approverGroup", "directors")
			.containsEntry("roundHandler", "super1");
		assertThatThrownBy(() -> complaint.complete("approveCompensation", "super1", "compensationApproved", true))
			.hasMessageContaining("super1");
		complaint.complete("approveCompensation", "director1", "compensationApproved", true);

		assertThat(complaint.instance()).isWaitingAt("reviewHandling");
		assertThat(this.registry.rounds(complaint.caseNumber())).singleElement().satisfies((round) -> {
			assertThat(round.handledBy()).isEqualTo("super1");
			assertThat(round.approverGroup()).isEqualTo("directors");
			assertThat(round.approvedBy()).isEqualTo("director1");
		});
	}

	@Test
	void shouldSendTheReviewOneLevelUpWhenNobodyElseInTheReviewerGroupMayReview() {
		// the complaint is about super1, the only supervisor: nobody in the reviewer group may review it
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.complaint("PHONE", "PRODUCT_QUALITY", "super1"));
		assertThat(complaint.registered().level()).isEqualTo(1);
		complaint.verify(true);
		handle(complaint, "agent1", 0);

		// complaint-routing says supervisors; moved up to the directors, offered to them by name (a case
		// with an accused employee lists its candidates as users, the accused left out)
		Task review = complaint.task("reviewHandling");
		assertThat(complaint.candidateGroups(review)).isEmpty();
		assertThat(complaint.candidateUsers(review)).containsExactly("director1");
		assertThat(complaint.variables()).containsEntry("reviewerGroup", "directors")
			.containsEntry("roundHandler", "agent1");
		assertThatThrownBy(() -> complaint.complete("reviewHandling", "agent1", "reviewApproved", true))
			.hasMessageContaining("agent1");
		complaint.complete("reviewHandling", "director1", "reviewApproved", true);

		assertThat(complaint.instance()).hasPassed("reviewHandling");
		assertThat(this.registry.rounds(complaint.caseNumber())).singleElement()
			.satisfies((round) -> assertThat(round.reviewedBy()).isEqualTo("director1"));
	}

	@Test
	void shouldRefuseARefusalWithoutAReasonAndReturnTheReworkToTheHandler() {
		ComplaintScenario complaint = register("PHONE");
		complaint.verify(true);
		handle(complaint, "agent2", 500);
		assertThat(complaint.candidateGroups(complaint.task("approveCompensation"))).containsExactly("supervisors");

		assertThatThrownBy(() -> complaint.complete("approveCompensation", "super1", "compensationApproved", false))
			.hasMessageContaining("approvalComment");
		assertThat(complaint.instance()).isWaitingAt("approveCompensation");
		assertThat(this.registry.rounds(complaint.caseNumber()).get(0).compensationApproved()).isNull();

		complaint.complete("approveCompensation", "super1", "compensationApproved", false, "approvalComment",
				"¥500 is more than the kettle cost; offer a replacement");

		Task rework = complaint.task("handleComplaint");
		assertThat(rework.getAssignee()).isEqualTo("agent2");
		assertThat(complaint.variables()).containsEntry("approvalComment",
				"¥500 is more than the kettle cost; offer a replacement");
		RoundRecord round = this.registry.rounds(complaint.caseNumber()).get(0);
		assertThat(round.compensationApproved()).isFalse();
		assertThat(round.approvalComment()).isEqualTo("¥500 is more than the kettle cost; offer a replacement");
		assertThat(round.reworkCount()).isEqualTo(1);
		// another agent may not take the rework over
		assertThatThrownBy(() -> handle(complaint, "agent1", 0)).hasMessageContaining("agent1");
		handle(complaint, "agent2", 0);
		assertThat(complaint.instance()).isWaitingAt("reviewHandling");
	}

	@Test
	void shouldReturnAHandlingSentBackByTheReviewToTheSameHandler() {
		ComplaintScenario complaint = register("PHONE");
		complaint.verify(true);
		handle(complaint, "agent2", 0);
		complaint.review(false);

		Task rework = complaint.task("handleComplaint");
		assertThat(rework.getAssignee()).isEqualTo("agent2");
		assertThat(complaint.variables()).containsEntry("roundHandler", "agent2").containsEntry("reviewApproved", false);
	}

	@Test
	void shouldNeverLetTheHandlerReviewTheirOwnHandling() {
		IdentityService identity = this.engine.getIdentityService();
		identity.saveUser(identity.newUser("both1"));
		identity.createMembership("both1", "agents");
		identity.createMembership("both1", "supervisors");
		try {
			ComplaintScenario complaint = register("PHONE");
			complaint.verify(true);
			String handleId = complaint.task("handleComplaint").getId();
			identity.setAuthentication("both1", List.of("agents", "supervisors"));
			try {
				this.engine.getTaskService()
					.complete(handleId,
							Map.of("resolution", "Repaired", "compensationAmount", 0, "responsibleDepartment", "门店 SH-01"));
			}
			finally {
				identity.clearAuthentication();
			}

			Task review = complaint.task("reviewHandling");
			assertThat(complaint.candidateGroups(review)).isEmpty();
			assertThat(complaint.candidateUsers(review)).containsExactly("super1");
			identity.setAuthentication("both1", List.of("agents", "supervisors"));
			try {
				assertThatThrownBy(() -> this.engine.getTaskService().claim(review.getId(), "both1"))
					.hasMessageContaining("both1");
			}
			finally {
				identity.clearAuthentication();
			}
			complaint.review(true);
			assertThat(this.registry.rounds(complaint.caseNumber()).get(0).reviewedBy()).isEqualTo("super1");
		}
		finally {
			identity.deleteUser("both1");
		}
	}

	// item 4 (issue item 6): the callback within 3 working days, attempts are no breach

	@Test
	void shouldCountTheCallbackDeadlineInWorkingDaysAndRetryOnLaterWorkingDays() {
		ComplaintScenario complaint = registerAt("2026-09-28T10:00:00"); // Monday before National Day
		complaint.verify(true);
		handle(complaint, "agent1", 0);
		TestClock.setCurrentTime(at("2026-09-30T10:00:00")); // Wednesday, the last working day before the holiday
		complaint.review(true);

		// 3 working days: Thu 10-08 (the holiday week does not count), Fri 10-09, Sat 10-10 (调休)
		Job missed = complaint.timer("callbackOverdue");
		assertThat(missed.getDuedate()).isEqualTo(at("2026-10-10T10:00:00"));
		assertThat(complaint.task("callbackCustomer").getDueDate()).isEqualTo(at("2026-10-10T10:00:00"));

		complaint.callBackUnreached();
		Job retry = complaint.callbackTimer();
		assertThat(retry.getDuedate()).isEqualTo(at("2026-10-08T09:00:00")); // the next working day, at its start
		TestClock.setCurrentTime(at("2026-10-08T09:00:00"));
		execute(retry);
		complaint.callBackUnreached();
		assertThat(complaint.callbackTimer().getDuedate()).isEqualTo(at("2026-10-09T09:00:00"));
		// the deadline of every attempt is the one counted from the end of handling
		assertThat(this.engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(complaint.callbackInstanceId())
			.taskDefinitionKey("callbackCustomer")
			.list()).hasSize(2).allSatisfy((task) -> assertThat(task.getDueDate()).isEqualTo(at("2026-10-10T10:00:00")));
	}

	@Test
	void shouldBookNoMissedCallbackWhenAnAttemptIsOnRecordWithinTheDeadline() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		complaint.verify(true);
		handle(complaint, "agent1", 0);
		TestClock.setCurrentTime(at("2026-11-24T09:00:00"));
		complaint.review(true);
		complaint.callBackUnreached();
		TestClock.setCurrentTime(at("2026-11-25T09:00:00"));
		execute(complaint.callbackTimer());
		complaint.callBackUnreached();

		TestClock.setCurrentTime(at("2026-11-27T09:30:00"));
		execute(complaint.timer("callbackOverdue"));

		assertThat(penalties(complaint.caseNumber())).isEmpty();
		assertThat(notifications(complaint.caseNumber())).isEmpty();
		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(complaint.callbackInstanceId())
			.activityId("noBreach")
			.count()).isEqualTo(1);
		assertThat(complaint.variables()).doesNotContainKey("outcome");
	}

	// item 5 (issue item 7): penalties against a person

	@Test
	void shouldBookALateFirstContactAgainstWhoeverLastHeldTheVerification() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		Task verify = complaint.task("verifyComplaint");
		TestUsers.authenticate(this.engine.getIdentityService(), "agent2");
		try {
			this.engine.getTaskService().claim(verify.getId(), "agent2");
			this.engine.getTaskService().setAssignee(verify.getId(), null);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		assertThat(complaint.task("verifyComplaint").getAssignee()).isNull();

		TestClock.setCurrentTime(at("2026-11-24T11:00:00"));
		execute(complaint.timer("firstContactOverdue"));

		assertThat(penalties(complaint.caseNumber())).singleElement().satisfies((entry) -> {
			assertThat(entry.get("PERSON")).isEqualTo("agent2");
			assertThat(entry.get("RULE")).isEqualTo("LATE_FIRST_CONTACT");
			assertThat(entry.get("DETAIL")).isEqualTo("受理后 1 个工作日内未联系上客户");
		});
	}

	// item 6 (issue item 8): archiving ends everything

	@Test
	void shouldEndTheOpenOverdueReportWhenTheCaseIsArchived() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		complaint.verify(true);
		TestClock.setCurrentTime(at("2026-11-30T10:01:00"));
		execute(complaint.timer("caseOverdue"));
		assertThat(complaint.instance()).isWaitingAt("handleComplaint", "acknowledgeOverdueCase");

		completeAmongOthers(complaint, "handleComplaint", "agent1", "resolution", "Repaired", "compensationAmount", 0,
				"responsibleDepartment", "售后服务部");
		completeAmongOthers(complaint, "reviewHandling", "super1", "reviewApproved", true);
		completeAmongOthers(complaint, "callbackCustomer", "agent2", "reached", true, "satisfaction", 2,
				"callbackMode", "PHONE");
		assertThat(complaint.instance()).isWaitingAt("archiveCase", "acknowledgeOverdueCase");
		completeAmongOthers(complaint, "archiveCase", "clerk1");

		assertThat(complaint.instance()).isNull();
		assertThat(historicInstance(complaint)).isEnded()
			.hasPassed("caseClosed", "reportOverdueCase")
			.hasNotPassed("overdueAcknowledged");
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceId(complaint.processInstanceId()).count())
			.isZero();
		assertThat(this.engine.getManagementService().createJobQuery().processInstanceId(complaint.processInstanceId())
			.count()).isZero();
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
	}

	// item 7 (issue item 10): the solution within 1 working day of the round's start

	@Test
	void shouldBookALateSolutionAgainstTheHandlerAndTellTheLevelAbove() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00"); // a Monday
		TestClock.setCurrentTime(at("2026-11-23T10:30:00"));
		complaint.verify(true);
		Task handle = complaint.task("handleComplaint");
		assertThat(handle.getDueDate()).isEqualTo(at("2026-11-24T10:30:00"));
		Job overdue = complaint.timer("solutionOverdue");
		assertThat(overdue.getDuedate()).isEqualTo(at("2026-11-24T10:30:00"));
		this.engine.getTaskService().claim(handle.getId(), "agent2");

		TestClock.setCurrentTime(at("2026-11-24T11:00:00"));
		execute(overdue);

		assertThat(complaint.instance()).isWaitingAt("handleComplaint").hasPassed("recordLateSolution");
		assertThat(penalties(complaint.caseNumber())).singleElement().satisfies((entry) -> {
			assertThat(entry.get("PERSON")).isEqualTo("agent2");
			assertThat(entry.get("RULE")).isEqualTo("RULE_BREACH");
			assertThat(((Number) entry.get("AMOUNT")).intValue()).isEqualTo(30);
			assertThat(entry.get("DETAIL")).isEqualTo("第 1 轮处理开始后 1 个工作日内未提出处理方案（处理违反规定）");
		});
		assertThat(notifications(complaint.caseNumber())).singleElement().satisfies((mail) -> {
			assertThat(mail.get("RECIPIENT_GROUP")).isEqualTo("supervisors");
			assertThat(mail.get("SUBJECT")).isEqualTo("投诉案件 " + complaint.caseNumber() + "：处理方案逾期");
			assertThat((String) mail.get("BODY")).startsWith("投诉案件 " + complaint.caseNumber()
					+ " 第 1 轮处理开始后 1 个工作日内未提出处理方案（投诉管理制度第 5 条）。责任人：agent2。");
		});
		handle(complaint, "agent2", 0);
		assertThat(complaint.instance()).isWaitingAt("reviewHandling");
	}

	@Test
	void shouldBookAnUnclaimedLateSolutionAgainstTheSupervisorOnDutyAndSaySo() {
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.emotionalComplaint());
		TestClock.setCurrentTime(at("2026-11-23T10:30:00"));
		complaint.verify(true);
		TestClock.setCurrentTime(at("2026-11-24T11:00:00"));
		execute(complaint.timer("solutionOverdue"));

		assertThat(penalties(complaint.caseNumber())).singleElement().satisfies((entry) -> {
			assertThat(entry.get("PERSON")).isEqualTo("super1");
			assertThat(entry.get("DETAIL"))
				.isEqualTo("第 1 轮处理开始后 1 个工作日内未提出处理方案（处理违反规定）；该步骤无人认领，记在“supervisors”组的值班主管名下");
		});
		// level 2: the level above the supervisors is told
		assertThat(notifications(complaint.caseNumber())).extracting((mail) -> mail.get("RECIPIENT_GROUP"))
			.containsExactly("directors");
	}

	// item 8 (issue item 11): the investigation report

	@Test
	void shouldRecordTheInvestigationReportWithTheHandling() {
		ComplaintScenario complaint = register("PHONE");
		complaint.verify(true);
		assertThatThrownBy(() -> complaint.complete("handleComplaint", "agent1", "resolution", "Repaired",
				"compensationAmount", 0)).hasMessageContaining("responsibleDepartment");
		assertThat(this.registry.rounds(complaint.caseNumber()).get(0).handledBy()).isNull();

		complaint.complete("handleComplaint", "agent1", "resolution", "Repaired under warranty", "compensationAmount",
				0, "companyAtFault", true, "cause", "A faulty thermostat batch", "courseOfEvents",
				"Sold 11-18, stopped heating 11-20, customer called 11-23", "responsibleDepartment", "品质部",
				"responsiblePerson", "QA lead Wang", "conclusion", "Supplier defect, company at fault",
				"countermeasures", "Recall the batch; incoming inspection of thermostats");

		assertThat(complaint.variables()).containsEntry("responsibleDepartment", "品质部")
			.containsEntry("responsiblePerson", "QA lead Wang");
		RoundRecord round = this.registry.rounds(complaint.caseNumber()).get(0);
		assertThat(round.investigation()).isEqualTo(new ComplaintRegistry.InvestigationReport(
				"A faulty thermostat batch", "Sold 11-18, stopped heating 11-20, customer called 11-23", "品质部",
				"QA lead Wang", "Supplier defect, company at fault",
				"Recall the batch; incoming inspection of thermostats"));
	}

	// item 9 (issue item 14): a sanity limit on compensation

	@Test
	void shouldRefuseACompensationAboveTheLimitPerCaseAndChangeNothing() {
		ComplaintScenario complaint = register("PHONE");
		complaint.verify(true);

		assertThatThrownBy(() -> handle(complaint, "agent1", 99_999_999_999.0))
			.hasMessageContaining("exceeds the limit of 1000000 per case");
		assertThatThrownBy(() -> handle(complaint, "agent1", 1_000_000.01)).hasMessageContaining("1000000");

		assertThat(complaint.instance()).isWaitingAt("handleComplaint");
		assertThat(complaint.variables()).doesNotContainKey("compensationAmount").doesNotContainKey("roundHandler");
		RoundRecord round = this.registry.rounds(complaint.caseNumber()).get(0);
		assertThat(round.handledBy()).isNull();
		assertThat(round.compensationAmount()).isNull();

		handle(complaint, "agent1", 1_000_000);
		assertThat(complaint.candidateGroups(complaint.task("approveCompensation"))).containsExactly("gm");
	}

	// item 10 (issue item 9): anonymous complaints are not called back

	@Test
	void shouldCloseAnAnonymousComplaintWithoutACallback() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		this.engine.getRuntimeService().setVariable(complaint.processInstanceId(), "anonymous", true);
		complaint.verify(true);
		handle(complaint, "agent1", 0);
		complaint.review(true);

		assertThat(complaint.instance()).isWaitingAt("archiveCase")
			.hasPassed("callbackWanted", "recordAnonymousResolved")
			.hasNotPassed("callBackCustomer", "recordResolved");
		TestClock.setCurrentTime(at("2026-12-10T10:00:00"));
		complaint.archive();

		assertThat(historicInstance(complaint)).isEnded().hasPassed("caseClosed");
		assertThat(complaint.variables()).containsEntry("outcome", "RESOLVED").doesNotContainKey("satisfaction");
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.superProcessInstanceId(complaint.processInstanceId())
			.count()).isZero();
		assertThat(penalties(complaint.caseNumber())).isEmpty();
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().outcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(this.registry.rounds(complaint.caseNumber()).get(0).callbackAttempts()).isZero();
	}

	@Test
	void shouldCallBackAComplaintThatIsNotAnonymous() {
		ComplaintScenario complaint = register("PHONE");
		this.engine.getRuntimeService().setVariable(complaint.processInstanceId(), "anonymous", false);
		complaint.verify(true);
		handle(complaint, "agent1", 0);
		complaint.review(true);

		assertThat(complaint.instance()).isWaitingAt("callBackCustomer").hasPassed("callbackWanted");
	}

	/** Completes the open task with this key while others (an overdue report) are open too. */
	private void completeAmongOthers(ComplaintScenario complaint, String key, String user, Object... variables) {
		Task task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(complaint.caseNumber())
			.taskDefinitionKey(key)
			.singleResult();
		assertThat(task).as("open task %s", key).isNotNull();
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
	}

	private org.camunda.bpm.engine.runtime.ProcessInstance historicInstance(ComplaintScenario complaint) {
		// camunda-bpm-assert reads ended instances from history by id
		return new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity() {
			{
				setId(complaint.processInstanceId());
				setProcessInstance(this);
			}
		};
	}

}
