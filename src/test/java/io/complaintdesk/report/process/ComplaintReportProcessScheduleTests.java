package io.complaintdesk.report.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.report.ReportPeriod;

/**
 * Which reports a run releases and when they are due (POLICY §10), without the engine: the
 * boundaries of weeks, months and years, holidays and runs after hours.
 */
class ComplaintReportProcessScheduleTests {

	private static final ZoneId DESK = ZoneId.of("Asia/Shanghai");

	private final ReportRuns runs = new ReportRuns(DESK);

	private final ReportDeadlines deadlines = deadlines(0);

	@Test
	void shouldFindTheWeeklyReportOnMondaysAndTheMonthlyOnTheFirst() {
		assertThat(labels(this.runs.scheduled(at("2026-11-23T08:00")))).containsExactly("2026-W47");
		assertThat(labels(this.runs.scheduled(at("2026-12-01T08:00")))).containsExactly("2026-11");
		assertThat(labels(this.runs.scheduled(at("2026-06-01T08:00")))).containsExactly("2026-W22", "2026-05");
		assertThat(this.runs.scheduled(at("2026-11-25T08:00"))).isEmpty();
		assertThat(this.runs.scheduled(at("2026-11-29T08:00"))).isEmpty(); // Sunday
	}

	@Test
	void shouldCountDaysInTheDesksZoneAndCrossTheYear() {
		// 00:30 on Monday in Shanghai is still Sunday in UTC
		assertThat(labels(this.runs.scheduled(at("2026-11-23T00:30")))).containsExactly("2026-W47");
		// Sunday 23:30 in Shanghai is Sunday: nothing
		assertThat(this.runs.scheduled(at("2026-11-22T23:30"))).isEmpty();
		// 2026 has 53 ISO weeks; Friday 1 January 2027 closes December
		assertThat(labels(this.runs.scheduled(at("2027-01-04T08:00")))).containsExactly("2026-W53");
		assertThat(labels(this.runs.scheduled(at("2027-01-01T08:00")))).containsExactly("2026-12");
	}

	@Test
	void shouldReadARequest() {
		Instant wednesday = at("2026-11-25T10:00");
		assertThat(this.runs.requested("weekly", null, wednesday).label()).isEqualTo("2026-W47");
		assertThat(this.runs.requested("MONTHLY", null, wednesday).label()).isEqualTo("2026-10");
		assertThat(this.runs.requested(null, "2026-w46", wednesday).label()).isEqualTo("2026-W46");
		assertThat(this.runs.requested(null, " 2025-12 ", wednesday).kind()).isEqualTo(ReportPeriod.Kind.MONTHLY);
		// a week just over: Monday 00:00 has begun
		assertThat(this.runs.requested("WEEKLY", "2026-W47", at("2026-11-23T00:00")).label()).isEqualTo("2026-W47");
		assertThatThrownBy(() -> this.runs.requested("WEEKLY", "2026-W47", at("2026-11-22T23:59")))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessage("'period' 2026-W47 has not ended yet: a report covers a whole week, ask for it when it is over");
		assertThatThrownBy(() -> this.runs.requested("MONTHLY", "2026-00", wednesday))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessage("'period' 2026-00 must be a month as YYYY-MM");
	}

	@Test
	void shouldGiveTheClerkTheWorkingDayOfTheRunForTheWeeklyReport() {
		ReportPeriod week = this.runs.period("2026-W47");
		assertThat(this.deadlines.release(week, at("2026-11-23T08:00"))).isEqualTo(at("2026-11-23T18:00"));
		assertThat(this.deadlines.release(week, at("2026-11-23T16:00"))).isEqualTo(at("2026-11-23T18:00"));
		// after hours: the next working day
		assertThat(this.deadlines.release(week, at("2026-11-23T19:00"))).isEqualTo(at("2026-11-24T18:00"));
		// Monday 5 October 2026 is a National Day holiday: Thursday 8 October
		assertThat(this.deadlines.release(this.runs.period("2026-W40"), at("2026-10-05T08:00")))
			.isEqualTo(at("2026-10-08T18:00"));
		// configured: one working day more
		assertThat(deadlines(1).release(week, at("2026-11-23T08:00"))).isEqualTo(at("2026-11-24T18:00"));
	}

	@Test
	void shouldGiveTheClerkUntilTheTenthForTheMonthlyStatistics() {
		assertThat(this.deadlines.release(this.runs.period("2026-11"), at("2026-12-01T08:00")))
			.isEqualTo(at("2026-12-10T18:00"));
		// the 10th is kept when it is not a working day: Sunday 10 January 2027
		assertThat(this.deadlines.release(this.runs.period("2026-12"), at("2027-01-01T08:00")))
			.isEqualTo(at("2027-01-10T18:00"));
		// asked for after the 10th: the working day of the request, not overdue at once
		assertThat(this.deadlines.release(this.runs.period("2026-10"), at("2026-11-25T10:00")))
			.isEqualTo(at("2026-11-25T18:00"));
	}

	private static ReportDeadlines deadlines(int weeklyWorkingDays) {
		CalendarProperties hours = new CalendarProperties(DESK, LocalTime.of(9, 0), LocalTime.of(18, 0), null);
		return new ReportDeadlines(new ReportProcessProperties("0 0 8 * * ?", weeklyWorkingDays, 10,
				"http://localhost:8080", List.of("gm", "supervisors")), new WorkingCalendar(hours), hours);
	}

	private static List<String> labels(List<ReportPeriod> periods) {
		return periods.stream().map(ReportPeriod::label).toList();
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(DESK).toInstant();
	}

}
