package io.complaintdesk.report;

import io.complaintdesk.penalty.PenaltyProperties;
import io.complaintdesk.engine.EngineConfiguration;
import io.complaintdesk.complaint.ComplaintStatistics;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.TestClock;
import static io.complaintdesk.report.ReportSeed.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Date;

import org.junit.jupiter.api.AfterEach;
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

/**
 * Released reports: stored as JSON and read back figure for figure, unchanged by later registry
 * changes, and released once per period (the first release stands).
 */
@JdbcTest
@ActiveProfiles("test")
@Import({ EngineConfiguration.class, ComplaintStatistics.class, PenaltyLedger.class, ComplaintRegistry.class, Reports.class, ReportStore.class, WorkingCalendar.class,
		io.complaintdesk.complaint.casefile.PausedTime.class })
@EnableConfigurationProperties({ PenaltyProperties.class, ComplaintDeskProperties.class, CalendarProperties.class })
class ReportStoreTests {

	@Autowired
	Reports reports;

	@Autowired
	ReportStore store;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void shouldKeepTheReleasedFiguresAsTheyWere() {
		ReportSeed seed = new ReportSeed(this.jdbc);
		seed.complaint("CMP-20261116-0001", "2026-11-16 10:00")
			.verified("2026-11-16 14:30")
			.closed("2026-11-18 10:00", "RESOLVED")
			.insert();
		seed.round("CMP-20261116-0001", 1, "2026-11-16 15:00")
			.handled("agent1", "2026-11-17 10:00", true)
			.reached("2026-11-17 16:00", 2)
			.rated("VERY_SATISFIED", "SATISFIED", null, "POOR")
			.insert();
		seed.round("CMP-20261116-0001", 2, "2026-11-18 09:00").insert();
		seed.penalty("CMP-20261116-0001", "agent1", "LATE_FIRST_CONTACT", "30", "2026-11-17 09:00", false);
		ReportPeriod week = this.reports.week("2026-W47");
		TestClock.setCurrentTime(Date.from(at("2026-11-23 09:00")));
		ComplaintReport report = this.reports.compute(week);

		StoredReport released = this.store.release(report, "clerk1");
		seed.complaint("CMP-20261119-0001", "2026-11-19 10:00").insert();

		assertThat(released).isEqualTo(new StoredReport(report, at("2026-11-23 09:00"), "clerk1"));
		assertThat(this.store.released(week)).contains(released);
		assertThat(this.store.released(week).orElseThrow().report().registered().total()).isEqualTo(1);
		assertThat(this.reports.compute(week).registered().total()).isEqualTo(2);
		assertThat(this.store.released(this.reports.week("2026-W48"))).isEmpty();
		assertThat(this.store.released(this.reports.month("2026-11"))).isEmpty();
	}

	@Test
	void shouldReleaseAPeriodOnceAndKeepTheFirstRelease() {
		ReportPeriod month = this.reports.month("2026-11");
		TestClock.setCurrentTime(Date.from(at("2026-12-02 08:00")));
		StoredReport first = this.store.release(this.reports.compute(month), "complaint-report");
		new ReportSeed(this.jdbc).complaint("CMP-20261119-0001", "2026-11-19 10:00").insert();
		TestClock.setCurrentTime(Date.from(at("2026-12-03 08:00")));

		StoredReport again = this.store.release(this.reports.compute(month), "gm1");

		assertThat(again).isEqualTo(first);
		assertThat(again.releasedBy()).isEqualTo("complaint-report");
		assertThat(again.report().registered().total()).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint_report WHERE period_label = '2026-11'",
				Integer.class))
			.isEqualTo(1);
		assertThat(this.store.released(this.reports.week("2026-W48"))).isEmpty();
	}

	@Test
	void shouldRefuseAReleaseWithoutWhoReleasedIt() {
		ComplaintReport report = this.reports.compute(this.reports.week("2026-W47"));

		assertThatIllegalArgumentException().isThrownBy(() -> this.store.release(report, " "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.release(report, "x".repeat(65)));
		assertThat(this.store.released(report.period())).isEmpty();
	}

}
