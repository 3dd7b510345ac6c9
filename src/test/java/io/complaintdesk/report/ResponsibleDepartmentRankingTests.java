package io.complaintdesk.report;

import static io.complaintdesk.report.ReportSeed.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestClock;
import io.complaintdesk.base.Messages;
import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintStatistics;
import io.complaintdesk.engine.EngineConfiguration;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.penalty.PenaltyProperties;
import io.complaintdesk.report.ComplaintReport.DepartmentRank;

/**
 * POLICY §7 考核相关部门和责任者, issue 14 item 11: the monthly statistics rank the responsible
 * departments the investigation reports named, by cases, in JSON and CSV. November 2026:
 * <pre>
 * N1, N2, N3  handled in November, 物流部 (N3 in two rounds: counted once)
 * N4, N5      handled in November, 门店 SH-01
 * N6          handled in November, 品质部
 * N7          handled in October, 物流部: not this month
 * N8          handled in November, no department named: not ranked
 * </pre>
 */
@JdbcTest
@ActiveProfiles("test")
@Import({ EngineConfiguration.class, ComplaintStatistics.class, PenaltyLedger.class, ComplaintRegistry.class,
		Reports.class, WorkingCalendar.class, io.complaintdesk.complaint.casefile.PausedTime.class })
@EnableConfigurationProperties({ PenaltyProperties.class, ComplaintDeskProperties.class, CalendarProperties.class })
class ResponsibleDepartmentRankingTests {

	@Autowired
	Reports reports;

	@Autowired
	JdbcTemplate jdbc;

	ReportSeed seed;

	@BeforeEach
	void setUp() {
		this.seed = new ReportSeed(this.jdbc);
		TestClock.setCurrentTime(Date.from(at("2026-12-01 09:00")));
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	private void handledCase(String caseNumber, int rounds, String handledAt, String department) {
		this.seed.complaint(caseNumber, "2026-10-20 10:00").insert();
		for (int round = 1; round <= rounds; round++) {
			this.seed.round(caseNumber, round, "2026-10-20 11:00").handled("agent1", handledAt, true).insert();
			this.jdbc.update("UPDATE complaint_round SET responsible_department = ? WHERE case_number = ? AND round_no = ?",
					department, caseNumber, round);
		}
	}

	@Test
	void shouldRankTheResponsibleDepartmentsOfTheMonthByTheirCases() {
		handledCase("CMP-20261020-0001", 1, "2026-11-02 10:00", "物流部");
		handledCase("CMP-20261020-0002", 1, "2026-11-10 10:00", "物流部");
		handledCase("CMP-20261020-0003", 2, "2026-11-30 23:59", "物流部");
		handledCase("CMP-20261020-0004", 1, "2026-11-11 10:00", "门店 SH-01");
		handledCase("CMP-20261020-0005", 1, "2026-11-12 10:00", "门店 SH-01");
		handledCase("CMP-20261020-0006", 1, "2026-11-13 10:00", "品质部");
		handledCase("CMP-20261020-0007", 1, "2026-10-31 23:59", "物流部");
		handledCase("CMP-20261020-0008", 1, "2026-11-14 10:00", null);

		ComplaintReport report = this.reports.compute(this.reports.month("2026-11"));

		assertThat(report.responsibleDepartments()).containsExactly(new DepartmentRank(1, "物流部", 3),
				new DepartmentRank(2, "门店 SH-01", 2), new DepartmentRank(3, "品质部", 1));
		String chinese = this.reports.csv(report, Messages.CHINESE);
		assertThat(chinese).contains("\r\n责任部门排名,第 1 名：物流部,3\r\n责任部门排名,第 2 名：门店 SH-01,2\r\n"
				+ "责任部门排名,第 3 名：品质部,1\r\n");
		assertThat(this.reports.csv(report, Messages.ENGLISH)).contains("\r\nresponsibleDepartments,1.物流部,3\r\n");
	}

	@Test
	void shouldLetDepartmentsWithEqualCasesShareTheirPlace() {
		handledCase("CMP-20261020-0011", 1, "2026-11-02 10:00", "财务部");
		handledCase("CMP-20261020-0012", 1, "2026-11-03 10:00", "品质部");
		handledCase("CMP-20261020-0013", 1, "2026-11-04 10:00", "品质部");
		handledCase("CMP-20261020-0014", 1, "2026-11-05 10:00", "物流部");

		assertThat(this.reports.compute(this.reports.month("2026-11")).responsibleDepartments()).containsExactly(
				new DepartmentRank(1, "品质部", 2), new DepartmentRank(2, "物流部", 1), new DepartmentRank(2, "财务部", 1));
	}

	@Test
	void shouldRankNobodyInAMonthWithoutInvestigationReports() {
		assertThat(this.reports.compute(this.reports.month("2026-11")).responsibleDepartments()).isEmpty();
	}

}
