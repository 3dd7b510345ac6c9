package io.complaintdesk.report;

import io.complaintdesk.base.Messages;
import io.complaintdesk.penalty.PenaltyProperties;
import io.complaintdesk.engine.EngineConfiguration;
import io.complaintdesk.complaint.ComplaintStatistics;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.TestClock;
import static io.complaintdesk.report.ReportSeed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.report.ComplaintReport.HandlerRatings;

/**
 * The report figures on their own database (Flyway's migrations, no engine), each test in a
 * transaction that rolls back: a week of November 2026 seeded case by case with Shanghai times and
 * counted by hand, an empty week, the month boundary in the desk's zone, and the working-day
 * percentiles on small known sets.
 * <p>
 * The week 2026-W47 runs from Monday 16 to Sunday 22 November 2026 (no holidays). The cases, by
 * the figures they feed:
 * <pre>
 * A  received Mon 16 10:00, verified 14:30 (0.5 wd), closed Wed 18 10:00 (2 wd) RESOLVED; round 1 by agent1
 *    handled Tue 17, approved, reached Tue 17 16:00: answer 2, rated very satisfied/satisfied/satisfied/very satisfied
 * B  received Tue 17 09:00, major, level 3 now; verified Wed 18 09:00 (1 wd), open; round 1 by super1 handled
 *    Wed 18, approved, reached Thu 19: answer 5, rated poor/fair/-/poor; round 2 started Thu 19 (upgrade)
 * C  received Fri 20 17:00 by a franchisee, verified Mon 23 (next week), open
 * D  received Thu 5 Nov, closed Mon 16 11:00 (64 h = 7.11 wd, past its deadline of 12 Nov) UNREACHABLE;
 *    its round was handled 6 Nov, its last unanswered callback on Mon 16
 * E  received Mon 2 Nov, open (overdue); round 1 by agent1 handled Fri 20, approved, not called back yet
 * F  received Sat 21 10:00 by SMS, not substantiated at 11:00 (0 wd, a Saturday), closed 12:00 (0 wd)
 * G  received Mon 23 00:10: next week
 * H  received Sun 15 23:50 and closed 23:55: last week
 * I  received Wed 18 10:00, verified 11:00 (1 h = 0.11 wd), open; round 1 handled Thu 19, review pending
 * J  received Sun 1 Nov, level 3 now, open (overdue); rounds 1 and 2 answered 4 and 5 before the week,
 *    round 3 started Fri 20 (upgrade)
 * K  received Tue 10 Nov, closed Mon 16 15:00 (41 h = 4.56 wd) RESOLVED; round 1 by agent1 handled 12 Nov,
 *    reached Mon 16 09:30: answer 3, rated very satisfied/poor/satisfied/-
 * </pre>
 */
@JdbcTest
@ActiveProfiles("test")
@Import({ EngineConfiguration.class, ComplaintStatistics.class, PenaltyLedger.class, ComplaintRegistry.class, Reports.class, WorkingCalendar.class,
		io.complaintdesk.complaint.casefile.PausedTime.class })
@EnableConfigurationProperties({ PenaltyProperties.class, ComplaintDeskProperties.class, CalendarProperties.class })
class ReportFiguresTests {

	@Autowired
	Reports reports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	CalendarProperties calendarProperties;

	ReportSeed seed;

	@BeforeEach
	void setUp() {
		this.seed = new ReportSeed(this.jdbc);
		TestClock.setCurrentTime(Date.from(at("2026-11-23 09:00")));
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void shouldCountRegistrationsOfTheWeekByLevelChannelCategoryAndComplainant() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		assertThat(report.period()).isEqualTo(new ReportPeriod(ReportPeriod.Kind.WEEKLY, "2026-W47",
				at("2026-11-16 00:00"), at("2026-11-23 00:00")));
		assertThat(report.zone()).isEqualTo("Asia/Shanghai");
		assertThat(report.computedAt()).isEqualTo(at("2026-11-23 09:00"));
		// A, B, C, F, I; not H (Sunday before) nor G (Monday after)
		assertThat(report.registered().total()).isEqualTo(5);
		assertThat(report.registered().major()).isEqualTo(1);
		assertThat(report.registered().byLevel()).containsExactly(entry("1", 4L), entry("2", 0L), entry("3", 1L));
		assertThat(report.registered().byChannel()).containsExactly(entry("PHONE", 3L), entry("SMS", 1L),
				entry("LETTER", 0L), entry("FAX", 0L), entry("ONLINE", 1L), entry("WALK_IN", 0L),
				entry("REGULATOR", 0L), entry("MANUFACTURER", 0L), entry("MEDIA", 0L));
		assertThat(report.registered().byCategory()).containsExactly(entry("PRODUCT_QUALITY", 1L),
				entry("DELIVERY", 2L), entry("SERVICE_ATTITUDE", 1L), entry("SERVICE_QUALITY", 0L), entry("POLICY", 0L),
				entry("DEPARTMENT_INACTION", 0L), entry("ORDER_MISMATCH", 0L), entry("OTHER", 1L));
		assertThat(report.registered().byComplainantType()).containsExactly(entry("CONSUMER", 4L),
				entry("FRANCHISEE", 1L), entry("DISTRIBUTOR", 0L), entry("INSTITUTION", 0L));
	}

	@Test
	void shouldCountOpenedClosedOpenAndOverdueCases() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		// closed: A, D, F, K (H closed the Sunday before); open at the end: B, C, E, I, J
		assertThat(report.cases()).isEqualTo(new ComplaintReport.Cases(5, 4, 5));
		// open past received + 7 days at the end: E, J; closed after it: D (K closed a day early)
		assertThat(report.overdue()).isEqualTo(new ComplaintReport.Overdue(2, 1, 3));
		// A and K resolved, F not substantiated, D unreachable
		assertThat(report.outcomes()).containsExactly(entry("RESOLVED", 2L), entry("NOT_SUBSTANTIATED", 1L),
				entry("UNREACHABLE", 1L), entry("GM_DECIDED", 0L));
	}

	@Test
	void shouldCountThePausesThatEndedInThePeriodWithTheirWorkingHours() {
		String insert = "INSERT INTO case_pause (case_number, reason, paused_by, paused_at, resumed_by, resumed_at, working_seconds)"
				+ " VALUES (?, '等发票', 'agent1', ?, ?, ?, ?)";
		// ended Wednesday of week 47 after 2 working hours; ended the Friday before; still paused
		this.jdbc.update(insert, "CMP-20261116-9001", java.sql.Timestamp.from(java.time.Instant.parse("2026-11-17T02:00:00Z")),
				"agent1", java.sql.Timestamp.from(java.time.Instant.parse("2026-11-18T03:00:00Z")), 2 * 3600 + 1800);
		this.jdbc.update(insert, "CMP-20261110-9002", java.sql.Timestamp.from(java.time.Instant.parse("2026-11-10T02:00:00Z")),
				"agent1", java.sql.Timestamp.from(java.time.Instant.parse("2026-11-13T03:00:00Z")), 9 * 3600);
		this.jdbc.update(insert, "CMP-20261116-9003", java.sql.Timestamp.from(java.time.Instant.parse("2026-11-19T02:00:00Z")),
				null, null, null);

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		assertThat(report.pauses()).isEqualTo(new ComplaintReport.Pauses(1, new BigDecimal("2.5")));
		assertThat(this.reports.csv(report, Messages.ENGLISH)).contains("\r\npauses,ended,1\r\npauses,workingHours,2.5\r\n");
		assertThat(this.reports.csv(report, Messages.CHINESE))
			.contains("\r\n等待客户（暂停计时）,结束的暂停次数,1\r\n等待客户（暂停计时）,暂停的工作小时,2.5\r\n");
	}

	@Test
	void shouldCountBreachesAndPenaltiesRecordedInTheWeekButNotVoidedOnes() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		assertThat(report.breachesByRule()).containsExactly(entry("LATE_FIRST_CONTACT", 1L), entry("RULE_BREACH", 0L),
				entry("MISSED_CALLBACK", 1L), entry("FALSIFIED_CALLBACK", 0L));
		assertThat(report.penalties()).isEqualTo(new ComplaintReport.Penalties(2, new BigDecimal("80.00")));
	}

	@Test
	void shouldMeasureFirstContactAndWholeCaseInWorkingDays() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		// verified in the week: F 0, I 1/9, A 0.5, B 1 -> median (1/9 + 0.5) / 2, p90 0.5 + 0.7 * 0.5
		assertThat(report.firstContact())
			.isEqualTo(new ComplaintReport.Durations(4, new BigDecimal("0.31"), new BigDecimal("0.85")));
		// closed in the week: F 0, A 2, K 41/9, D 64/9 -> median (2 + 41/9) / 2, p90 41/9 + 0.7 * 23/9
		assertThat(report.wholeCase())
			.isEqualTo(new ComplaintReport.Durations(4, new BigDecimal("3.28"), new BigDecimal("6.34")));
	}

	@Test
	void shouldDistributeTheLastAnswersOfTheWeeksCallbacks() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		// A 2, B 5, K 3; D not reached; J's answers came before the week
		assertThat(report.satisfaction().answers()).isEqualTo(3);
		assertThat(report.satisfaction().distribution()).containsExactly(entry("1", 0L), entry("2", 1L),
				entry("3", 1L), entry("4", 0L), entry("5", 1L));
		assertThat(report.satisfaction().average()).isEqualByComparingTo("3.33");
	}

	@Test
	void shouldRateCallbacksOfTheRoundsHandledInTheWeek() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		// handled and approved in the week: A, B (both reached), E (not called back yet); I's review is pending
		assertThat(report.callbacks()).isEqualTo(new ComplaintReport.Callbacks(3, 2, new BigDecimal("66.7")));
	}

	@Test
	void shouldCountUpgradesByRound() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		// B's round 2 and J's round 3 started in the week; J's round 2 before it
		assertThat(report.upgrades().total()).isEqualTo(2);
		assertThat(report.upgrades().byRound()).containsExactly(entry("2", 1L), entry("3", 1L));
	}

	@Test
	void shouldCountStaffRatingsPerHandler() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		assertThat(report.staffRatings()).extracting(HandlerRatings::handler).containsExactly("agent1", "super1");
		Map<String, Map<String, Long>> agent1 = report.staffRatings().get(0).ratings();
		assertThat(agent1).containsOnlyKeys("attitude", "skill", "arrival", "promises");
		// A and K
		assertThat(agent1.get("attitude")).containsExactly(entry("VERY_SATISFIED", 2L), entry("SATISFIED", 0L),
				entry("FAIR", 0L), entry("POOR", 0L));
		assertThat(agent1.get("skill")).containsExactly(entry("VERY_SATISFIED", 0L), entry("SATISFIED", 1L),
				entry("FAIR", 0L), entry("POOR", 1L));
		assertThat(agent1.get("arrival")).containsEntry("SATISFIED", 2L);
		assertThat(agent1.get("promises")).containsEntry("VERY_SATISFIED", 1L).containsEntry("POOR", 0L);
		// B's round 1, arrival not rated
		Map<String, Map<String, Long>> super1 = report.staffRatings().get(1).ratings();
		assertThat(super1.get("attitude")).containsEntry("POOR", 1L);
		assertThat(super1.get("skill")).containsEntry("FAIR", 1L);
		assertThat(super1.get("arrival").values()).containsOnly(0L);
		assertThat(super1.get("promises")).containsEntry("POOR", 1L);
	}

	@Test
	void shouldSummariseTheWeekForAnEmail() {
		seedWeek47();

		ComplaintReport week = this.reports.compute(this.reports.week("2026-W47"));
		assertThat(this.reports.summaryText(week)).isEqualTo("""
				投诉周报 2026-W47：2026-11-16 至 2026-11-22（Asia/Shanghai）
				登记：5 件（一级 4 件，二级 0 件，三级 1 件；重大投诉 1 件）
				结案：4 件；期末未结：5 件；逾期：3 件（超过处理期限未结 2 件，逾期结案 1 件）
				首次联系：中位数 0.31 个工作日，90 分位 0.85 个工作日（4 件）
				全案处理：中位数 3.28 个工作日，90 分位 6.34 个工作日（4 件）
				回访：应回访 3 件，已联系上 2 件（回访率 66.7%）；满意度答复 3 份，平均 3.33（1 非常满意 – 5 非常不满意）
				自动升级：2 次；负激励：2 条，合计 80.00
				""");
		assertThat(this.reports.summaryText(week, Messages.ENGLISH)).isEqualTo("""
				Weekly complaint report 2026-W47: 2026-11-16 to 2026-11-22 (Asia/Shanghai)
				Registered: 5 (level 1: 4, level 2: 0, level 3: 1; major: 1)
				Closed: 4; still open at the end: 5; overdue: 3 (2 open past the case deadline, 1 closed late)
				First contact: median 0.31, 90th percentile 0.85 working days (4 cases)
				Whole case: median 3.28, 90th percentile 6.34 working days (4 cases)
				Callbacks: 2 of 3 due reached (66.7 %); satisfaction answers: 3, average 3.33 (1 very satisfied – 5 very dissatisfied)
				Upgrades: 2; penalties: 2 entries, 80.00
				""");
		assertThat(this.reports.summaryText(this.reports.compute(this.reports.month("2026-11"))))
			.startsWith("投诉统计月报 2026-11：2026-11-01 至 2026-11-30（Asia/Shanghai）\n");
	}

	@Test
	void shouldQuoteCsvFieldsWithCommasAndQuotes() {
		this.seed.complaint("CMP-20261116-0001", "2026-11-16 10:00").insert();
		this.seed.round("CMP-20261116-0001", 1, "2026-11-16 15:00")
			.handled("wang,\"li\"", "2026-11-17 10:00", true)
			.reached("2026-11-17 16:00", 1)
			.rated("POOR", null, null, null)
			.insert();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));
		String csv = this.reports.csv(report, Messages.ENGLISH);

		assertThat(csv).contains("\r\nstaffRatings,\"wang,\"\"li\"\".attitude.POOR\",1\r\n");
		assertThat(csv.lines()).allSatisfy((line) -> assertThat(line).matches("[^,]+,(\"[^\"]*(\"\"[^\"]*)*\"|[^,\"]+),[^,]+"));
		String chinese = this.reports.csv(report, Messages.CHINESE);
		assertThat(chinese).contains("\r\n员工评价,\"wang,\"\"li\"\"：服务态度：差\",1\r\n");
		assertThat(chinese.substring(1).lines())
			.allSatisfy((line) -> assertThat(line).matches("[^,]+,(\"[^\"]*(\"\"[^\"]*)*\"|[^,\"]+),[^,]+"));
	}

	@Test
	void shouldGiveZerosNotNullsForAnEmptyWeek() {
		seedWeek47();

		ComplaintReport report = this.reports.compute(this.reports.week("2026-W10"));

		assertThat(report.registered().total()).isZero();
		assertThat(report.registered().major()).isZero();
		assertThat(report.registered().byLevel()).containsOnlyKeys("1", "2", "3").values().containsOnly(0L);
		assertThat(report.registered().byChannel()).hasSize(9).values().containsOnly(0L);
		assertThat(report.registered().byCategory()).hasSize(8).values().containsOnly(0L);
		assertThat(report.registered().byComplainantType()).hasSize(4).values().containsOnly(0L);
		assertThat(report.cases()).isEqualTo(new ComplaintReport.Cases(0, 0, 0));
		assertThat(report.overdue()).isEqualTo(new ComplaintReport.Overdue(0, 0, 0));
		assertThat(report.breachesByRule()).hasSize(4).values().containsOnly(0L);
		assertThat(report.firstContact())
			.isEqualTo(new ComplaintReport.Durations(0, new BigDecimal("0.00"), new BigDecimal("0.00")));
		assertThat(report.wholeCase())
			.isEqualTo(new ComplaintReport.Durations(0, new BigDecimal("0.00"), new BigDecimal("0.00")));
		assertThat(report.satisfaction().answers()).isZero();
		assertThat(report.satisfaction().distribution()).hasSize(5).values().containsOnly(0L);
		assertThat(report.satisfaction().average()).isEqualTo(new BigDecimal("0.00"));
		assertThat(report.callbacks()).isEqualTo(new ComplaintReport.Callbacks(0, 0, new BigDecimal("0.0")));
		assertThat(report.upgrades()).isEqualTo(new ComplaintReport.Upgrades(0, Map.of()));
		assertThat(report.outcomes()).hasSize(4).values().containsOnly(0L);
		assertThat(report.penalties()).isEqualTo(new ComplaintReport.Penalties(0, new BigDecimal("0.00")));
		assertThat(report.staffRatings()).isEmpty();
		assertThat(this.reports.csv(report, Messages.ENGLISH)).startsWith("section,key,value\r\nreport,kind,WEEKLY\r\n")
			.contains("\r\nregistered,total,0\r\n", "\r\nregistered,channel.REGULATOR,0\r\n",
					"\r\nbreaches,LATE_FIRST_CONTACT,0\r\n", "\r\nsatisfaction,answer.5,0\r\n",
					"\r\noutcomes,GM_DECIDED,0\r\n", "\r\ncallbacks,ratePercent,0.0\r\n",
					"\r\nfirstContact,medianWorkingDays,0.00\r\n")
			.doesNotContain("null", "staffRatings", ReportText.BYTE_ORDER_MARK);
		// for people: Chinese column names and items, and the byte-order mark spreadsheet programs read UTF-8 by
		assertThat(this.reports.csv(report, Messages.CHINESE))
			.startsWith(ReportText.BYTE_ORDER_MARK + "分类,项目,数值\r\n报表,报表类型,投诉周报\r\n")
			.contains("\r\n登记,合计,0\r\n", "\r\n登记,级别：三级,0\r\n", "\r\n登记,渠道：12315 消费者投诉热线,0\r\n",
					"\r\n登记,投诉人类型：加盟商（经销商）,0\r\n", "\r\n违规,首次联系逾期,0\r\n",
					"\r\n满意度,满意度：5 非常不满意,0\r\n", "\r\n结案结果,总经理裁决,0\r\n",
					"\r\n回访,回访率（%）,0.0\r\n", "\r\n首次联系,中位数（工作日）,0.00\r\n")
			.doesNotContain("null", "员工评价");
	}

	@Test
	void shouldCountTheMonthInTheDesksZone() {
		// 23:30 on 31 October in Shanghai; 00:10 on 1 November in Shanghai is still 31 October in UTC
		this.seed.complaint("CMP-20261031-0001", "2026-10-31 23:30").insert();
		this.seed.complaint("CMP-20261101-0001", "2026-11-01 00:10")
			.level(2)
			.from("FAX", "POLICY", "FRANCHISEE")
			.insert();
		this.seed.penalty("CMP-20261031-0001", "agent1", "LATE_FIRST_CONTACT", "30", "2026-10-31 23:59:59.999",
				false);
		this.seed.penalty("CMP-20261101-0001", "agent2", "LATE_FIRST_CONTACT", "30", "2026-11-01 00:00", false);
		this.seed.penalty("CMP-20261101-0001", "agent2", "MISSED_CALLBACK", "50", "2026-11-30 23:59:59", false);
		this.seed.penalty("CMP-20261101-0001", "agent2", "MISSED_CALLBACK", "60", "2026-12-01 00:00", false);

		ComplaintReport october = this.reports.compute(this.reports.month("2026-10"));
		ComplaintReport november = this.reports.compute(this.reports.month("2026-11"));

		assertThat(october.period()).isEqualTo(new ReportPeriod(ReportPeriod.Kind.MONTHLY, "2026-10",
				at("2026-10-01 00:00"), at("2026-11-01 00:00")));
		assertThat(october.registered().total()).isEqualTo(1);
		assertThat(october.registered().byChannel()).containsEntry("PHONE", 1L).containsEntry("FAX", 0L);
		assertThat(october.cases().openAtEnd()).isEqualTo(1);
		assertThat(october.penalties()).isEqualTo(new ComplaintReport.Penalties(1, new BigDecimal("30.00")));
		assertThat(november.registered().total()).isEqualTo(1);
		assertThat(november.registered().byChannel()).containsEntry("PHONE", 0L).containsEntry("FAX", 1L);
		assertThat(november.registered().byLevel()).containsEntry("2", 1L);
		assertThat(november.registered().byComplainantType()).containsEntry("FRANCHISEE", 1L);
		assertThat(november.cases()).isEqualTo(new ComplaintReport.Cases(1, 0, 2));
		assertThat(november.penalties()).isEqualTo(new ComplaintReport.Penalties(2, new BigDecimal("80.00")));
		assertThat(november.breachesByRule()).containsEntry("LATE_FIRST_CONTACT", 1L).containsEntry("MISSED_CALLBACK", 1L);
	}

	@Test
	void shouldTakePercentilesBetweenTheClosestRanks() {
		List<Double> oneToTen = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

		assertThat(WorkingTime.percentile(oneToTen, 0.5)).isEqualTo(new BigDecimal("5.50"));
		assertThat(WorkingTime.percentile(oneToTen, 0.9)).isEqualTo(new BigDecimal("9.10"));
		assertThat(WorkingTime.percentile(List.of(0.5, 1.0, 4.0), 0.5)).isEqualTo(new BigDecimal("1.00"));
		assertThat(WorkingTime.percentile(List.of(0.5, 1.0, 4.0), 0.9)).isEqualTo(new BigDecimal("3.40"));
		assertThat(WorkingTime.percentile(List.of(3.0), 0.9)).isEqualTo(new BigDecimal("3.00"));
		assertThat(WorkingTime.percentile(List.of(), 0.5)).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void shouldCountWorkingDaysAsTheCalendarAddsThem() {
		WorkingTime time = new WorkingTime(this.calendar, this.calendarProperties);

		// the examples of WorkingCalendar.plusWorkingDays, read backwards
		assertThat(time.workingDays(at("2026-11-23 10:30"), at("2026-11-24 10:30"))).isEqualTo(1.0);
		assertThat(time.workingDays(at("2026-11-27 10:30"), at("2026-11-30 10:30"))).isEqualTo(1.0);
		assertThat(time.workingDays(at("2026-11-27 19:00"), at("2026-12-01 09:00"))).isEqualTo(1.0);
		assertThat(time.workingDays(at("2026-11-28 11:00"), at("2026-11-30 09:00"))).isZero();
		assertThat(time.workingDays(at("2026-02-13 10:30"), at("2026-02-14 10:30"))).as("调休 Saturday").isEqualTo(1.0);
		assertThat(time.workingDays(at("2026-09-30 10:30"), at("2026-10-08 10:30"))).as("National Day")
			.isEqualTo(1.0);
		assertThat(time.workingDays(at("2026-11-23 09:00"), at("2026-11-23 13:30"))).isEqualTo(0.5);
		assertThat(time.workingDays(at("2026-11-24 10:00"), at("2026-11-23 10:00"))).isZero();
		for (String from : List.of("2026-11-23 10:30", "2026-09-30 17:59", "2026-02-13 09:00")) {
			assertThat(time.workingDays(at(from), this.calendar.plusWorkingDays(at(from), 3))).as(from).isEqualTo(3.0);
		}
	}

	private void seedWeek47() {
		ReportSeed s = this.seed;
		s.complaint("CMP-20261116-0001", "2026-11-16 10:00")
			.verified("2026-11-16 14:30")
			.closed("2026-11-18 10:00", "RESOLVED")
			.insert();
		s.round("CMP-20261116-0001", 1, "2026-11-16 15:00")
			.handled("agent1", "2026-11-17 10:00", true)
			.reached("2026-11-17 16:00", 2)
			.rated("VERY_SATISFIED", "SATISFIED", "SATISFIED", "VERY_SATISFIED")
			.insert();

		s.complaint("CMP-20261117-0001", "2026-11-17 09:00")
			.level(3)
			.major()
			.from("ONLINE", "SERVICE_ATTITUDE", "CONSUMER")
			.verified("2026-11-18 09:00")
			.insert();
		s.round("CMP-20261117-0001", 1, "2026-11-18 10:00")
			.level(2)
			.handled("super1", "2026-11-18 17:00", true)
			.reached("2026-11-19 10:00", 5)
			.rated("POOR", "FAIR", null, "POOR")
			.insert();
		s.round("CMP-20261117-0001", 2, "2026-11-19 10:05").level(3).insert();

		s.complaint("CMP-20261120-0001", "2026-11-20 17:00")
			.from("PHONE", "PRODUCT_QUALITY", "FRANCHISEE")
			.verified("2026-11-23 10:00")
			.insert();

		s.complaint("CMP-20261105-0001", "2026-11-05 10:00")
			.from("LETTER", "DELIVERY", "CONSUMER")
			.verified("2026-11-05 12:00")
			.closed("2026-11-16 11:00", "UNREACHABLE")
			.insert();
		s.round("CMP-20261105-0001", 1, "2026-11-05 13:00")
			.handled("agent2", "2026-11-06 10:00", true)
			.notReached("2026-11-16 10:00", 3)
			.insert();

		s.complaint("CMP-20261102-0001", "2026-11-02 10:00")
			.from("PHONE", "OTHER", "CONSUMER")
			.verified("2026-11-02 11:00")
			.insert();
		s.round("CMP-20261102-0001", 1, "2026-11-02 12:00").handled("agent1", "2026-11-20 10:00", true).insert();

		s.complaint("CMP-20261121-0001", "2026-11-21 10:00")
			.from("SMS", "OTHER", "CONSUMER")
			.verified("2026-11-21 11:00")
			.closed("2026-11-21 12:00", "NOT_SUBSTANTIATED")
			.insert();

		s.complaint("CMP-20261123-0001", "2026-11-23 00:10").insert();

		s.complaint("CMP-20261115-0001", "2026-11-15 23:50")
			.verified("2026-11-15 23:52")
			.closed("2026-11-15 23:55", "NOT_SUBSTANTIATED")
			.insert();

		s.complaint("CMP-20261118-0001", "2026-11-18 10:00").verified("2026-11-18 11:00").insert();
		s.round("CMP-20261118-0001", 1, "2026-11-18 11:30").handled("agent1", "2026-11-19 10:00", null).insert();

		s.complaint("CMP-20261101-0001", "2026-11-01 10:00")
			.level(3)
			.major()
			.from("MANUFACTURER", "PRODUCT_QUALITY", "CONSUMER")
			.verified("2026-11-02 10:00")
			.insert();
		s.round("CMP-20261101-0001", 1, "2026-11-02 11:00")
			.handled("agent1", "2026-11-03 10:00", true)
			.reached("2026-11-04 10:00", 4)
			.insert();
		s.round("CMP-20261101-0001", 2, "2026-11-04 10:05")
			.level(2)
			.handled("super1", "2026-11-10 10:00", true)
			.reached("2026-11-11 10:00", 5)
			.rated("FAIR", "FAIR", "FAIR", "FAIR")
			.insert();
		s.round("CMP-20261101-0001", 3, "2026-11-20 10:00").level(3).insert();

		s.complaint("CMP-20261110-0001", "2026-11-10 10:00")
			.verified("2026-11-10 11:00")
			.closed("2026-11-16 15:00", "RESOLVED")
			.insert();
		s.round("CMP-20261110-0001", 1, "2026-11-10 12:00")
			.handled("agent1", "2026-11-12 10:00", true)
			.reached("2026-11-16 09:30", 3)
			.rated("VERY_SATISFIED", "POOR", "SATISFIED", null)
			.insert();

		s.penalty("CMP-20261102-0001", "agent1", "LATE_FIRST_CONTACT", "30", "2026-11-16 09:00", false);
		s.penalty("CMP-20261105-0001", "agent2", "MISSED_CALLBACK", "50", "2026-11-19 12:00", false);
		s.penalty("CMP-20261116-0001", "agent1", "RULE_BREACH", "80", "2026-11-20 12:00", true);
		s.penalty("CMP-20261117-0001", "super1", "MISSED_CALLBACK", "50", "2026-11-23 00:00", false);
		s.penalty("CMP-20261101-0001", "agent1", "LATE_FIRST_CONTACT", "30", "2026-11-15 23:59:59", false);
	}

}
