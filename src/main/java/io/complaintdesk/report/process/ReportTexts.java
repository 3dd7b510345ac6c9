package io.complaintdesk.report.process;

import io.complaintdesk.base.Messages;
import io.complaintdesk.report.ReportPeriod;
import io.complaintdesk.report.Reports;

/** Titles and texts of the report process, in the words of POLICY §10. */
final class ReportTexts {

	private ReportTexts() {
	}

	/** {@code 投诉周报 2026-W47}, {@code 投诉统计月报 2026-11}: the clerk's form and task read it. */
	static String title(ReportPeriod period) {
		return Messages.chinese(Reports.title(period));
	}

	/** The text, cut to {@code max} characters with the ending when it is longer. */
	static String fit(String text, int max, String ending) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - ending.length()) + ending;
	}

}
