package io.complaintdesk.report.process;

import io.complaintdesk.report.ReportPeriod;

/**
 * Where a released report is read (CONTRACT): {@code /api/reports/weekly?week=2026-W47},
 * {@code /api/reports/monthly?month=2026-11}.
 */
final class ReportLinks {

	private ReportLinks() {
	}

	static String path(ReportPeriod period) {
		return ReportRuns.WEEKLY.equals(ReportRuns.kind(period)) ? "/api/reports/weekly?week=" + period.label()
				: "/api/reports/monthly?month=" + period.label();
	}

}
