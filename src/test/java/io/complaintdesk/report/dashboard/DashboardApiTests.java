package io.complaintdesk.report.dashboard;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.CallbackAnswer;
import io.complaintdesk.complaint.RegistryRows;
import io.complaintdesk.complaint.ComplaintRegistry.Routing;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.base.Groups;

/**
 * {@code GET /api/reports/dashboard}: every figure of the Cockpit dashboard counted exactly on a
 * registry seeded with known timestamps, at a fixed engine clock (Friday 2026-11-20 16:00 in
 * Shanghai, so "within a working day" reaches over the weekend to Monday 16:00), with the edges of
 * the age buckets, the case deadline, the desk's month and its ISO weeks (Shanghai midnight is
 * 16:00 UTC the day before); and who may read it.
 * <p>
 * The dashboard counts the whole registry, so this class runs on an in-memory database of its own.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-api-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DashboardApiTests {

	/** Friday 16:00 in Shanghai, 08:00 UTC. */
	static final String NOW = "2026-11-20T16:00:00+08:00";

	private static final String ADMIN = "dashboardadmin";

	private static final String DASHBOARD = "/api/reports/dashboard";

	@Autowired
	MockMvc mvc;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine engine;

	IdentityService identity;

	@BeforeEach
	void setUp() {
		this.identity = this.engine.getIdentityService();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		createAdmin();
		this.jdbc.update("DELETE FROM complaint_round");
		this.jdbc.update("DELETE FROM complaint");
		seed();
		TestClock.setCurrentTime(at(NOW));
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	@Test
	void shouldCountEveryFigureOfTheDesk() throws Exception {
		this.mvc.perform(get(DASHBOARD).with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value("2026-11-20T08:00:00Z"))
			.andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
			// open cases by level and age; 3 days and 7 days exactly fall in "3-7 days"
			.andExpect(jsonPath("$.open.total").value(10))
			.andExpect(jsonPath("$.open.byLevel", hasSize(3)))
			.andExpect(jsonPath("$.open.byLevel[0].level").value(1))
			.andExpect(jsonPath("$.open.byLevel[0].underOneDay").value(2))
			.andExpect(jsonPath("$.open.byLevel[0].oneToThreeDays").value(0))
			.andExpect(jsonPath("$.open.byLevel[0].threeToSevenDays").value(2))
			.andExpect(jsonPath("$.open.byLevel[0].overSevenDays").value(1))
			.andExpect(jsonPath("$.open.byLevel[0].total").value(5))
			.andExpect(jsonPath("$.open.byLevel[1].level").value(2))
			.andExpect(jsonPath("$.open.byLevel[1].underOneDay").value(0))
			.andExpect(jsonPath("$.open.byLevel[1].oneToThreeDays").value(1))
			.andExpect(jsonPath("$.open.byLevel[1].threeToSevenDays").value(2))
			.andExpect(jsonPath("$.open.byLevel[1].overSevenDays").value(0))
			.andExpect(jsonPath("$.open.byLevel[2].level").value(3))
			.andExpect(jsonPath("$.open.byLevel[2].underOneDay").value(0))
			.andExpect(jsonPath("$.open.byLevel[2].oneToThreeDays").value(0))
			.andExpect(jsonPath("$.open.byLevel[2].threeToSevenDays").value(1))
			.andExpect(jsonPath("$.open.byLevel[2].overSevenDays").value(1))
			// at risk: deadline from now (due at this very moment) to Monday 16:00, over the weekend
			.andExpect(jsonPath("$.atRisk.count").value(3))
			.andExpect(jsonPath("$.atRisk.dueBy").value("2026-11-23T08:00:00Z"))
			.andExpect(jsonPath("$.atRisk.cases[*].caseNumber").value(
					contains("CMP-20261113-0001", "CMP-20261114-0001", "CMP-20261116-0001")))
			.andExpect(jsonPath("$.atRisk.cases[0].deadline").value("2026-11-20T08:00:00Z"))
			.andExpect(jsonPath("$.atRisk.cases[1].processInstanceId").value("pi-CMP-20261114-0001"))
			.andExpect(jsonPath("$.atRisk.cases[1].level").value(2))
			.andExpect(jsonPath("$.atRisk.cases[1].major").value(true))
			.andExpect(jsonPath("$.atRisk.cases[1].customerName").value("Customer CMP-20261114-0001"))
			.andExpect(jsonPath("$.atRisk.cases[1].receivedAt").value("2026-11-14T04:00:00Z"))
			.andExpect(jsonPath("$.atRisk.cases[1].deadline").value("2026-11-21T04:00:00Z"))
			.andExpect(jsonPath("$.atRisk.cases[2].deadline").value("2026-11-23T07:00:00Z"))
			// overdue: past the 7-day deadline, oldest first
			.andExpect(jsonPath("$.overdue.count").value(2))
			.andExpect(jsonPath("$.overdue.cases[*].caseNumber")
				.value(contains("CMP-20261110-0001", "CMP-20261112-0001")))
			.andExpect(jsonPath("$.overdue.cases[0].processInstanceId").value("pi-CMP-20261110-0001"))
			.andExpect(jsonPath("$.overdue.cases[0].level").value(3))
			.andExpect(jsonPath("$.overdue.cases[0].deadline").value("2026-11-17T03:00:00Z"))
			.andExpect(jsonPath("$.overdue.dueBy").doesNotExist())
			// open major complaints; the closed major one is not listed
			.andExpect(jsonPath("$.major.count").value(2))
			.andExpect(jsonPath("$.major.cases[*].caseNumber")
				.value(contains("CMP-20261110-0001", "CMP-20261114-0001")))
			// callbacks recorded in November in Shanghai, 1 very satisfied ... 5 very dissatisfied
			.andExpect(jsonPath("$.month.month").value("2026-11"))
			.andExpect(jsonPath("$.month.satisfaction", hasSize(5)))
			.andExpect(jsonPath("$.month.satisfaction[*].answer").value(contains(1, 2, 3, 4, 5)))
			.andExpect(jsonPath("$.month.satisfaction[*].count").value(contains(2, 3, 1, 1, 1)))
			.andExpect(jsonPath("$.month.answers").value(8))
			.andExpect(jsonPath("$.month.upgrades").value(3))
			// ISO weeks of the desk, W40 to the current W47
			.andExpect(jsonPath("$.weeks", hasSize(8)))
			.andExpect(jsonPath("$.weeks[*].week").value(contains("2026-W40", "2026-W41",
					"2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47")))
			.andExpect(jsonPath("$.weeks[0].from").value("2026-09-28"))
			.andExpect(jsonPath("$.weeks[7].from").value("2026-11-16"))
			.andExpect(jsonPath("$.weeks[*].registered").value(contains(0, 0, 0, 1, 1, 1, 6, 7)))
			.andExpect(jsonPath("$.weeks[*].closed").value(contains(1, 0, 0, 0, 0, 3, 2, 1)));
	}

	@Test
	void shouldCountFromTheNextWorkingDaysStartAfterHours() throws Exception {
		// Friday 19:00: one working day reaches to Tuesday 09:00; the case due now at 16:00 is overdue
		TestClock.setCurrentTime(at("2026-11-20T19:00:00+08:00"));

		this.mvc.perform(get(DASHBOARD).with(httpBasic("director1", "director1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.atRisk.dueBy").value("2026-11-24T01:00:00Z"))
			.andExpect(jsonPath("$.atRisk.count").value(3))
			.andExpect(jsonPath("$.atRisk.cases[*].caseNumber").value(
					contains("CMP-20261114-0001", "CMP-20261116-0001", "CMP-20261116-0002")))
			.andExpect(jsonPath("$.overdue.count").value(3))
			.andExpect(jsonPath("$.overdue.cases[2].caseNumber").value("CMP-20261113-0001"))
			.andExpect(jsonPath("$.open.byLevel[1].overSevenDays").value(1));
	}

	@Test
	void shouldCountFromTheMovedCloseByAndNeverCallAWaitingCaseOverdue() throws Exception {
		// waiting for the customer since 13 November: 12 days old, but its clocks stand still
		open("CMP-20261108-0001", 1, false, "2026-11-08T10:00");
		this.registry.markPaused("CMP-20261108-0001", at("2026-11-13T10:00").toInstant());
		// resumed: received 9 November, close-by moved to Monday 10:00, within the working day ahead
		open("CMP-20261109-0002", 2, false, "2026-11-09T10:00");
		resumed("CMP-20261109-0002", "2026-11-23T10:00");
		// resumed: would be due Saturday 10:00 (at risk), moved to Thursday 26 November: neither list
		open("CMP-20261115-0001", 1, false, "2026-11-15T10:00");
		resumed("CMP-20261115-0001", "2026-11-26T10:00");
		// resumed and still overdue: moved to Thursday 19 November 10:00
		open("CMP-20261105-0001", 1, false, "2026-11-05T10:00");
		resumed("CMP-20261105-0001", "2026-11-19T10:00");

		this.mvc.perform(get(DASHBOARD).with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.atRisk.count").value(4))
			.andExpect(jsonPath("$.atRisk.cases[*].caseNumber").value(contains("CMP-20261113-0001",
					"CMP-20261114-0001", "CMP-20261109-0002", "CMP-20261116-0001")))
			.andExpect(jsonPath("$.atRisk.cases[2].receivedAt").value("2026-11-09T02:00:00Z"))
			.andExpect(jsonPath("$.atRisk.cases[2].deadline").value("2026-11-23T02:00:00Z"))
			.andExpect(jsonPath("$.overdue.count").value(3))
			.andExpect(jsonPath("$.overdue.cases[*].caseNumber")
				.value(contains("CMP-20261110-0001", "CMP-20261112-0001", "CMP-20261105-0001")))
			.andExpect(jsonPath("$.overdue.cases[2].deadline").value("2026-11-19T02:00:00Z"))
			.andExpect(jsonPath("$.paused.count").value(1))
			.andExpect(jsonPath("$.paused.cases[0].caseNumber").value("CMP-20261108-0001"));

		// a week later every case not waiting is overdue; the waiting one still is not
		TestClock.setCurrentTime(at("2026-11-30T10:00"));
		this.mvc.perform(get(DASHBOARD).with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overdue.count").value(13))
			.andExpect(jsonPath("$.overdue.cases[*].caseNumber").value(not(hasItem("CMP-20261108-0001"))))
			.andExpect(jsonPath("$.atRisk.count").value(0));
	}

	private void resumed(String caseNumber, String closeBy) {
		this.registry.markPaused(caseNumber, at("2026-11-12T10:00").toInstant());
		this.registry.markResumed(caseNumber, at(closeBy).toInstant(), 3600);
	}

	@Test
	void shouldStartANewMonthAndWeekAtMidnightInTheDesksZone() throws Exception {
		// Tuesday 2026-12-01 00:05 in Shanghai is still November in UTC
		TestClock.setCurrentTime(at("2026-12-01T00:05:00+08:00"));

		this.mvc.perform(get(DASHBOARD).with(httpBasic("gm1", "gm1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.month.month").value("2026-12"))
			.andExpect(jsonPath("$.month.answers").value(0))
			.andExpect(jsonPath("$.month.satisfaction[*].count").value(contains(0, 0, 0, 0, 0)))
			.andExpect(jsonPath("$.month.upgrades").value(0))
			.andExpect(jsonPath("$.weeks[0].week").value("2026-W42"))
			.andExpect(jsonPath("$.weeks[7].week").value("2026-W49"))
			.andExpect(jsonPath("$.weeks[*].registered").value(contains(0, 1, 1, 1, 6, 7, 0, 0)))
			.andExpect(jsonPath("$.open.byLevel[0].overSevenDays").value(5));
	}

	@Test
	void shouldShowTheDashboardOnlyToSupervisorsDirectorsTheGeneralManagerAndAdmins() throws Exception {
		for (String user : List.of("super1", "director1", "gm1", ADMIN)) {
			this.mvc.perform(get(DASHBOARD).with(httpBasic(user, user)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.open.total").value(10));
		}
		for (String user : List.of("agent1", "agent2", "clerk1", "legal1")) {
			this.mvc.perform(get(DASHBOARD).with(httpBasic(user, user))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get(DASHBOARD)).andExpect(status().isUnauthorized());
		// the plugin's call: a plain 401, no login prompt of the browser, when the Cockpit session is gone
		this.mvc.perform(get(DASHBOARD).header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("WWW-Authenticate"));
		this.mvc.perform(get(DASHBOARD).with(httpBasic("super1", "wrong"))).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldAcceptTheCockpitSessionAsThePluginCallsIt() throws Exception {
		this.mvc.perform(get(DASHBOARD).session(cockpitSession("super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overdue.count").value(2));
		this.mvc.perform(get(DASHBOARD).session(cockpitSession("agent1"))).andExpect(status().isForbidden());
	}

	/** The plugin loads Chart.js from the webjar by a versioned path: it must be the webjar in the build. */
	@Test
	void shouldServeThePluginItsConfigAndTheChartLibraryItLoads() throws Exception {
		String config = resource("META-INF/resources/webjars/camunda/app/cockpit/scripts/config.js");
		assertThat(config).contains("'scripts/complaint-desk/dashboard'");
		String plugin = resource("META-INF/resources/webjars/camunda/app/cockpit/scripts/complaint-desk/dashboard.js");
		Matcher chartJs = Pattern.compile("'(/webjars/chart\\.js/[^']+\\.js)'").matcher(plugin);
		assertThat(chartJs.find()).as("Chart.js path in the plugin").isTrue();
		assertThat(plugin).contains("'/api/reports/dashboard'")
			.contains("pluginPoint: 'cockpit.dashboard'");

		this.mvc.perform(get(chartJs.group(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chart.js v")));
		this.mvc.perform(get("/camunda/app/cockpit/scripts/complaint-desk/dashboard.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"));
		this.mvc.perform(get("/camunda/app/cockpit/scripts/complaint-desk/dashboard.css")).andExpect(status().isOk());
		this.mvc.perform(get("/camunda/app/cockpit/scripts/config.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("'scripts/complaint-desk/dashboard'")));
	}

	// --- the seeded registry ----------------------------------------------------------------------

	/**
	 * Ten open and seven closed cases; times in Shanghai. Now is Friday 2026-11-20 16:00, the case
	 * deadline 7 days after receipt.
	 */
	private void seed() {
		// open, under 1 day old (6 h, 23 h)
		open("CMP-20261120-0001", 1, false, "2026-11-20T10:00");
		open("CMP-20261119-0001", 1, false, "2026-11-19T17:00");
		// open, 1-3 days; upgraded after a dissatisfied callback this month
		open("CMP-20261118-0001", 2, false, "2026-11-18T12:00");
		round("CMP-20261118-0001", 1, 1, "2026-11-18T12:30", 4, "2026-11-19T09:30");
		round("CMP-20261118-0001", 2, 2, "2026-11-19T09:35", null, null);
		// open, exactly 3 days old
		open("CMP-20261117-0001", 1, false, "2026-11-17T16:00");
		// at risk: due Saturday 12:00 (major), Monday 15:00; not at risk: due Monday 17:00
		open("CMP-20261114-0001", 2, true, "2026-11-14T12:00");
		open("CMP-20261116-0001", 3, false, "2026-11-16T15:00");
		open("CMP-20261116-0002", 1, false, "2026-11-16T17:00");
		// overdue; the customer could not be reached at the callback (no answer)
		open("CMP-20261112-0001", 1, false, "2026-11-12T09:00");
		round("CMP-20261112-0001", 1, 1, "2026-11-12T10:00", null, "2026-11-18T10:00");
		open("CMP-20261110-0001", 3, true, "2026-11-10T11:00");
		// due exactly now: at risk, not yet overdue; exactly 7 days old
		open("CMP-20261113-0001", 2, false, "2026-11-13T16:00");

		closed("CMP-20261102-0001", 1, false, "2026-11-02T10:00", "2026-11-05T15:00");
		round("CMP-20261102-0001", 1, 1, "2026-11-02T11:00", 2, "2026-11-04T11:00");
		// received Monday 00:30 in Shanghai (Sunday in UTC): week 47; a closed major complaint
		closed("CMP-20261116-0003", 2, true, "2026-11-16T00:30", "2026-11-19T17:00");
		round("CMP-20261116-0003", 1, 1, "2026-11-16T01:00", 5, "2026-11-17T10:00");
		round("CMP-20261116-0003", 2, 2, "2026-11-17T10:05", 1, "2026-11-19T16:00");
		// received in week 39, closed Monday 00:30 of week 40 in Shanghai (Sunday in UTC)
		closed("CMP-20260927-0001", 1, false, "2026-09-27T10:00", "2026-09-28T00:30");
		// upgraded and called back just after midnight on 1 November in Shanghai (still 31 October in UTC)
		closed("CMP-20261028-0001", 2, false, "2026-10-28T10:00", "2026-11-02T10:00");
		round("CMP-20261028-0001", 1, 1, "2026-10-28T11:00", 4, "2026-10-31T22:00");
		round("CMP-20261028-0001", 2, 2, "2026-11-01T00:10", 3, "2026-11-01T00:30");
		closed("CMP-20261109-0001", 1, false, "2026-11-09T10:00", "2026-11-13T10:00");
		round("CMP-20261109-0001", 1, 1, "2026-11-09T11:00", 2, "2026-11-12T10:00");
		closed("CMP-20261110-0002", 1, false, "2026-11-10T09:00", "2026-11-11T11:00");
		round("CMP-20261110-0002", 1, 1, "2026-11-10T09:30", 1, "2026-11-11T10:00");
		// upgraded ten minutes before midnight on 31 October in Shanghai: not this month's
		closed("CMP-20261020-0001", 2, false, "2026-10-20T10:00", "2026-11-03T10:00");
		round("CMP-20261020-0001", 1, 1, "2026-10-20T11:00", 5, "2026-10-30T10:00");
		round("CMP-20261020-0001", 2, 2, "2026-10-31T23:50", 2, "2026-11-02T10:00");
	}

	private void open(String caseNumber, int level, boolean major, String receivedAt) {
		this.registry.register(RegistryRows.row(caseNumber, "pi-" + caseNumber, at(receivedAt).toInstant(), "agent1",
				Channel.PHONE, ComplainantType.CONSUMER, Category.PRODUCT_QUALITY, null, "Customer " + caseNumber,
				"13900000000", "Kettle stopped heating", Demand.REPAIR, null, null, null, null, null, level, major));
	}

	private void closed(String caseNumber, int level, boolean major, String receivedAt, String closedAt) {
		open(caseNumber, level, major, receivedAt);
		this.registry.close(caseNumber, "clerk1", at(closedAt).toInstant());
	}

	private void round(String caseNumber, int round, int level, String startedAt, Integer satisfaction,
			String calledBackAt) {
		this.registry.startRound(caseNumber, round, level, false, new Routing("agents", "supervisors", "agents"),
				at(startedAt).toInstant());
		if (calledBackAt != null) {
			this.registry.recordCallbackAttempt(caseNumber, round,
					new CallbackAnswer(satisfaction != null, satisfaction, null, null), "agent2",
					at(calledBackAt).toInstant());
		}
	}

	/** A time in Shanghai ({@code 2026-11-20T10:00}) or with its offset. */
	static Date at(String time) {
		String text = time.matches(".*[+-]\\d\\d:\\d\\d$") ? time : time + ":00+08:00";
		return Date.from(OffsetDateTime.parse(text).toInstant());
	}

	private MockHttpSession cockpitSession(String user) {
		MockHttpSession session = new MockHttpSession();
		Authentications authentications = new Authentications();
		authentications.addOrReplace(new UserAuthentication(user, this.engine.getName()));
		AuthenticationUtil.updateSession(session, authentications);
		return session;
	}

	private static String resource(String path) throws Exception {
		return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
	}

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

}
