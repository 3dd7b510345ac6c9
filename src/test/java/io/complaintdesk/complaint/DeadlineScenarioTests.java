package io.complaintdesk.complaint;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

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

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.intake.ComplaintIntake;

/**
 * Every deadline of POLICY §3–§7 as a timer on the working calendar: the clock is moved with
 * {@link ClockUtil} and the due jobs executed by hand; nothing sleeps.
 */
@SpringBootTest
@ActiveProfiles("test")
class DeadlineScenarioTests {

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
		TestUsers.create(this.engine.getIdentityService());
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
		BpmnAwareTests.reset();
	}

	private static Date at(String localDateTime) {
		return Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), DESK).toInstant());
	}

	private ComplaintScenario registerAt(String localDateTime) {
		TestClock.setCurrentTime(at(localDateTime));
		return ComplaintScenario.register(this.engine, this.intake, ComplaintScenario.ordinaryComplaint());
	}

	private List<Map<String, Object>> penalties(String caseNumber) {
		return this.jdbc.queryForList("SELECT person, rule, amount, detail FROM penalty_entry WHERE case_number = ?", caseNumber);
	}

	/** dedup key, subject, body and the penalty entry's detail of the case's notifications. */
	private List<Map<String, Object>> notifications(String caseNumber) {
		return this.jdbc.queryForList(
				"SELECT dedup_key, subject, body FROM notification_outbox WHERE case_number = ? ORDER BY created_at, id",
				caseNumber);
	}

	private List<String> notifiedGroups(String caseNumber) {
		return this.jdbc.queryForList(
				"SELECT recipient_group FROM notification_outbox WHERE case_number = ? ORDER BY created_at, id",
				String.class, caseNumber);
	}

	@Test
	void shouldCountFirstContactOverTheAdjustedSaturdayBeforeTheSpringFestival() {
		// Friday 2026-02-13, the last working day before the Spring Festival week; Saturday 02-14 is worked (调休)
		ComplaintScenario complaint = registerAt("2026-02-13T10:00:00");

		assertThat(complaint.task("verifyComplaint").getDueDate()).isEqualTo(at("2026-02-14T10:00:00"));
		assertThat(complaint.timer("firstContactOverdue").getDuedate()).isEqualTo(at("2026-02-14T10:00:00"));
	}

	@Test
	void shouldCountFirstContactAcrossAWeekend() {
		ComplaintScenario complaint = registerAt("2026-11-20T16:30:00"); // a Friday

		assertThat(complaint.task("verifyComplaint").getDueDate()).isEqualTo(at("2026-11-23T16:30:00"));
	}

	@Test
	void shouldRecordLateFirstContactOnceAndTellTheSupervisorsWhileTheCaseGoesOn() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		this.engine.getTaskService().claim(complaint.task("verifyComplaint").getId(), "agent1");

		TestClock.setCurrentTime(at("2026-11-24T10:05:00"));
		execute(complaint.timer("firstContactOverdue"));

		assertThat(complaint.instance()).isWaitingAt("verifyComplaint").hasPassed("recordLateFirstContact");
		assertThat(penalties(complaint.caseNumber())).singleElement().satisfies((entry) -> {
			assertThat(entry.get("PERSON")).isEqualTo("agent1");
			assertThat(entry.get("RULE")).isEqualTo("LATE_FIRST_CONTACT");
			assertThat(((Number) entry.get("AMOUNT")).intValue()).isEqualTo(30);
		});
		assertThat(notifiedGroups(complaint.caseNumber())).containsExactly("supervisors");
		// the mail reads Chinese first, then the same in English; the ledger entry says why, in Chinese
		String caseNumber = complaint.caseNumber();
		assertThat(notifications(caseNumber)).singleElement().satisfies((mail) -> {
			assertThat(mail.get("DEDUP_KEY")).isEqualTo("late_first_contact:" + caseNumber + ":first-contact");
			assertThat(mail.get("SUBJECT")).isEqualTo("投诉案件 " + caseNumber + "：首次联系逾期");
			assertThat(mail.get("BODY")).isEqualTo("投诉案件 " + caseNumber + " 的投诉人 Li Wei 未在受理后 1 个工作日内联系上"
					+ "（投诉管理制度第 3 条）。责任人：agent1。已记入负激励台账，待主管审查。\n\n"
					+ "The customer Li Wei of complaint " + caseNumber
					+ " was not reached within a working day of receipt (POLICY §3). Responsible: agent1. "
					+ "A penalty entry has been recorded for review.");
		});
		assertThat(this.jdbc.queryForObject("SELECT detail FROM penalty_entry WHERE case_number = ?", String.class,
				caseNumber))
			.isEqualTo("受理后 1 个工作日内未联系上客户");

		// the same breach again (a job run twice) records nothing new
		this.engine.getRuntimeService()
			.createProcessInstanceModification(complaint.processInstanceId())
			.startBeforeActivity("recordLateFirstContact")
			.execute();
		assertThat(penalties(complaint.caseNumber())).hasSize(1);
		assertThat(notifiedGroups(complaint.caseNumber())).hasSize(1);
	}

	@Test
	void shouldRecordLateFirstContactAgainstTheSupervisorOnDutyWhenNobodyClaimedIt() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		TestClock.setCurrentTime(at("2026-11-24T11:00:00"));
		execute(complaint.timer("firstContactOverdue"));

		// complaint-desk.penalties.duty-supervisor.agents: super1 — a person, never the group
		assertThat(penalties(complaint.caseNumber())).singleElement().satisfies((entry) -> {
			assertThat(entry.get("PERSON")).isEqualTo("super1");
			assertThat((String) entry.get("DETAIL")).isEqualTo("受理后 1 个工作日内未联系上客户；该步骤无人认领，记在“agents”组的值班主管名下");
		});
	}

	@Test
	void shouldReportAnOverdueCaseToTheLevelAboveAndKeepItRunning() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		complaint.verify(true);
		Job overdue = complaint.timer("caseOverdue");
		assertThat(overdue.getDuedate()).isEqualTo(at("2026-11-30T10:00:00"));

		TestClock.setCurrentTime(at("2026-11-30T10:01:00"));
		execute(overdue);

		Task acknowledge = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(complaint.processInstanceId())
			.taskDefinitionKey("acknowledgeOverdueCase")
			.singleResult();
		assertThat(complaint.candidateGroups(acknowledge)).containsExactly("supervisors");
		assertThat(notifiedGroups(complaint.caseNumber())).containsExactly("supervisors");
		assertThat(notifications(complaint.caseNumber())).singleElement().satisfies((mail) -> {
			assertThat(mail.get("DEDUP_KEY")).isEqualTo("case-overdue:" + complaint.caseNumber());
			assertThat(mail.get("SUBJECT")).isEqualTo("投诉案件 " + complaint.caseNumber() + " 已逾期");
			assertThat((String) mail.get("BODY")).startsWith("投诉案件 " + complaint.caseNumber()
					+ "（投诉人：Li Wei，级别：一级（普通投诉））已超过处理期限仍未结案")
				.endsWith("\n\nComplaint " + complaint.caseNumber()
						+ " of Li Wei (level 1) is still open past its deadline (POLICY §5: closed within 7 days of receipt).");
		});
		assertThat(complaint.instance()).isWaitingAt("handleComplaint", "acknowledgeOverdueCase");
		this.engine.getTaskService().complete(acknowledge.getId(), Map.of("overdueNote", "Chased the handler"));
		assertThat(complaint.instance()).isWaitingAt("handleComplaint");
	}

	@Test
	void shouldAskForProgressContactsEveryFiveWorkingDaysAtLevelOneUntilTheRoundIsHandled() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00"); // Monday
		complaint.verify(true);

		Job first = complaint.timer("progressContactDue");
		assertThat(first.getDuedate()).isEqualTo(at("2026-11-30T10:00:00")); // 5 working days later
		TestClock.setCurrentTime(at("2026-11-30T10:00:00"));
		execute(first);

		Task contact = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(complaint.processInstanceId())
			.taskDefinitionKey("contactCustomerAboutProgress")
			.singleResult();
		assertThat(complaint.candidateGroups(contact)).containsExactly("agents");
		TestClock.setCurrentTime(at("2026-11-30T11:00:00"));
		this.engine.getTaskService().complete(contact.getId(), Map.of("progressNote", "Spare part ordered"));
		assertThat(complaint.timer("progressContactDue").getDuedate()).isEqualTo(at("2026-12-07T11:00:00"));
		assertThat(this.registry.rounds(complaint.caseNumber()).get(0).progressContacts()).isEqualTo(1);

		complaint.handle(0);
		complaint.review(true);
		// the round is handled: no more progress contacts
		assertThat(complaint.timer("progressContactDue")).isNull();
		assertThat(complaint.instance()).isWaitingAt("callBackCustomer");
	}

	@Test
	void shouldAskForProgressContactsEveryThreeWorkingDaysAtLevelTwo() {
		TestClock.setCurrentTime(at("2026-11-23T10:00:00"));
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.emotionalComplaint());
		complaint.verify(true);

		assertThat(complaint.timer("progressContactDue").getDuedate()).isEqualTo(at("2026-11-26T10:00:00"));
	}

	@Test
	void shouldRecordAMissedCallbackOnceAndTellTheSupervisors() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");
		complaint.verify(true);
		complaint.handle(0);
		TestClock.setCurrentTime(at("2026-11-24T09:00:00"));
		complaint.review(true);

		Job missed = complaint.timer("callbackOverdue");
		assertThat(missed.getDuedate()).isEqualTo(at("2026-11-27T09:00:00"));
		assertThat(complaint.task("callbackCustomer").getDueDate()).isEqualTo(at("2026-11-27T09:00:00"));
		TestClock.setCurrentTime(at("2026-11-27T09:30:00"));
		execute(missed);

		assertThat(penalties(complaint.caseNumber())).singleElement().satisfies((entry) -> {
			// nobody ever claimed the callback: the supervisor on duty for the agents
			assertThat(entry.get("PERSON")).isEqualTo("super1");
			assertThat(entry.get("RULE")).isEqualTo("MISSED_CALLBACK");
			assertThat(((Number) entry.get("AMOUNT")).intValue()).isEqualTo(50);
		});
		assertThat(notifiedGroups(complaint.caseNumber())).containsExactly("supervisors");
		assertThat(notifications(complaint.caseNumber())).singleElement().satisfies((mail) -> {
			assertThat(mail.get("DEDUP_KEY")).isEqualTo("missed_callback:" + complaint.caseNumber() + ":round-1");
			assertThat(mail.get("SUBJECT")).isEqualTo("投诉案件 " + complaint.caseNumber() + "：回访逾期");
			assertThat((String) mail.get("BODY")).startsWith("投诉案件 " + complaint.caseNumber()
					+ " 第 1 轮处理结束后 3 个工作日内未尝试满意度回访（投诉管理制度第 6 条）。责任人：super1。")
				.contains("\n\nThe satisfaction callback of complaint " + complaint.caseNumber() + " (round 1)");
		});
		assertThat(this.jdbc.queryForObject("SELECT detail FROM penalty_entry WHERE case_number = ?", String.class,
				complaint.caseNumber()))
			.isEqualTo("处理结束后 3 个工作日内未尝试满意度回访（第 1 轮）；该步骤无人认领，记在“agents”组的值班主管名下");
		// the callback is still to be done
		complaint.callBack(2);
		complaint.archive();
		assertThat(complaint.instance()).isNull();
	}

	@Test
	void shouldWarnBrandAndLegalAndCallTheCrisisTeamForAMajorComplaint() {
		TestClock.setCurrentTime(at("2026-11-23T10:00:00"));
		ComplaintScenario complaint = ComplaintScenario.register(this.engine, this.intake,
				ComplaintScenario.complaint("MEDIA", "SERVICE_ATTITUDE", null));

		var warning = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.processInstanceBusinessKey(complaint.caseNumber())
			.singleResult();
		assertThat(warning).isWaitingAt("acknowledgeMajorWarning", "conveneCrisisTeam").hasPassed("warnBrandAndLegal");
		Task acknowledge = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(warning.getId())
			.taskDefinitionKey("acknowledgeMajorWarning")
			.singleResult();
		assertThat(complaint.candidateGroups(acknowledge)).containsExactly("brand-legal");
		assertThat(acknowledge.getDueDate()).isEqualTo(at("2026-11-24T10:00:00"));
		Task crisis = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(warning.getId())
			.taskDefinitionKey("conveneCrisisTeam")
			.singleResult();
		assertThat(complaint.candidateGroups(crisis)).containsExactly("gm");
		assertThat(notifiedGroups(complaint.caseNumber())).containsExactlyInAnyOrder("brand-legal", "gm");
		String caseNumber = complaint.caseNumber();
		assertThat(notifications(caseNumber)).extracting((mail) -> mail.get("DEDUP_KEY"))
			.containsExactlyInAnyOrder("major-warning:" + caseNumber + ":brand-legal", "major-warning:" + caseNumber + ":gm");
		assertThat(notifications(caseNumber)).allSatisfy((mail) -> {
			assertThat(mail.get("SUBJECT")).isEqualTo("重大投诉预警：" + caseNumber);
			// Chinese first, what happened in the customer's words, then the warning in English
			assertThat(mail.get("BODY")).isEqualTo("投诉案件 " + caseNumber + "（投诉人：Li Wei，渠道：媒体）已定为重大投诉，"
					+ "级别：三级（非常严重投诉）。按投诉管理制度第 4 条，须在 24 小时内向品牌事业部、法务部预警报备；总经理召集危机处理小组。"
					+ "\n\n投诉内容：\nKettle stopped heating two days after purchase\n\n"
					+ "Complaint " + caseNumber + " of Li Wei via MEDIA is classified major (level 3). POLICY §4: brand "
					+ "and legal are warned within 24 hours; the general manager convenes the crisis team.");
		});

		// classified major again on the verified facts: no second warning
		complaint.verify(true);
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.processInstanceBusinessKey(complaint.caseNumber())
			.count()).isEqualTo(1);

		this.engine.getTaskService().complete(acknowledge.getId(), Map.of("warningNote", "Press line prepared"));
		this.engine.getTaskService().complete(crisis.getId(), Map.of("crisisTeamNote", "GM, brand, legal, sales"));
		assertThat(warning).isEnded().hasPassed("crisisTeamConvened");
	}

	@Test
	void shouldNotWarnForAnOrdinaryComplaint() {
		ComplaintScenario complaint = registerAt("2026-11-23T10:00:00");

		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.processInstanceBusinessKey(complaint.caseNumber())
			.count()).isZero();
		assertThat(notifiedGroups(complaint.caseNumber())).isEmpty();
	}

}
