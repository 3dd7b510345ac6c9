package io.complaintdesk.report.process;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code complaint-report} process (POLICY §10 报表). Bound from {@code complaint-desk.reports}
 * in application.yaml.
 *
 * @param cron when the process looks for due reports: a Camunda 7 cron (seconds first, six fields),
 * in the JVM's time zone; by default every day at 08:00 ({@code 0 0 8 * * ?}). Whether a report is
 * due is decided in the desk's zone: the weekly one on a Monday, the monthly one on the 1st
 * @param weeklyReleaseWorkingDays the clerk releases the weekly report by the end of working hours
 * of this working day after the run: 0 = the same working day (the next one when the run falls on a
 * holiday or after hours)
 * @param monthlyReleaseDay the monthly statistics are released by the end of working hours of this
 * day of the next month (POLICY §10: 每月初10日内, 10)
 * @param baseUrl how the general manager and the supervisors reach the desk: the notifications link
 * to {@code <base-url>/api/reports/weekly?week=2026-W47}
 * @param recipients the groups a released report is sent to (POLICY §10: the general manager, and
 * the supervisors for the callback statistics)
 */
@Validated
@ConfigurationProperties("complaint-desk.reports")
public record ReportProcessProperties(@NotBlank @DefaultValue("0 0 8 * * ?") String cron,
		@Min(0) @DefaultValue("0") int weeklyReleaseWorkingDays,
		@Min(1) @Max(28) @DefaultValue("10") int monthlyReleaseDay,
		@NotBlank @DefaultValue("http://localhost:8080") String baseUrl,
		@NotEmpty @DefaultValue({ "gm", "supervisors" }) List<String> recipients) {

	public ReportProcessProperties {
		baseUrl = (baseUrl != null && baseUrl.endsWith("/")) ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		recipients = (recipients != null) ? List.copyOf(recipients) : null;
	}

}
