package io.complaintdesk.report.process;

import java.time.Clock;
import static io.complaintdesk.report.process.ComplaintReportProcess.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.report.ComplaintReport;
import io.complaintdesk.report.ReportPeriod;
import io.complaintdesk.report.Reports;

/**
 * Service task "Prepare the report", asynchronous: computes the branch's report and keeps its summary,
 * title, link and release due date on the branch for the clerk's form. Also declares
 * {@code releaseComment} and {@code releasedBy} on the branch, so what the clerk enters stays with
 * this report when the weekly and the monthly one are released in the same run.
 */
@Component("prepareReport")
class PrepareReportDelegate implements JavaDelegate {

	/** The longest text a String variable holds on every database the desk runs on. */
	static final int MAX_SUMMARY = 4000;

	private final Reports reports;

	private final ReportRuns runs;

	private final ReportDeadlines deadlines;

	private final ReportProcessProperties properties;

	private final CalendarProperties calendar;

	private final Clock clock;

	PrepareReportDelegate(Reports reports, ReportRuns runs, ReportDeadlines deadlines,
			ReportProcessProperties properties, CalendarProperties calendar, Clock clock) {
		this.clock = clock;
		this.reports = reports;
		this.runs = runs;
		this.deadlines = deadlines;
		this.properties = properties;
		this.calendar = calendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportPeriod period = this.runs.period(REPORT.require(execution));
		Instant now = this.clock.instant();
		ComplaintReport report = this.reports.compute(period);
		Instant due = this.deadlines.release(period, now);
		String link = this.properties.baseUrl() + ReportLinks.path(period);
		setLocal(execution, REPORT_KIND, ReportRuns.kind(period));
		setLocal(execution, REPORT_PERIOD, period.label());
		setLocal(execution, REPORT_TITLE, ReportTexts.title(period));
		setLocal(execution, SUMMARY, ReportTexts.fit(this.reports.summaryText(report), MAX_SUMMARY,
				Messages.chinese(Text.of("report.summary.cut", link))));
		setLocal(execution, REPORT_LINK, link);
		setLocal(execution, PREPARED_AT, Date.from(now));
		setLocal(execution, RELEASE_DUE, Date.from(due));
		setLocal(execution, RELEASE_DUE_ON, due.atZone(this.calendar.zone()).toLocalDate().toString());
		setLocal(execution, RELEASE_COMMENT, null);
		setLocal(execution, RELEASED_BY, null);
	}

}
