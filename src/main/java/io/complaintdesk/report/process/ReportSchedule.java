package io.complaintdesk.report.process;

import org.springframework.stereotype.Component;

/**
 * When the report process looks for due reports: the timer start event reads
 * {@code timeCycle="${reportSchedule.cron}"} when the model is deployed, so a changed cron takes
 * effect with the next deployment of {@code complaint-report.bpmn}.
 */
@Component("reportSchedule")
public class ReportSchedule {

	private final ReportProcessProperties properties;

	ReportSchedule(ReportProcessProperties properties) {
		this.properties = properties;
	}

	/** {@code complaint-desk.reports.cron}, by default every day at 08:00 (JVM time zone). */
	public String getCron() {
		return this.properties.cron();
	}

}
