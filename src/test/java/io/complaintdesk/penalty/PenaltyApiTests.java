package io.complaintdesk.penalty;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.RegistryRows;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.base.Groups;

/**
 * {@code /api/penalties} with the Camunda users over HTTP Basic: the month a supervisor reviews
 * with each person's total, voiding, a supervisor's own entry within the policy's range, field
 * errors, and 403 for everyone but supervisors, directors, the general manager and admins.
 * <p>
 * The test database is shared with other test classes: entries are made in months of 2031 and
 * against case numbers of their own, which are cleared before each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PenaltyApiTests {

	private static final String CASE = "CMP-20310301-0001";

	private static final String OTHER_CASE = "CMP-20310301-0002";

	private static final String ADMIN = "penaltyadmin";

	@Autowired
	MockMvc mvc;

	@Autowired
	PenaltyLedger ledger;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		createAdmin();
		this.jdbc.update("DELETE FROM penalty_entry WHERE case_number IN (?, ?)", CASE, OTHER_CASE);
		if (this.registry.find(CASE).isEmpty()) {
			this.registry.register(RegistryRows.row(CASE, "penalty-api-tests", Instant.now(), "agent1", Channel.PHONE,
					ComplainantType.CONSUMER, Category.DELIVERY, null, "Li Wei", "13900000000", "Parcel arrived late",
					Demand.APOLOGY, null, null, null, null, null, 1, false));
		}
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	@Test
	void shouldShowSupervisorTheMonthWithTotalsOfValidEntries() throws Exception {
		recordAt("2031-03-01T00:00:00+08:00", CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint");
		recordAt("2031-03-15T10:00:00+08:00", CASE, "agent1", PenaltyRule.MISSED_CALLBACK, "round-1");
		recordAt("2031-03-20T10:00:00+08:00", OTHER_CASE, "agents", PenaltyRule.MISSED_CALLBACK, "round-1");
		recordAt("2031-03-31T23:59:00+08:00", OTHER_CASE, "agent2", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint");
		recordAt("2031-04-01T00:00:00+08:00", OTHER_CASE, "agent2", PenaltyRule.MISSED_CALLBACK, "round-2");
		long voided = this.ledger.find(OTHER_CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();
		this.ledger.voidEntry(voided, "super1", "The customer gave a wrong number");

		this.mvc.perform(get("/api/penalties").param("month", "2031-03").with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.month").value("2031-03"))
			.andExpect(jsonPath("$.entries", hasSize(4)))
			.andExpect(jsonPath("$.entries[0].caseNumber").value(CASE))
			.andExpect(jsonPath("$.entries[0].person").value("agent1"))
			.andExpect(jsonPath("$.entries[0].rule").value("LATE_FIRST_CONTACT"))
			.andExpect(jsonPath("$.entries[0].amount").value(30.0))
			.andExpect(jsonPath("$.entries[0].occurrenceKey").value("verifyComplaint"))
			.andExpect(jsonPath("$.entries[0].recordedAt").value("2031-02-28T16:00:00Z"))
			.andExpect(jsonPath("$.entries[0].voided").value(false))
			.andExpect(jsonPath("$.entries[3].id").value(voided))
			.andExpect(jsonPath("$.entries[3].voided").value(true))
			.andExpect(jsonPath("$.entries[3].voidedBy").value("super1"))
			.andExpect(jsonPath("$.entries[3].voidReason").value("The customer gave a wrong number"))
			.andExpect(jsonPath("$.entries[3].voidedAt").isString())
			// agent2's only entry of March is voided: no total
			.andExpect(jsonPath("$.totals", hasSize(2)))
			.andExpect(jsonPath("$.totals[0].person").value("agent1"))
			.andExpect(jsonPath("$.totals[0].entries").value(2))
			.andExpect(jsonPath("$.totals[0].amount").value(80.0))
			.andExpect(jsonPath("$.totals[1].person").value("agents"))
			.andExpect(jsonPath("$.totals[1].amount").value(50.0));

		for (String user : List.of("director1", "gm1", ADMIN)) {
			this.mvc.perform(get("/api/penalties").param("month", "2031-04").with(httpBasic(user, user)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.entries", hasSize(1)))
				.andExpect(jsonPath("$.totals[0].person").value("agent2"));
		}
	}

	@Test
	void shouldVoidAnEntryOnce() throws Exception {
		recordAt("2031-05-02T10:00:00+08:00", CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint");
		long id = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();

		this.mvc.perform(voidEntry(id, "{\"reason\": \"Holiday: the first working day had not ended\"}", "super1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.voided").value(true))
			.andExpect(jsonPath("$.voidedBy").value("super1"))
			.andExpect(jsonPath("$.voidReason").value("Holiday: the first working day had not ended"));

		this.mvc.perform(voidEntry(id, "{\"reason\": \"Again\"}", "director1"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", matchesRegex("第 " + id + " 条负激励记录已由 super1 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 作废")));
		this.mvc.perform(get("/api/penalties").param("month", "2031-05").with(httpBasic("super1", "super1")))
			.andExpect(jsonPath("$.entries[0].voidReason").value("Holiday: the first working day had not ended"))
			.andExpect(jsonPath("$.totals", hasSize(0)));
		this.mvc.perform(voidEntry(-1, "{\"reason\": \"No such entry\"}", "super1")).andExpect(status().isNotFound());
	}

	@Test
	void shouldRefuseToVoidWithoutReason() throws Exception {
		recordAt("2031-05-02T10:00:00+08:00", CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint");
		long id = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();

		for (String body : List.of("{}", "{\"reason\": \"  \"}", "{\"reason\": \"" + "x".repeat(1001) + "\"}")) {
			this.mvc.perform(voidEntry(id, body, "super1"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"));
		}
		this.mvc.perform(voidEntry(id, "not json", "super1")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/api/penalties/abc/void").with(httpBasic("super1", "super1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"Wrong id\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		this.mvc.perform(get("/api/penalties").param("month", "2031-05").with(httpBasic("super1", "super1")))
			.andExpect(jsonPath("$.entries[0].voided").value(false));
	}

	@Test
	void shouldRefuseEveryoneButSupervisorsAndAbove() throws Exception {
		recordAt("2031-06-02T10:00:00+08:00", CASE, "agent1", PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint");
		long id = this.ledger.find(CASE, PenaltyRule.LATE_FIRST_CONTACT, "verifyComplaint").orElseThrow().id();

		for (String user : List.of("agent1", "clerk1", "legal1")) {
			this.mvc.perform(get("/api/penalties").param("month", "2031-06").with(httpBasic(user, user)))
				.andExpect(status().isForbidden());
			this.mvc.perform(voidEntry(id, "{\"reason\": \"I was not late\"}", user)).andExpect(status().isForbidden());
			// refused before the body is looked at: an invalid body is 403 too, not 400
			this.mvc.perform(manualEntry("{}", user)).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/api/penalties").param("month", "2031-06")).andExpect(status().isUnauthorized());
		// not super1 with a wrong password: Camunda would lock super1 out for the next seconds
		this.mvc.perform(get("/api/penalties").param("month", "2031-06").with(httpBasic("nobody", "nobody")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/penalties").param("month", "2031-06").with(httpBasic("super1", "super1")))
			.andExpect(jsonPath("$.entries[0].voided").value(false));
	}

	@Test
	void shouldRefuseAMonthThatIsNotYyyyMm() throws Exception {
		for (String month : List.of("2031-13", "2031-3", "2031/03", "March", "")) {
			this.mvc.perform(get("/api/penalties").param("month", month).with(httpBasic("super1", "super1")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("month"))
				.andExpect(jsonPath("$.errors[0].message").value("须为月份，格式为 YYYY-MM（如 2026-11）"));
		}
		this.mvc.perform(get("/api/penalties").with(httpBasic("super1", "super1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"))
			.andExpect(jsonPath("$.errors[0].message").value("必填，格式为 YYYY-MM（如 2026-11）"));
		this.mvc
			.perform(get("/api/penalties").header("Accept-Language", "en").with(httpBasic("super1", "super1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("is required, as YYYY-MM"));
	}

	@Test
	void shouldRecordSupervisorsEntryWithinThePolicyRange() throws Exception {
		TestClock.setCurrentTime(Date.from(OffsetDateTime.parse("2031-07-10T09:30:00+08:00").toInstant()));

		this.mvc.perform(manualEntry("""
				{"caseNumber": "%s", "person": "agent2", "rule": "RULE_BREACH", "amount": 80,
				 "detail": "Promised a refund without approval", "occurrenceKey": "refund-promise"}""".formatted(CASE),
				"super1"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.caseNumber").value(CASE))
			.andExpect(jsonPath("$.person").value("agent2"))
			.andExpect(jsonPath("$.rule").value("RULE_BREACH"))
			.andExpect(jsonPath("$.amount").value(80.0))
			.andExpect(jsonPath("$.recordedBy").value("super1"))
			.andExpect(jsonPath("$.recordedAt").value("2031-07-10T01:30:00Z"))
			.andExpect(jsonPath("$.detail").value("Promised a refund without approval"));
		this.mvc.perform(manualEntry("""
				{"caseNumber": "%s", "person": "agent2", "rule": "RULE_BREACH", "amount": 80,
				 "detail": "The same again", "occurrenceKey": "refund-promise"}""".formatted(CASE), "director1"))
			.andExpect(status().isConflict());
		this.mvc.perform(manualEntry("""
				{"caseNumber": "%s", "person": "agent1", "rule": "FALSIFIED_CALLBACK", "amount": 100,
				 "detail": "The customer was never called"}""".formatted(CASE), "gm1"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.occurrenceKey", startsWith("manual-")));
	}

	@Test
	void shouldRefuseManualEntryOutOfRangeWithFieldError() throws Exception {
		String entry = """
				{"caseNumber": "%s", "person": "agent2", "rule": "%s", "amount": %s, "detail": "Breach"}""";

		assertRefused(entry.formatted(CASE, "RULE_BREACH", "120"), "amount",
				"must be 30 to 100 for RULE_BREACH (POLICY §7)");
		assertRefused(entry.formatted(CASE, "RULE_BREACH", "29.99"), "amount",
				"must be 30 to 100 for RULE_BREACH (POLICY §7)");
		assertRefused(entry.formatted(CASE, "FALSIFIED_CALLBACK", "40"), "amount",
				"must be 50 to 100 for FALSIFIED_CALLBACK (POLICY §7)");
		assertRefused(entry.formatted(CASE, "RULE_BREACH", "50.123"), "amount",
				"numeric value out of bounds (<8 digits>.<2 digits> expected)");
		assertRefused(entry.formatted(CASE, "LATE_FIRST_CONTACT", "30"), "rule",
				"LATE_FIRST_CONTACT is recorded by the process, not by hand");
		assertRefused(entry.formatted(CASE, "SPEEDING", "30"), "rule",
				"must be one of LATE_FIRST_CONTACT, RULE_BREACH, MISSED_CALLBACK, FALSIFIED_CALLBACK");
		assertRefused(entry.formatted("CMP-19990101-0001", "RULE_BREACH", "30"), "caseNumber",
				"is not a complaint in the registry");
		// what a supervisor reads (no Accept-Language: Chinese)
		assertRefusedInChinese(entry.formatted(CASE, "RULE_BREACH", "120"), "amount",
				"“违规处理”的金额须为 30 至 100（投诉管理制度第 7 条）");
		assertRefusedInChinese(entry.formatted(CASE, "RULE_BREACH", "50.123"), "amount",
				"数值超出范围（最多 8 位整数、2 位小数）");
		assertRefusedInChinese(entry.formatted(CASE, "LATE_FIRST_CONTACT", "30"), "rule",
				"“首次联系逾期”由流程自动记录，不能手工录入");
		assertRefusedInChinese(entry.formatted(CASE, "SPEEDING", "30"), "rule",
				"须为以下值之一：LATE_FIRST_CONTACT, RULE_BREACH, MISSED_CALLBACK, FALSIFIED_CALLBACK");
		assertRefusedInChinese(entry.formatted("CMP-19990101-0001", "RULE_BREACH", "30"), "caseNumber",
				"登记簿中没有此投诉案件");
		this.mvc.perform(manualEntry("{}", "super1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("amount", "caseNumber", "detail", "person", "rule")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM penalty_entry WHERE case_number = ?", Integer.class,
				CASE))
			.isZero();
	}

	// the test users have no administrator; Groups.ADMINS is camunda-admin, as in the demo profile
	private void createAdmin() {
		if (this.identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
			this.identity.saveGroup(this.identity.newGroup(Groups.ADMINS));
		}
		if (this.identity.createUserQuery().userId(ADMIN).count() == 0) {
			User admin = this.identity.newUser(ADMIN);
			admin.setPassword(ADMIN);
			this.identity.saveUser(admin);
			this.identity.createMembership(ADMIN, Groups.ADMINS);
		}
	}

	/** Refused, in English: {@code Accept-Language: en}. */
	private void assertRefused(String body, String field, String message) throws Exception {
		this.mvc.perform(manualEntry(body, "super1").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	private void assertRefusedInChinese(String body, String field, String message) throws Exception {
		this.mvc.perform(manualEntry(body, "super1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("请求有误"))
			.andExpect(jsonPath("$.detail").value("请求中有字段填写不正确"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	private void recordAt(String time, String caseNumber, String person, PenaltyRule rule, String occurrenceKey) {
		TestClock.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
		this.ledger.record(caseNumber, person, rule, occurrenceKey, null);
		TestClock.reset();
	}

	private static MockHttpServletRequestBuilder voidEntry(long id, String body, String user) {
		return post("/api/penalties/{id}/void", id).with(httpBasic(user, user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private static MockHttpServletRequestBuilder manualEntry(String body, String user) {
		return post("/api/penalties").with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
