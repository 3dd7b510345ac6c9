package io.complaintdesk.complaint;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.complaint.ComplaintRegistry.RoundRecord;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintRequest;
import io.complaintdesk.notification.Notification;
import io.complaintdesk.notification.Notifications;

/**
 * Every path of {@code complaint-handling} and {@code complaint-callback} (POLICY §2–§7) with the
 * real delegates, decisions and registry; the job executor is off and timers are executed by hand.
 */
@SpringBootTest
@ActiveProfiles("test")
class ComplaintHandlingProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	Notifications notifications;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.engine);
		this.engine.getIdentityService().clearAuthentication();
		TestUsers.create(this.engine.getIdentityService());
	}

	@AfterEach
	void tearDown() {
		BpmnAwareTests.reset();
	}

	private ComplaintScenario register(ComplaintRequest request) {
		return ComplaintScenario.register(this.engine, this.intake, request);
	}

	@Test
	void shouldResolveOrdinaryComplaintWhenCustomerIsSatisfied() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		assertThat(complaint.caseNumber()).matches("CMP-\\d{8}-\\d{4}");
		assertThat(complaint.instance()).isWaitingAt("verifyComplaint")
			.hasBusinessKey(complaint.caseNumber())
			.hasPassed("registerComplaint", "classifyComplaint");
		assertThat(complaint.candidateGroups(complaint.task("verifyComplaint"))).containsExactly("agents");

		complaint.verify(true);
		Task handle = complaint.task("handleComplaint");
		assertThat(complaint.candidateGroups(handle)).containsExactly("agents");
		complaint.handle(0);

		assertThat(complaint.candidateGroups(complaint.task("reviewHandling"))).containsExactly("supervisors");
		complaint.review(true);

		assertThat(complaint.instance()).isWaitingAt("callBackCustomer");
		assertThat(complaint.candidateGroups(complaint.task("callbackCustomer"))).containsExactly("agents");
		complaint.callBack(2);

		assertThat(complaint.candidateGroups(complaint.task("archiveCase"))).containsExactly("clerks");
		complaint.archive();

		assertThat(complaint.instance()).isNull();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests
			.assertThat(historicInstance(complaint))
			.isEnded()
			.hasPassed("reclassifyComplaint", "determineHandlers", "reviewHandling", "recordResolved", "caseClosed")
			.hasNotPassed("determineApprover", "upgradeComplaint", "recordNotSubstantiated");
		assertThat(complaint.variables()).containsEntry("outcome", "RESOLVED")
			.containsEntry("level", 1)
			.containsEntry("major", false)
			.containsEntry("round", 1)
			.containsEntry("caseNumber", complaint.caseNumber())
			.containsEntry("satisfaction", 2);

		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(row.outcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(row.registeredBy()).isNull();
		assertThat(row.verifiedBy()).isEqualTo("agent1");
		assertThat(row.archivedBy()).isEqualTo("clerk1");
		assertThat(row.closedAt()).isNotNull();
		List<RoundRecord> rounds = this.registry.rounds(complaint.caseNumber());
		assertThat(rounds).singleElement().satisfies((round) -> {
			assertThat(round.level()).isEqualTo(1);
			assertThat(round.handledBy()).isEqualTo("agent1");
			assertThat(round.reviewApproved()).isTrue();
			assertThat(round.satisfaction()).isEqualTo(2);
			assertThat(round.callbackMode()).isEqualTo("PHONE");
			assertThat(round.callbackAttempts()).isEqualTo(1);
			assertThat(round.calledBackBy()).isEqualTo("agent2");
		});
	}

	@Test
	void shouldCloseInvalidComplaintAsNotSubstantiatedWithReasonedAnswer() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.complete("verifyComplaint", "agent1", "valid", false, "verificationNote",
				"The kettle was used with the wrong voltage; explained the manual and offered a paid repair");
		// POLICY §3: the superior rules on the dismissal
		assertThat(complaint.candidateGroups(complaint.task("confirmNotSubstantiated"))).containsExactly("supervisors");
		complaint.complete("confirmNotSubstantiated", "super1", "dismissalConfirmed", true);

		assertThat(complaint.candidateGroups(complaint.task("archiveCase"))).containsExactly("clerks");
		complaint.archive();

		assertThat(historicInstance(complaint)).isEnded()
			.hasPassed("recordNotSubstantiated", "archiveCase", "caseClosed")
			.hasNotPassed("reclassifyComplaint", "handleComplaint");
		assertThat(complaint.variables()).containsEntry("outcome", "NOT_SUBSTANTIATED").containsEntry("valid", false);
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.outcome()).isEqualTo(Outcome.NOT_SUBSTANTIATED);
		assertThat(row.valid()).isFalse();
		assertThat(row.verificationNote()).startsWith("The kettle was used with the wrong voltage");
		assertThat(row.dismissalConfirmed()).isTrue();
		assertThat(row.dismissalRuledBy()).isEqualTo("super1");
		assertThat(this.registry.rounds(complaint.caseNumber())).isEmpty();
	}

	@Test
	void shouldRefuseToCloseInvalidComplaintWithoutAnswer() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());

		assertThatThrownBy(() -> complaint.complete("verifyComplaint", "agent1", "valid", false))
			.isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("verificationNote");
		assertThatThrownBy(() -> complaint.complete("verifyComplaint", "agent1"))
			.hasMessageContaining("'valid' is required");

		assertThat(complaint.instance()).isWaitingAt("verifyComplaint");
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().valid()).isNull();
	}

	@Test
	void shouldClassifyAgainOnVerifiedFacts() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		assertThat(complaint.registered().level()).isEqualTo(1);

		complaint.complete("verifyComplaint", "agent1", "valid", true, "emotional", true);

		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("supervisors");
		assertThat(complaint.variables()).containsEntry("level", 2).containsEntry("emotional", true);
		assertThat(this.registry.find(complaint.caseNumber()).orElseThrow().level()).isEqualTo(2);
	}

	@Test
	void shouldClassifyMediaComplaintAsMajorLevelThree() {
		ComplaintScenario complaint = register(ComplaintScenario.complaint("MEDIA", "SERVICE_ATTITUDE", null));

		assertThat(complaint.registered().level()).isEqualTo(3);
		assertThat(complaint.registered().major()).isTrue();
		complaint.verify(true);
		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("directors");
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.level()).isEqualTo(3);
		assertThat(row.major()).isTrue();
	}

	@Test
	void shouldUpgradeOnceWhenCustomerIsDissatisfied() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(0);
		complaint.review(true);
		complaint.callBack(4);

		// round 2 at level 2: a supervisor handles, a director reviews, a supervisor calls back
		assertThat(complaint.instance()).isWaitingAt("handleComplaint").hasPassed("upgradeComplaint");
		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("supervisors");
		assertThat(complaint.variables()).containsEntry("level", 2)
			.containsEntry("round", 2)
			.containsEntry("previousSatisfaction", 4);
		complaint.complete("handleComplaint", "super1", "resolution", "Replaced the kettle and apologised",
				"compensationAmount", 0, "companyAtFault", true, "responsibleDepartment", "门店");
		assertThat(complaint.candidateGroups(complaint.task("reviewHandling"))).containsExactly("directors");
		complaint.complete("reviewHandling", "director1", "reviewApproved", true);
		assertThat(complaint.candidateGroups(complaint.task("callbackCustomer"))).containsExactly("supervisors");
		// a visit needs the customer's signed visit sheet in the case file (POLICY §6)
		io.complaintdesk.complaint.casefile.CaseFileFixtures.visitSheetUploaded(this.jdbc, complaint.caseNumber(), "super1",
				TestClock.now().toInstant());
		complaint.complete("callbackCustomer", "super1", "reached", true, "satisfaction", 1, "callbackMode", "VISIT");
		complaint.archive();

		assertThat(historicInstance(complaint)).isEnded().hasPassed("upgradeComplaint", "recordResolved");
		assertThat(complaint.variables()).containsEntry("outcome", "RESOLVED")
			.containsEntry("level", 2)
			.containsEntry("round", 2);
		List<RoundRecord> rounds = this.registry.rounds(complaint.caseNumber());
		assertThat(rounds).extracting(RoundRecord::round, RoundRecord::level, RoundRecord::handlerGroup,
				RoundRecord::satisfaction)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, "agents", 4),
					org.assertj.core.groups.Tuple.tuple(2, 2, "supervisors", 1));
		assertThat(rounds.get(0).resolution()).isEqualTo("Repaired the kettle under warranty");
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.level()).isEqualTo(2);
		assertThat(row.currentRound()).isEqualTo(2);
	}

	@Test
	void shouldShowEveryRoundOnTheFormsAndTellThePreviousHandlerOfTheUpgrade() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		assertThat(variable(complaint.task("handleComplaint"), "roundsSummary")).as("round 1, nothing handled yet")
			.contains("第 1 轮处理", "一级", "尚未处理");
		complaint.complete("handleComplaint", "agent1", "resolution", "Repaired the kettle under warranty",
				"compensationAmount", 1234.5, "companyAtFault", true, "responsibleDepartment", "售后服务部");
		complaint.complete("approveCompensation", "director1", "compensationApproved", true);
		complaint.review(true);
		complaint.complete("callbackCustomer", "agent2", "reached", true, "satisfaction", 4, "callbackMode", "PHONE",
				"callbackNote", "维修拖了一周，要求换新");

		// round 2: the handler reads why the customer is unhappy
		String roundTwo = variable(complaint.task("handleComplaint"), "roundsSummary");
		assertThat(roundTwo).contains("**第 1 轮处理**（一级）", "处理人 agent1", "处理结果：Repaired the kettle under warranty",
				"赔偿 ¥1,234.50", "回访：4 不满意", "回访备注：维修拖了一周，要求换新", "**第 2 轮处理**（二级）", "尚未处理");
		assertThat(roundTwo.indexOf("第 1 轮")).isLessThan(roundTwo.indexOf("第 2 轮"));

		// the handler of round 1 is told, in Chinese, that the case went up a level and why
		List<Notification> upgraded = this.notifications.find(complaint.caseNumber())
			.stream()
			.filter((n) -> n.dedupKey().startsWith("upgraded:"))
			.toList();
		assertThat(upgraded).singleElement().satisfies((n) -> {
			assertThat(n.recipientUser()).isEqualTo("agent1");
			assertThat(n.subject()).isEqualTo("投诉案件 " + complaint.caseNumber() + " 已自动升级为二级（较严重投诉）");
			assertThat(n.body()).contains("第 1 轮", "4 不满意", "第 2 轮处理", "回访备注：维修拖了一周，要求换新");
		});

		complaint.complete("handleComplaint", "super1", "resolution", "Replaced the kettle", "compensationAmount", 0,
				"companyAtFault", true, "responsibleDepartment", "售后服务部");
		complaint.complete("reviewHandling", "director1", "reviewApproved", true);
		complaint.complete("callbackCustomer", "super1", "reached", true, "satisfaction", 2, "callbackMode", "PHONE");

		// the archive shows both rounds, each with its resolution, amount and answer
		String archive = variable(complaint.task("archiveCase"), "roundsSummary");
		assertThat(archive).contains("**第 1 轮处理**（一级）", "赔偿 ¥1,234.50", "回访：4 不满意",
				"**第 2 轮处理**（二级）", "处理人 super1", "处理结果：Replaced the kettle", "赔偿 ¥0.00", "回访：2 满意");
	}

	private String variable(Task task, String name) {
		return (String) this.engine.getTaskService().getVariable(task.getId(), name);
	}

	@Test
	void shouldTakeStillDissatisfiedLevelThreeComplaintToTheGeneralManager() {
		ComplaintScenario complaint = register(ComplaintScenario.emotionalComplaint());
		assertThat(complaint.registered().level()).isEqualTo(2);
		complaint.verify(true);
		complaint.complete("handleComplaint", "super1", "resolution", "Replaced the blender", "compensationAmount",
				0, "companyAtFault", false, "responsibleDepartment", "门店");
		complaint.complete("reviewHandling", "director1", "reviewApproved", true);
		complaint.complete("callbackCustomer", "super1", "reached", true, "satisfaction", 5, "callbackMode", "PHONE");

		// round 2 at level 3: directors handle, the general manager reviews, directors call back
		assertThat(complaint.candidateGroups(complaint.task("handleComplaint"))).containsExactly("directors");
		complaint.complete("handleComplaint", "director1", "resolution", "Refund and a written apology",
				"compensationAmount", 0, "companyAtFault", false, "responsibleDepartment", "门店");
		assertThat(complaint.candidateGroups(complaint.task("reviewHandling"))).containsExactly("gm");
		complaint.complete("reviewHandling", "gm1", "reviewApproved", true);
		assertThat(complaint.candidateGroups(complaint.task("callbackCustomer"))).containsExactly("directors");
		io.complaintdesk.complaint.casefile.CaseFileFixtures.visitSheetUploaded(this.jdbc, complaint.caseNumber(),
				"director1", TestClock.now().toInstant());
		complaint.complete("callbackCustomer", "director1", "reached", true, "satisfaction", 4, "callbackMode",
				"VISIT");

		assertThat(complaint.candidateGroups(complaint.task("gmMeetingDecision"))).containsExactly("gm");
		assertThatThrownBy(() -> complaint.complete("gmMeetingDecision", "gm1")).hasMessageContaining("finalDecision");
		complaint.complete("gmMeetingDecision", "gm1", "finalDecision", "Goodwill voucher; case closed for good");
		complaint.archive();

		assertThat(historicInstance(complaint)).isEnded()
			.hasPassed("gmMeetingDecision", "recordGmDecided", "caseClosed")
			.hasNotPassed("recordResolved");
		assertThat(complaint.variables()).containsEntry("outcome", "GM_DECIDED")
			.containsEntry("level", 3)
			.containsEntry("round", 2)
			.containsEntry("finalDecision", "Goodwill voucher; case closed for good");
		ComplaintRecord row = this.registry.find(complaint.caseNumber()).orElseThrow();
		assertThat(row.outcome()).isEqualTo(Outcome.GM_DECIDED);
		assertThat(row.finalDecision()).isEqualTo("Goodwill voucher; case closed for good");
		assertThat(this.registry.rounds(complaint.caseNumber())).extracting(RoundRecord::level).containsExactly(2, 3);
	}

	@Test
	void shouldCloseAsUnreachableAfterThreeFailedCallbacksOnDifferentDays() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(0);
		complaint.review(true);

		for (int attempt = 1; attempt < 3; attempt++) {
			complaint.callBackUnreached();
			assertThat(complaint.instance()).isWaitingAt("callBackCustomer");
			var timer = complaint.callbackTimer();
			assertThat(timer).as("retry timer after attempt %d", attempt).isNotNull();
			// the next attempt is due at the start of a later working day (complaint-desk.callback.retry-working-days)
			java.time.ZonedDateTime due = timer.getDuedate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
			assertThat(due.toLocalDate()).isAfter(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
			assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
			execute(timer);
			assertThat(complaint.candidateGroups(complaint.task("callbackCustomer"))).containsExactly("agents");
		}
		complaint.callBackUnreached();

		assertThat(complaint.candidateGroups(complaint.task("archiveCase"))).containsExactly("clerks");
		complaint.archive();
		assertThat(historicInstance(complaint)).isEnded().hasPassed("recordUnreachable").hasNotPassed("recordResolved");
		assertThat(complaint.variables()).containsEntry("outcome", "UNREACHABLE")
			.containsEntry("reached", false)
			.containsEntry("callbackAttempts", 3);
		assertThat(this.registry.rounds(complaint.caseNumber())).singleElement().satisfies((round) -> {
			assertThat(round.callbackAttempts()).isEqualTo(3);
			assertThat(round.reached()).isFalse();
		});
	}

	@ParameterizedTest(name = "{0} needs approval by {1}")
	@CsvSource({ "500, supervisors, super1", "1000, supervisors, super1", "5000, directors, director1",
			"10000, directors, director1", "25000, gm, gm1" })
	void shouldAskTheAuthorityForTheAmountToApproveCompensation(double amount, String approverGroup,
			String approver) {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(amount);

		Task approval = complaint.task("approveCompensation");
		assertThat(complaint.candidateGroups(approval)).containsExactly(approverGroup);
		assertThat(complaint.instance()).hasPassed("determineApprover");
		complaint.complete("approveCompensation", approver, "compensationApproved", true);

		assertThat(complaint.candidateGroups(complaint.task("reviewHandling"))).containsExactly("supervisors");
		assertThat(this.registry.rounds(complaint.caseNumber())).singleElement().satisfies((round) -> {
			assertThat(round.approverGroup()).isEqualTo(approverGroup);
			assertThat(round.compensationApproved()).isTrue();
			assertThat(round.approvedBy()).isEqualTo(approver);
			assertThat(round.compensationAmount()).isEqualByComparingTo(String.valueOf(amount));
		});
	}

	@Test
	void shouldSendHandlingBackWhenCompensationIsRefused() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(800);
		complaint.complete("approveCompensation", "super1", "compensationApproved", false, "approvalComment",
				"Repair first, then decide on compensation");

		// POLICY §5: the rework returns to the same handler, not to the group queue
		Task rework = complaint.task("handleComplaint");
		assertThat(rework.getAssignee()).isEqualTo("agent1");
		assertThat(complaint.candidateGroups(rework)).containsExactly("agents");
		complaint.handle(0);
		assertThat(complaint.task("reviewHandling")).isNotNull();
		assertThat(this.registry.rounds(complaint.caseNumber()).get(0).reworkCount()).isEqualTo(1);
	}

	@Test
	void shouldSendHandlingBackWhenReviewRejectsIt() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(0);
		assertThatThrownBy(() -> complaint.complete("reviewHandling", "super1", "reviewApproved", false))
			.hasMessageContaining("reviewComment");
		complaint.review(false);

		assertThat(complaint.instance()).isWaitingAt("handleComplaint");
		assertThat(complaint.variables()).containsEntry("reviewApproved", false)
			.containsEntry("reviewComment", "Offer a replacement instead");
		complaint.handle(0);
		complaint.review(true);
		assertThat(complaint.instance()).isWaitingAt("callBackCustomer");
		RoundRecord round = this.registry.rounds(complaint.caseNumber()).get(0);
		assertThat(round.reworkCount()).isEqualTo(1);
		assertThat(round.reviewApproved()).isTrue();
	}

	@Test
	void shouldNeverOfferTasksToTheAccusedEmployee() {
		ComplaintScenario complaint = register(ComplaintScenario.complaint("PHONE", "PRODUCT_QUALITY", "agent1"));

		Task verify = complaint.task("verifyComplaint");
		assertThat(complaint.candidateGroups(verify)).isEmpty();
		assertThat(complaint.candidateUsers(verify)).containsExactly("agent2");
		assertThat(this.engine.getTaskService().createTaskQuery()
			.processInstanceBusinessKey(complaint.caseNumber())
			.taskCandidateUser("agent1")
			.count()).isZero();
		assertThatThrownBy(() -> this.engine.getTaskService().claim(verify.getId(), "agent1"))
			.hasMessageContaining("separation of duties");
		assertThatThrownBy(() -> this.engine.getTaskService().setAssignee(verify.getId(), "agent1"))
			.hasMessageContaining("separation of duties");
		assertThat(complaint.task("verifyComplaint").getAssignee()).isNull();

		this.engine.getTaskService().claim(verify.getId(), "agent2");
		complaint.complete("verifyComplaint", "agent2", "valid", true);
		assertThat(complaint.candidateUsers(complaint.task("handleComplaint"))).containsExactly("agent2");
		complaint.complete("handleComplaint", "agent2", "resolution", "Repaired", "compensationAmount", 0,
				"responsibleDepartment", "门店");
		assertThat(complaint.candidateUsers(complaint.task("reviewHandling"))).containsExactly("super1");
		complaint.review(true);
		// the called callback process excludes the accused too
		assertThat(complaint.candidateUsers(complaint.task("callbackCustomer"))).containsExactly("agent2");
	}

	@Test
	void shouldRefuseToStartWithoutRequiredStartVariablesAndStoreNothing() {
		long instancesBefore = this.engine.getHistoryService().createHistoricProcessInstanceQuery().count();

		assertThatThrownBy(() -> this.engine.getRuntimeService()
			.startProcessInstanceByKey(ComplaintProcess.KEY, Map.of("customerName", "Li Wei", "channel", "PIGEON")))
			.hasMessageContaining("channel must be one of")
			.hasMessageContaining("description must not be blank");

		assertThat(this.engine.getHistoryService().createHistoricProcessInstanceQuery().count())
			.isEqualTo(instancesBefore);
	}

	@Test
	void shouldRegisterAComplaintStartedFromTasklistWithItsOwnCaseNumber() {
		Map<String, Object> start = new java.util.HashMap<>(Map.of("customerName", "Zhao Min", "contactPhone", "021-5555 1234", "channel", "ONLINE",
				"complainantType", "FRANCHISEE", "category", "DELIVERY", "description", "Half the pallet missing",
				"demand", "REPLACE", "claimAmount", 1200L, "batchIssue", true));
		start.put("customerId", ""); // a start form sends empty optional fields as ""
		TestUsers.authenticate(this.engine.getIdentityService(), "agent1");
		org.camunda.bpm.engine.runtime.ProcessInstance instance;
		try {
			instance = this.engine.getRuntimeService().startProcessInstanceByKey(ComplaintProcess.KEY, start);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}

		assertThat(instance.getBusinessKey()).matches("CMP-\\d{8}-\\d{4}");
		ComplaintRecord row = this.registry.find(instance.getBusinessKey()).orElseThrow();
		assertThat(row.registeredBy()).isEqualTo("agent1");
		assertThat(row.claimAmount()).isEqualByComparingTo("1200");
		assertThat(row.level()).isEqualTo(3);
		assertThat(this.engine.getRuntimeService().getVariables(instance.getId())).containsEntry("level", 3)
			.containsEntry("major", false)
			.containsEntry("round", 1)
			.containsEntry("claimAmount", 1200.0)
			.containsEntry("emotional", false)
			.doesNotContainKey("customerId");
	}

	@Test
	void shouldRankTasksByTheTaskPriorityDecision() {
		ComplaintScenario ordinary = register(ComplaintScenario.ordinaryComplaint());
		ComplaintScenario major = register(ComplaintScenario.complaint("MEDIA", "SERVICE_ATTITUDE", null));

		assertThat(ordinary.task("verifyComplaint").getPriority()).isEqualTo(10);
		assertThat(major.task("verifyComplaint").getPriority()).isEqualTo(70);
		major.verify(true);
		assertThat(major.task("handleComplaint").getPriority()).isEqualTo(70);
	}

	@Test
	void shouldRankVipClientsFirstAndFlagThemForTheirFilter() {
		Map<String, Object> start = new java.util.HashMap<>(Map.of("customerName", "Chen Jie", "contactPhone",
				"13700000000", "channel", "PHONE", "complainantType", "CONSUMER", "category", "PRODUCT_QUALITY",
				"description", "Late delivery", "demand", "APOLOGY", "clientTier", "VIP"));
		var instance = this.engine.getRuntimeService().startProcessInstanceByKey(ComplaintProcess.KEY, start);

		Task verify = this.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(verify.getPriority()).isEqualTo(210);
		assertThat(this.engine.getRuntimeService().getVariable(instance.getId(), "priorityClient")).isEqualTo(true);
	}

	@Test
	void shouldGiveEveryTaskADueDate() {
		// a Tuesday, 10:00 at the desk
		TestClock.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-24T02:00:00Z")));
		ComplaintScenario complaint;
		try {
			complaint = register(ComplaintScenario.ordinaryComplaint());
		}
		finally {
			TestClock.reset();
		}
		Map<String, Object> variables = complaint.variables();
		java.util.Date receivedAt = (java.util.Date) variables.get("receivedAt");

		// first contact within a working day of receipt; the whole case within 7 days
		assertThat(complaint.task("verifyComplaint").getDueDate())
			.isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-11-25T02:00:00Z")));
		assertThat(variables).containsEntry("receivedOn", "2026-11-24 10:00").containsEntry("closeOn", "2026-12-01 10:00");
		assertThat(variables.get("closeBy"))
			.isEqualTo(java.util.Date.from(receivedAt.toInstant().plus(java.time.Duration.ofDays(7))));
		complaint.verify(true);
		assertThat(complaint.task("handleComplaint").getDueDate()).isAfter(new java.util.Date());
		complaint.handle(0);
		assertThat(complaint.task("reviewHandling").getDueDate()).isEqualTo(variables.get("closeBy"));
	}

	@Test
	void shouldLetTheCaseGroupsReadTheCaseButNotBrandAndLegalAnOrdinaryOne() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());

		for (String reader : List.of("agent1", "agent2", "clerk1", "super1", "director1", "gm1")) {
			assertThat(visibleTo(reader, complaint)).as("what %s sees of the case", reader).containsExactly(1L, 1L, 1L);
		}
		assertThat(visibleTo("legal1", complaint)).as("brand and legal, ordinary case").containsExactly(0L, 0L, 0L);
	}

	@Test
	void shouldHideTheCaseFromTheAccusedEmployeeOnEveryEngineQuery() {
		ComplaintScenario complaint = register(ComplaintScenario.complaint("PHONE", "PRODUCT_QUALITY", "agent1"));

		assertThat(visibleTo("agent1", complaint)).as("the accused employee").containsExactly(0L, 0L, 0L);
		assertThat(visibleTo("agent2", complaint)).as("a colleague").containsExactly(1L, 1L, 1L);
		TestUsers.authenticate(this.engine.getIdentityService(), "agent1");
		try {
			assertThat(this.engine.getHistoryService().createHistoricTaskInstanceQuery()
				.processInstanceId(complaint.processInstanceId()).count()).isZero();
			assertThat(this.engine.getRuntimeService().createVariableInstanceQuery()
				.processInstanceIdIn(complaint.processInstanceId()).count()).isZero();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void shouldLetOnlyCandidatesWorkATaskThoughEveryCaseGroupReadsIt() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		String verify = this.engine.getTaskService().createTaskQuery()
			.processInstanceId(complaint.processInstanceId()).singleResult().getId();

		TestUsers.authenticate(this.engine.getIdentityService(), "clerk1");
		try {
			assertThat(this.engine.getTaskService().createTaskQuery().taskId(verify).count()).as("clerk reads it").isOne();
			assertThatThrownBy(() -> this.engine.getTaskService().claim(verify, "clerk1"))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
				.hasMessageContaining("not a candidate");
			assertThatThrownBy(() -> this.engine.getTaskService().complete(verify, Map.of("valid", true)))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		TestUsers.authenticate(this.engine.getIdentityService(), "agent1");
		try {
			this.engine.getTaskService().claim(verify, "agent1");
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		TestUsers.authenticate(this.engine.getIdentityService(), "agent2");
		try {
			assertThatThrownBy(() -> this.engine.getTaskService().complete(verify, Map.of("valid", true)))
				.as("a colleague may not complete a task agent1 claimed")
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
				.hasMessageContaining("claimed by someone else");
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(verify).singleResult().getAssignee())
			.isEqualTo("agent1");
	}

	/** Tasks, running instances and historic instances of the case the reader's queries find. */
	private List<Long> visibleTo(String reader, ComplaintScenario complaint) {
		TestUsers.authenticate(this.engine.getIdentityService(), reader);
		try {
			return List.of(
					this.engine.getTaskService().createTaskQuery().processInstanceId(complaint.processInstanceId()).count(),
					this.engine.getRuntimeService().createProcessInstanceQuery()
						.processInstanceId(complaint.processInstanceId()).count(),
					this.engine.getHistoryService().createHistoricProcessInstanceQuery()
						.processInstanceId(complaint.processInstanceId()).count());
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private void customer(String id, String tier) {
		this.jdbc.update("INSERT INTO customer (customer_id, name, customer_type, department, contact_phone, annual_volume,"
				+ " default_count, tier, confidential, created_at, updated_at) VALUES (?, ?, 'CONSUMER', 'EAST', '13912345678',"
				+ " 0, 0, ?, FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", id, "Customer " + id, tier);
	}

	private ComplaintRequest complaintOf(String customerId, String productCode) {
		return new ComplaintRequest(customerId, "Li Wei", "13912345678", "PHONE", "CONSUMER", "PRODUCT_QUALITY",
				"Kettle stopped heating", "REPAIR", null, productCode, "SH-01", null, null, false, false, false, false,
				false, false);
	}

	@Test
	void shouldRecordTheCustomersRatingOfTheStaff() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(0);
		complaint.review(true);
		complaint.complete("callbackCustomer", "agent2", "reached", true, "satisfaction", 2, "callbackMode", "PHONE",
				"ratingAttitude", "VERY_SATISFIED", "ratingSkill", "SATISFIED", "ratingArrival", "FAIR");

		assertThat(this.jdbc.queryForMap("SELECT rating_attitude, rating_skill, rating_arrival, rating_promises"
				+ " FROM complaint_round WHERE case_number = ?", complaint.caseNumber()))
			.containsEntry("RATING_ATTITUDE", "VERY_SATISFIED")
			.containsEntry("RATING_SKILL", "SATISFIED")
			.containsEntry("RATING_ARRIVAL", "FAIR")
			.containsEntry("RATING_PROMISES", null);
	}

	@Test
	void shouldRefuseARatingThatIsNotOnTheScale() {
		ComplaintScenario complaint = register(ComplaintScenario.ordinaryComplaint());
		complaint.verify(true);
		complaint.handle(0);
		complaint.review(true);

		assertThatThrownBy(() -> complaint.complete("callbackCustomer", "agent2", "reached", true, "satisfaction", 2,
				"callbackMode", "PHONE", "ratingSkill", "GREAT")).hasMessageContaining("ratingSkill");
		assertThat(complaint.task("callbackCustomer")).isNotNull();
	}

	@Test
	void shouldTakeTheClientTierFromTheCustomerMaster() {
		customer("T-VIP-1", "VIP");
		ComplaintScenario complaint = register(complaintOf("T-VIP-1", "KT-1"));

		assertThat(complaint.variables()).containsEntry("clientTier", "VIP")
			.containsEntry("priorityClient", true)
			.containsEntry("blacklisted", false);
		assertThat(complaint.task("verifyComplaint").getPriority()).isEqualTo(210);
	}

	@Test
	void shouldRecogniseASecondComplaintAboutTheSameProductAsARepeatComplaint() {
		customer("T-REP-1", "QUALIFIED");
		ComplaintScenario first = register(complaintOf("T-REP-1", "KT-77"));
		assertThat(first.variables()).containsEntry("repeatComplaint", false);
		// POLICY §2: while the first case is open the same matter is not a repeat complaint
		assertThat(register(complaintOf("T-REP-1", "KT-77")).variables()).containsEntry("repeatComplaint", false)
			.containsEntry("major", false);
		// the registry closes a case when it is archived; only then is the same matter a repeat complaint
		this.registry.close(first.caseNumber(), "clerk1", java.time.Instant.now());

		ComplaintScenario second = register(complaintOf("T-REP-1", "KT-77"));
		ComplaintScenario otherProduct = register(complaintOf("T-REP-1", "BL-9"));

		// POLICY §4: a repeat complaint is serious (level 2) and major
		assertThat(second.variables()).containsEntry("repeatComplaint", true).containsEntry("level", 2)
			.containsEntry("major", true);
		assertThat(otherProduct.variables()).containsEntry("repeatComplaint", false).containsEntry("level", 1);
	}

	@Test
	void shouldRecogniseAComplaintNamingAnEarlierCaseAsARepeatComplaint() {
		ComplaintScenario first = register(complaintOf(null, null));
		// a closed case: naming an open one adds the report to it instead (IntakePolicyTests)
		this.registry.close(first.caseNumber(), "clerk1", java.time.Instant.now());
		ComplaintRequest followUp = new ComplaintRequest(null, "Li Wei", "13912345678", "PHONE", "CONSUMER",
				"PRODUCT_QUALITY", "Still broken", "REPLACE", null, null, null, null, first.caseNumber(), false, false,
				false, false, false, false);

		assertThat(register(followUp).variables()).containsEntry("repeatComplaint", true);
	}

	@Test
	void shouldHandleButFlagTheComplaintOfABlacklistedCustomer() {
		customer("T-BL-1", "QUALIFIED");
		this.jdbc.update("INSERT INTO customer_blacklist (customer_id, status, reason, proposed_at, blacklisted_at,"
				+ " blacklisted_until) VALUES ('T-BL-1', 'ACTIVE', 'Fraud', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)",
				java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(90))));

		ComplaintScenario complaint = register(complaintOf("T-BL-1", "KT-5"));

		assertThat(complaint.variables()).containsEntry("blacklisted", true);
		assertThat(complaint.instance()).isWaitingAt("verifyComplaint");
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
