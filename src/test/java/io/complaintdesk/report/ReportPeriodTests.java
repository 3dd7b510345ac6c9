package io.complaintdesk.report;

import static io.complaintdesk.report.ReportSeed.SHANGHAI;
import static io.complaintdesk.report.ReportSeed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.complaintdesk.base.Messages;
import io.complaintdesk.report.ReportPeriod.InvalidPeriodException;
import io.complaintdesk.report.ReportPeriod.Kind;

/** Weeks and months of the desk's zone, and the labels it refuses (POLICY §10). */
class ReportPeriodTests {

	@Test
	void shouldReadAnIsoWeekFromMondayToMondayInTheDesksZone() {
		assertThat(ReportPeriod.week("2026-W47", SHANGHAI)).isEqualTo(new ReportPeriod(Kind.WEEKLY, "2026-W47",
				Instant.parse("2026-11-15T16:00:00Z"), Instant.parse("2026-11-22T16:00:00Z")));
		assertThat(ReportPeriod.week("2026-W47")).isEqualTo(ReportPeriod.week("2026-W47", SHANGHAI));
		// week 1 of 2026 starts in 2025; 2026 has 53 weeks, 2025 has 52
		assertThat(ReportPeriod.week("2026-W01", SHANGHAI).from()).isEqualTo(at("2025-12-29 00:00"));
		assertThat(ReportPeriod.week("2026-W53", SHANGHAI).to()).isEqualTo(at("2027-01-04 00:00"));
		assertThat(ReportPeriod.week("2026-W47", ZoneOffset.UTC).from()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
	}

	@Test
	void shouldReadAMonthInTheDesksZone() {
		assertThat(ReportPeriod.month("2026-11", SHANGHAI)).isEqualTo(new ReportPeriod(Kind.MONTHLY, "2026-11",
				Instant.parse("2026-10-31T16:00:00Z"), Instant.parse("2026-11-30T16:00:00Z")));
		assertThat(ReportPeriod.month("2026-12", SHANGHAI).to()).isEqualTo(at("2027-01-01 00:00"));
	}

	@ParameterizedTest
	@CsvSource({
			// Monday 00:30 in Shanghai is still Sunday in UTC: the week before is W47, not W46
			"2026-11-23 00:30, 2026-W47", "2026-11-22 23:59, 2026-W46", "2026-11-29 12:00, 2026-W47",
			// 1 January 2026 is in week 1 of 2026: the week before is the last of 2025
			"2026-01-01 10:00, 2025-W52" })
	void shouldFindThePreviousWeek(String now, String week) {
		assertThat(ReportPeriod.previousWeek(at(now), SHANGHAI)).isEqualTo(ReportPeriod.week(week, SHANGHAI));
	}

	@ParameterizedTest
	@CsvSource({ "2026-12-01 00:30, 2026-11", "2026-11-30 23:59, 2026-10", "2026-01-05 09:00, 2025-12" })
	void shouldFindThePreviousMonth(String now, String month) {
		assertThat(ReportPeriod.previousMonth(at(now), SHANGHAI)).isEqualTo(ReportPeriod.month(month, SHANGHAI));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-47", "2026W47", "2026-W4", "2026-w47", "2026-W47-1", "W47", "2026-11" })
	void shouldRefuseWhatIsNotAnIsoWeek(String week) {
		assertThatThrownBy(() -> ReportPeriod.week(week, SHANGHAI)).isInstanceOfSatisfying(InvalidPeriodException.class,
				(ex) -> {
					assertThat(ex.field()).isEqualTo("week");
					assertThat(ex.problem()).hasToString("must be an ISO week as YYYY-Www, e.g. 2026-W47");
					assertThat(Messages.chinese(ex.problem())).isEqualTo("须为 ISO 周，格式为 YYYY-Www，如 2026-W47");
				});
	}

	@ParameterizedTest
	@CsvSource({ "2026-W00, 53", "2026-W54, 53", "2025-W53, 52" })
	void shouldRefuseAWeekTheYearDoesNotHave(String week, int weeks) {
		assertThatThrownBy(() -> ReportPeriod.week(week, SHANGHAI)).isInstanceOfSatisfying(InvalidPeriodException.class,
				(ex) -> assertThat(ex.problem().toString()).endsWith("has weeks 01 to " + weeks));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  " })
	void shouldRequireAWeekAndAMonth(String label) {
		assertThatThrownBy(() -> ReportPeriod.week(label, SHANGHAI)).isInstanceOfSatisfying(
				InvalidPeriodException.class,
				(ex) -> assertThat(ex.problem()).hasToString("is required, as YYYY-Www (e.g. 2026-W47)"));
		assertThatThrownBy(() -> ReportPeriod.month(label, SHANGHAI)).isInstanceOfSatisfying(
				InvalidPeriodException.class, (ex) -> assertThat(ex.problem()).hasToString("is required, as YYYY-MM"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-13", "2026-00", "2026-1", "2026/11", "November", "2026-W47", "2026-11-01" })
	void shouldRefuseWhatIsNotAMonth(String month) {
		assertThatThrownBy(() -> ReportPeriod.month(month, SHANGHAI)).isInstanceOfSatisfying(
				InvalidPeriodException.class, (ex) -> {
					assertThat(ex.field()).isEqualTo("month");
					assertThat(ex.problem()).hasToString("must be a month as YYYY-MM");
				});
	}

}
