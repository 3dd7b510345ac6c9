package io.complaintdesk.report;

import io.complaintdesk.TestClock;
import static io.complaintdesk.report.ReportSeed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import org.springframework.test.web.servlet.MvcResult;

import io.complaintdesk.TestUsers;
import io.complaintdesk.base.Groups;

/**
 * {@code /api/reports/weekly} and {@code /api/reports/monthly} with the Camunda users over HTTP
 * Basic: the live figures as JSON and as CSV line by line, a released report in place of the live
 * one, 403 for agents and brand/legal, 400 field errors for a bad or missing period.
 * <p>
 * The test database is shared with other test classes: the reports cover weeks of November 2025,
 * long before any other test's complaints, and the rows of these tests are cleared before each.
 * 2025 has no holiday list, so its working days are Monday to Friday.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ReportApiTests {

	private static final String ADMIN = "reportadmin";

	private static final String P = "CMP-20251117-9001";

	private static final String Q = "CMP-20251119-9002";

	private static final String R = "CMP-20251125-9003";

	private static final String S = "CMP-20251126-9004";

	@Autowired
	MockMvc mvc;

	@Autowired
	Reports reports;

	@Autowired
	ReportStore store;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	ReportSeed seed;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		createAdmin();
		this.seed = new ReportSeed(this.jdbc);
		this.seed.delete(P, Q, R, S);
		this.jdbc.update("DELETE FROM complaint_report WHERE period_label IN ('2025-W47', '2025-W48', '2025-11')");
		seedWeek47();
		TestClock.setCurrentTime(Date.from(at("2025-12-01 10:00")));
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	@Test
	void shouldShowTheLiveWeekAsJson() throws Exception {
		this.mvc.perform(get("/api/reports/weekly").param("week", "2025-W47").with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.released").value(false))
			.andExpect(jsonPath("$.releasedAt").doesNotExist())
			.andExpect(jsonPath("$.releasedBy").doesNotExist())
			.andExpect(jsonPath("$.report").doesNotExist())
			.andExpect(jsonPath("$.period.kind").value("WEEKLY"))
			.andExpect(jsonPath("$.period.label").value("2025-W47"))
			.andExpect(jsonPath("$.period.from").value("2025-11-16T16:00:00Z"))
			.andExpect(jsonPath("$.period.to").value("2025-11-23T16:00:00Z"))
			.andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
			.andExpect(jsonPath("$.computedAt").value("2025-12-01T02:00:00Z"))
			.andExpect(jsonPath("$.registered.total").value(2))
			.andExpect(jsonPath("$.registered.major").value(1))
			.andExpect(jsonPath("$.registered.byLevel['1']").value(1))
			.andExpect(jsonPath("$.registered.byLevel['2']").value(1))
			.andExpect(jsonPath("$.registered.byLevel['3']").value(0))
			.andExpect(jsonPath("$.registered.byChannel.ONLINE").value(1))
			.andExpect(jsonPath("$.registered.byCategory.SERVICE_ATTITUDE").value(1))
			.andExpect(jsonPath("$.registered.byComplainantType.FRANCHISEE").value(1))
			.andExpect(jsonPath("$.cases.opened").value(2))
			.andExpect(jsonPath("$.cases.closed").value(1))
			.andExpect(jsonPath("$.cases.openAtEnd").value(1))
			.andExpect(jsonPath("$.overdue.total").value(0))
			.andExpect(jsonPath("$.breachesByRule.LATE_FIRST_CONTACT").value(1))
			.andExpect(jsonPath("$.firstContact.cases").value(2))
			.andExpect(jsonPath("$.firstContact.medianWorkingDays").value(0.75))
			.andExpect(jsonPath("$.firstContact.p90WorkingDays").value(0.95))
			.andExpect(jsonPath("$.wholeCase.medianWorkingDays").value(2.0))
			.andExpect(jsonPath("$.satisfaction.answers").value(1))
			.andExpect(jsonPath("$.satisfaction.distribution['2']").value(1))
			.andExpect(jsonPath("$.satisfaction.average").value(2.0))
			.andExpect(jsonPath("$.callbacks.due").value(2))
			.andExpect(jsonPath("$.callbacks.reached").value(1))
			.andExpect(jsonPath("$.callbacks.ratePercent").value(50.0))
			.andExpect(jsonPath("$.upgrades.total").value(0))
			.andExpect(jsonPath("$.outcomes.RESOLVED").value(1))
			.andExpect(jsonPath("$.penalties.entries").value(1))
			.andExpect(jsonPath("$.penalties.amount").value(30.0))
			.andExpect(jsonPath("$.staffRatings", hasSize(1)))
			.andExpect(jsonPath("$.staffRatings[0].handler").value("agent1"))
			.andExpect(jsonPath("$.staffRatings[0].ratings.attitude.VERY_SATISFIED").value(1))
			.andExpect(jsonPath("$.staffRatings[0].ratings.promises.POOR").value(1));
	}

	@Test
	void shouldShowTheLiveWeekAsCsvWithEnglishColumnsForMachines() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/api/reports/weekly").param("week", "2025-W47")
				.param("lang", "en")
				.accept("text/csv")
				.with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=complaints-2025-W47.csv"))
			.andReturn();

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(String.join("\r\n",
				"section,key,value", "report,kind,WEEKLY", "report,period,2025-W47", "report,from,2025-11-16T16:00:00Z",
				"report,to,2025-11-23T16:00:00Z", "report,zone,Asia/Shanghai", "report,computedAt,2025-12-01T02:00:00Z",
				"registered,total,2", "registered,major,1", "registered,level.1,1", "registered,level.2,1",
				"registered,level.3,0", "registered,channel.PHONE,1", "registered,channel.SMS,0",
				"registered,channel.LETTER,0", "registered,channel.FAX,0", "registered,channel.ONLINE,1",
				"registered,channel.WALK_IN,0", "registered,channel.REGULATOR,0", "registered,channel.MANUFACTURER,0",
				"registered,channel.MEDIA,0", "registered,category.PRODUCT_QUALITY,0", "registered,category.DELIVERY,1",
				"registered,category.SERVICE_ATTITUDE,1", "registered,category.SERVICE_QUALITY,0",
				"registered,category.POLICY,0", "registered,category.DEPARTMENT_INACTION,0",
				"registered,category.ORDER_MISMATCH,0", "registered,category.OTHER,0",
				"registered,complainantType.CONSUMER,1", "registered,complainantType.FRANCHISEE,1",
				"registered,complainantType.DISTRIBUTOR,0", "registered,complainantType.INSTITUTION,0", "cases,opened,2",
				"cases,closed,1", "cases,openAtEnd,1", "overdue,openAtEnd,0", "overdue,closedLate,0", "overdue,total,0",
				"breaches,LATE_FIRST_CONTACT,1", "breaches,RULE_BREACH,0", "breaches,MISSED_CALLBACK,0",
				"breaches,FALSIFIED_CALLBACK,0", "firstContact,cases,2", "firstContact,medianWorkingDays,0.75",
				"firstContact,p90WorkingDays,0.95", "wholeCase,cases,1", "wholeCase,medianWorkingDays,2.00",
				"wholeCase,p90WorkingDays,2.00", "satisfaction,answers,1", "satisfaction,answer.1,0",
				"satisfaction,answer.2,1", "satisfaction,answer.3,0", "satisfaction,answer.4,0",
				"satisfaction,answer.5,0", "satisfaction,average,2.00", "callbacks,due,2", "callbacks,reached,1",
				"callbacks,ratePercent,50.0", "upgrades,total,0", "outcomes,RESOLVED,1", "outcomes,NOT_SUBSTANTIATED,0",
				"outcomes,UNREACHABLE,0", "outcomes,GM_DECIDED,0", "penalties,entries,1", "penalties,amount,30.00",
				"pauses,ended,0", "pauses,workingHours,0.0", "staffRatings,agent1.attitude.VERY_SATISFIED,1", "staffRatings,agent1.attitude.SATISFIED,0",
				"staffRatings,agent1.attitude.FAIR,0", "staffRatings,agent1.attitude.POOR,0",
				"staffRatings,agent1.skill.VERY_SATISFIED,0", "staffRatings,agent1.skill.SATISFIED,1",
				"staffRatings,agent1.skill.FAIR,0", "staffRatings,agent1.skill.POOR,0",
				"staffRatings,agent1.arrival.VERY_SATISFIED,0", "staffRatings,agent1.arrival.SATISFIED,0",
				"staffRatings,agent1.arrival.FAIR,1", "staffRatings,agent1.arrival.POOR,0",
				"staffRatings,agent1.promises.VERY_SATISFIED,0", "staffRatings,agent1.promises.SATISFIED,0",
				"staffRatings,agent1.promises.FAIR,0", "staffRatings,agent1.promises.POOR,1", ""));
	}

	@Test
	void shouldShowTheLiveWeekAsCsvInChineseByDefault() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/api/reports/weekly").param("week", "2025-W47")
				.accept("text/csv")
				.with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=complaints-2025-W47.csv"))
			.andReturn();

		String csv = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		// the byte-order mark: spreadsheet programs then read the Chinese as UTF-8
		assertThat(csv).startsWith("\uFEFF" + String.join("\r\n", "分类,项目,数值", "报表,报表类型,投诉周报",
				"报表,统计期间,2025-W47", "报表,起始时间（UTC）,2025-11-16T16:00:00Z", "报表,截止时间（UTC）,2025-11-23T16:00:00Z",
				"报表,时区,Asia/Shanghai", "报表,统计时间（UTC）,2025-12-01T02:00:00Z", "登记,合计,2", "登记,重大投诉,1",
				"登记,级别：一级,1", "登记,级别：二级,1", "登记,级别：三级,0", "登记,渠道：电话,1", ""))
			.contains("\r\n登记,类别：交货/配送,1\r\n", "\r\n登记,投诉人类型：加盟商（经销商）,1\r\n",
					"\r\n违规,首次联系逾期,1\r\n", "\r\n首次联系,中位数（工作日）,0.75\r\n",
					"\r\n满意度,满意度：2 满意,1\r\n", "\r\n回访,回访率（%）,50.0\r\n", "\r\n结案结果,已解决,1\r\n",
					"\r\n负激励,金额,30.00\r\n", "\r\n员工评价,agent1：服务态度：非常满意,1\r\n",
					"\r\n员工评价,agent1：履行承诺：差,1\r\n")
			.doesNotContain("section", "registered", "PHONE", "VERY_SATISFIED");
		// as many rows as the English one: the same figures, only the words differ
		MvcResult english = this.mvc
			.perform(get("/api/reports/weekly").param("week", "2025-W47")
				.header("Accept-Language", "en-US,en;q=0.9")
				.accept("text/csv")
				.with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andReturn();
		String englishCsv = english.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(englishCsv).startsWith("section,key,value\r\n");
		assertThat(csv.lines()).hasSameSizeAs(englishCsv.lines().toList());
		// lang decides over Accept-Language
		MvcResult chinese = this.mvc
			.perform(get("/api/reports/weekly").param("week", "2025-W47")
				.param("lang", "zh")
				.header("Accept-Language", "en")
				.accept("text/csv")
				.with(httpBasic("super1", "super1")))
			.andReturn();
		assertThat(chinese.getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith("\uFEFF分类,项目,数值\r\n");
	}

	@Test
	void shouldShowTheReleasedReportInsteadOfTheLiveFigures() throws Exception {
		// week 48 (24 to 30 November 2025): released with one case, a second one registered after
		this.seed.complaint(R, "2025-11-25 10:00").insert();
		TestClock.setCurrentTime(Date.from(at("2025-12-01 09:00")));
		this.store.release(this.reports.compute(this.reports.week("2025-W48")), "clerk1");
		this.seed.complaint(S, "2025-11-26 10:00").from("WALK_IN", "DELIVERY", "CONSUMER").insert();
		TestClock.setCurrentTime(Date.from(at("2025-12-02 10:00")));

		this.mvc.perform(get("/api/reports/weekly").param("week", "2025-W48").with(httpBasic("gm1", "gm1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.released").value(true))
			.andExpect(jsonPath("$.releasedAt").value("2025-12-01T01:00:00Z"))
			.andExpect(jsonPath("$.releasedBy").value("clerk1"))
			.andExpect(jsonPath("$.computedAt").value("2025-12-01T01:00:00Z"))
			.andExpect(jsonPath("$.period.label").value("2025-W48"))
			.andExpect(jsonPath("$.registered.total").value(1))
			.andExpect(jsonPath("$.registered.byChannel.WALK_IN").value(0));
		MvcResult csv = this.mvc
			.perform(get("/api/reports/weekly").param("week", "2025-W48")
				.param("lang", "en")
				.accept("text/csv")
				.with(httpBasic("director1", "director1")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains(String.join("\r\n",
				"report,computedAt,2025-12-01T01:00:00Z", "report,released,true",
				"report,releasedAt,2025-12-01T01:00:00Z", "report,releasedBy,clerk1", "registered,total,1", ""));

		// the month is not released: live, with both cases of week 48 and both of week 47
		this.mvc.perform(get("/api/reports/monthly").param("month", "2025-11").with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.released").value(false))
			.andExpect(jsonPath("$.period.kind").value("MONTHLY"))
			.andExpect(jsonPath("$.period.from").value("2025-10-31T16:00:00Z"))
			.andExpect(jsonPath("$.computedAt").value("2025-12-02T02:00:00Z"))
			.andExpect(jsonPath("$.registered.total").value(4))
			.andExpect(jsonPath("$.registered.byChannel.WALK_IN").value(1));
	}

	@Test
	void shouldShowTheMonthAsCsv() throws Exception {
		MvcResult result = this.mvc
			.perform(get("/api/reports/monthly").param("month", "2025-11")
				.header("Accept-Language", "en")
				.accept("text/csv")
				.with(httpBasic(ADMIN, ADMIN)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=complaints-2025-11.csv"))
			.andReturn();

		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.startsWith("section,key,value\r\nreport,kind,MONTHLY\r\nreport,period,2025-11\r\n")
			.contains("\r\nregistered,total,2\r\n", "\r\ncallbacks,ratePercent,50.0\r\n");
	}

	@Test
	void shouldLetOnlySupervisorsDirectorsTheGmClerksAndAdminsRead() throws Exception {
		for (String user : List.of("super1", "director1", "gm1", "clerk1", ADMIN)) {
			this.mvc.perform(get("/api/reports/weekly").param("week", "2025-W47").with(httpBasic(user, user)))
				.andExpect(status().isOk());
		}
		for (String user : List.of("agent1", "agent2", "legal1")) {
			this.mvc.perform(get("/api/reports/weekly").param("week", "2025-W47").with(httpBasic(user, user)))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/api/reports/monthly").param("month", "2025-11").with(httpBasic(user, user)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(get("/api/reports/weekly").param("week", "2025-W47")
					.accept("text/csv")
					.with(httpBasic(user, user)))
				.andExpect(status().isForbidden());
			// refused before the parameter is looked at
			this.mvc.perform(get("/api/reports/weekly").param("week", "2026-47").with(httpBasic(user, user)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/api/reports/weekly").param("week", "2025-W47")).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldRefuseABadOrMissingPeriodWithAFieldError() throws Exception {
		this.mvc.perform(get("/api/reports/weekly").param("week", "2026-47").with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("week"))
			.andExpect(jsonPath("$.errors[0].message").value("须为 ISO 周，格式为 YYYY-Www，如 2026-W47"));
		this.mvc.perform(get("/api/reports/weekly").param("week", "2025-W53").with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("week"))
			.andExpect(jsonPath("$.errors[0].message").value("须为存在的 ISO 周：2025 年只有第 01 至 52 周"));
		this.mvc.perform(get("/api/reports/weekly").with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("week"))
			.andExpect(jsonPath("$.errors[0].message").value("必填，格式为 YYYY-Www（如 2026-W47）"));
		this.mvc.perform(get("/api/reports/monthly").param("month", "2025-13").with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"))
			.andExpect(jsonPath("$.errors[0].message").value("须为月份，格式为 YYYY-MM（如 2026-11）"));
		this.mvc
			.perform(get("/api/reports/monthly").param("month", "2025-13")
				.header("Accept-Language", "en")
				.with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be a month as YYYY-MM"));
		this.mvc.perform(get("/api/reports/monthly").with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("month"));
		// a CSV client gets the problem as JSON
		this.mvc
			.perform(get("/api/reports/weekly").param("week", "2026-47")
				.accept("text/csv")
				.with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("week"));
	}

	/**
	 * Week 47 of 2025 (17 to 23 November): P received Monday 10:00 by phone, first contact 14:30
	 * (0.5 working days), closed Wednesday 10:00 (2 working days), resolved after a callback
	 * answered 2 with agent1's ratings; Q, major, received Wednesday 09:00 by a franchisee online,
	 * first contact Thursday 09:00 (1 working day), handled and approved, not called back yet, a
	 * late first contact in the ledger.
	 */
	private void seedWeek47() {
		this.seed.complaint(P, "2025-11-17 10:00")
			.verified("2025-11-17 14:30")
			.closed("2025-11-19 10:00", "RESOLVED")
			.insert();
		this.seed.round(P, 1, "2025-11-17 15:00")
			.handled("agent1", "2025-11-18 10:00", true)
			.reached("2025-11-18 15:00", 2)
			.rated("VERY_SATISFIED", "SATISFIED", "FAIR", "POOR")
			.insert();
		this.seed.complaint(Q, "2025-11-19 09:00")
			.level(2)
			.major()
			.from("ONLINE", "SERVICE_ATTITUDE", "FRANCHISEE")
			.verified("2025-11-20 09:00")
			.insert();
		this.seed.round(Q, 1, "2025-11-20 10:00").level(2).handled("super1", "2025-11-20 17:00", true).insert();
		this.seed.penalty(Q, "agent2", "LATE_FIRST_CONTACT", "30", "2025-11-20 09:00", false);
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

}
