package io.complaintdesk.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import io.complaintdesk.report.ComplaintReport.Durations;

/**
 * A report as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break) and
 * as the few lines of an e-mail body.
 */
final class ReportText {

	static final String CSV_HEADER = "section,key,value";

	private static final String CRLF = "\r\n";

	private ReportText() {
	}

	/** @param release the release of a stored report, {@code null} for a live one */
	static String csv(ComplaintReport report, StoredReport release) {
		Csv csv = new Csv();
		csv.row("report", "kind", report.period().kind());
		csv.row("report", "period", report.period().label());
		csv.row("report", "from", report.period().from());
		csv.row("report", "to", report.period().to());
		csv.row("report", "zone", report.zone());
		csv.row("report", "computedAt", report.computedAt());
		if (release != null) {
			csv.row("report", "released", true);
			csv.row("report", "releasedAt", release.releasedAt());
			csv.row("report", "releasedBy", release.releasedBy());
		}
		csv.row("registered", "total", report.registered().total());
		csv.row("registered", "major", report.registered().major());
		csv.rows("registered", "level.", report.registered().byLevel());
		csv.rows("registered", "channel.", report.registered().byChannel());
		csv.rows("registered", "category.", report.registered().byCategory());
		csv.rows("registered", "complainantType.", report.registered().byComplainantType());
		csv.row("cases", "opened", report.cases().opened());
		csv.row("cases", "closed", report.cases().closed());
		csv.row("cases", "openAtEnd", report.cases().openAtEnd());
		csv.row("overdue", "openAtEnd", report.overdue().openAtEnd());
		csv.row("overdue", "closedLate", report.overdue().closedLate());
		csv.row("overdue", "total", report.overdue().total());
		csv.rows("breaches", "", report.breachesByRule());
		csv.durations("firstContact", report.firstContact());
		csv.durations("wholeCase", report.wholeCase());
		csv.row("satisfaction", "answers", report.satisfaction().answers());
		csv.rows("satisfaction", "answer.", report.satisfaction().distribution());
		csv.row("satisfaction", "average", report.satisfaction().average().toPlainString());
		csv.row("callbacks", "due", report.callbacks().due());
		csv.row("callbacks", "reached", report.callbacks().reached());
		csv.row("callbacks", "ratePercent", report.callbacks().ratePercent().toPlainString());
		csv.row("upgrades", "total", report.upgrades().total());
		csv.rows("upgrades", "round.", report.upgrades().byRound());
		csv.rows("outcomes", "", report.outcomes());
		csv.row("penalties", "entries", report.penalties().entries());
		csv.row("penalties", "amount", report.penalties().amount().toPlainString());
		report.staffRatings()
			.forEach((handler) -> handler.ratings()
				.forEach((dimension, answers) -> csv.rows("staffRatings",
						handler.handler() + "." + dimension + ".", answers)));
		return csv.toString();
	}

	static String summary(ComplaintReport report, ZoneId zone) {
		ReportPeriod period = report.period();
		DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
		String title = (period.kind() == ReportPeriod.Kind.WEEKLY) ? "Weekly complaint report (投诉周报)"
				: "Monthly complaint statistics (投诉统计表)";
		var registered = report.registered();
		return String.join("\n",
				"%s %s: %s to %s (%s)".formatted(title, period.label(), day.format(period.from()),
						day.format(period.to().minusNanos(1)), zone.getId()),
				"Registered: %d (%s; major: %d)".formatted(registered.total(), levels(registered.byLevel()),
						registered.major()),
				"Closed: %d; still open at the end: %d; overdue: %d (%d open past the case deadline, %d closed late)"
					.formatted(report.cases().closed(), report.cases().openAtEnd(), report.overdue().total(),
							report.overdue().openAtEnd(), report.overdue().closedLate()),
				durations("First contact", report.firstContact()), durations("Whole case", report.wholeCase()),
				"Callbacks: %d of %d due reached (%s %%); satisfaction answers: %d, average %s (1 very satisfied – 5 very dissatisfied)"
					.formatted(report.callbacks().reached(), report.callbacks().due(),
							report.callbacks().ratePercent().toPlainString(), report.satisfaction().answers(),
							report.satisfaction().average().toPlainString()),
				"Upgrades: %d; penalties: %d entries, %s".formatted(report.upgrades().total(),
						report.penalties().entries(), report.penalties().amount().toPlainString()))
				+ "\n";
	}

	private static String levels(Map<String, Long> byLevel) {
		return byLevel.entrySet()
			.stream()
			.map((e) -> "level " + e.getKey() + ": " + e.getValue())
			.collect(Collectors.joining(", "));
	}

	private static String durations(String what, Durations durations) {
		return "%s: median %s, 90th percentile %s working days (%d cases)".formatted(what,
				durations.medianWorkingDays().toPlainString(), durations.p90WorkingDays().toPlainString(),
				durations.cases());
	}

	private static final class Csv {

		private final StringBuilder text = new StringBuilder(CSV_HEADER).append(CRLF);

		void row(String section, String key, Object value) {
			this.text.append(field(section))
				.append(',')
				.append(field(key))
				.append(',')
				.append(field(String.valueOf(value)))
				.append(CRLF);
		}

		void rows(String section, String keyPrefix, Map<String, ?> values) {
			values.forEach((key, value) -> row(section, keyPrefix + key, value));
		}

		void durations(String section, Durations durations) {
			row(section, "cases", durations.cases());
			row(section, "medianWorkingDays", durations.medianWorkingDays().toPlainString());
			row(section, "p90WorkingDays", durations.p90WorkingDays().toPlainString());
		}

		private static String field(String value) {
			if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
				return "\"" + value.replace("\"", "\"\"") + "\"";
			}
			return value;
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
