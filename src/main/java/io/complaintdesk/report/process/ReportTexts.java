package io.complaintdesk.report.process;

import io.complaintdesk.report.ReportPeriod;

/** Titles and texts of the report process, in the words of POLICY §10. */
final class ReportTexts {

	private ReportTexts() {
	}

	/** {@code Weekly complaint report (投诉周报) 2026-W47}, {@code Monthly complaint statistics (投诉统计表) 2026-11}. */
	static String title(ReportPeriod period) {
		return (ReportRuns.WEEKLY.equals(ReportRuns.kind(period)) ? "Weekly complaint report (投诉周报) "
				: "Monthly complaint statistics (投诉统计表) ") + period.label();
	}

	/** The text, cut to {@code max} characters with the ending when it is longer. */
	static String fit(String text, int max, String ending) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - ending.length()) + ending;
	}

}
