package io.complaintdesk.report.process;

import static io.complaintdesk.report.process.ComplaintReportProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.notification.Notifications;
import io.complaintdesk.report.ReportPeriod;
import io.complaintdesk.report.ReportStore;
import io.complaintdesk.report.Reports;
import io.complaintdesk.report.StoredReport;

/**
 * Service task "Store and send the report", in the clerk's release transaction: counts the figures
 * again, now, so that callbacks made since the report was prepared count (the last rounds of a month
 * are called back in the first days of the next), stores the report as released by the clerk (then
 * readable at {@code /api/reports/...}) and mails its summary with the clerk's comment and the link
 * to the general manager and the supervisors
 * ({@code complaint-desk.reports.recipients}) through the outbox, one notification per group, dedup
 * key {@code report:WEEKLY:2026-W47:gm}. The store keeps the first release of a period: should the
 * period have been released meanwhile, that release is what is announced.
 */
@Component("publishReport")
class PublishReportDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(PublishReportDelegate.class);

	private final Reports reports;

	private final ReportRuns runs;

	private final ReportStore store;

	private final Notifications notifications;

	private final ReportProcessProperties properties;

	private final CalendarProperties calendar;

	PublishReportDelegate(Reports reports, ReportRuns runs, ReportStore store, Notifications notifications,
			ReportProcessProperties properties, CalendarProperties calendar) {
		this.reports = reports;
		this.runs = runs;
		this.store = store;
		this.notifications = notifications;
		this.properties = properties;
		this.calendar = calendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportPeriod period = this.runs.period(REPORT_PERIOD.require(execution));
		String clerk = RELEASED_BY.require(execution);
		StoredReport released = this.store.release(this.reports.compute(period), clerk);
		if (!released.releasedBy().equals(clerk)) {
			log.warn("Report {} was released by {} at {} already: that release stands and is announced",
					period.label(), released.releasedBy(), released.releasedAt());
		}
		setLocal(execution, RELEASED_AT, Date.from(released.releasedAt()));

		Text title = Reports.title(period);
		String subject = Messages.chinese(Text.of("notification.report.subject", title));
		String body = body(title, released, clerk, RELEASE_COMMENT.get(execution),
				this.reports.summaryText(released.report()), this.properties.baseUrl() + ReportLinks.path(period));
		for (String group : this.properties.recipients()) {
			this.notifications.notifyGroup(dedupKey(period, group), null, group, subject, body);
		}
	}

	static String dedupKey(ReportPeriod period, String group) {
		return "report:" + ReportRuns.kind(period) + ":" + period.label() + ":" + group;
	}

	/**
	 * Chinese first: who released it, the link, the clerk's note and the summary; then the release in
	 * one English line. The links come first, so a long text cut to the outbox's 4,000 characters
	 * never loses them.
	 */
	private String body(Text title, StoredReport released, String clerk, String comment, String summary,
			String link) {
		String day = released.releasedAt().atZone(this.calendar.zone()).toLocalDate().toString();
		Text line = Text.of("notification.report.released", title, released.releasedBy(), day, link);
		StringBuilder text = new StringBuilder();
		text.append(Messages.chinese(line)).append("\n").append(Messages.english(line)).append("\n\n");
		if (comment != null) {
			text.append(Messages.chinese(Text.of("notification.report.note", clerk, comment))).append("\n\n");
		}
		text.append(summary);
		return text.toString();
	}

}
