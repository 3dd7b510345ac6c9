package io.complaintdesk.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.report.ComplaintReport.Durations;

/**
 * A report as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break) and
 * as the few lines of an e-mail body, in a language: Chinese for people (column names, sections and
 * items in the words of the GLOSSARY, a byte-order mark so that spreadsheet programs read UTF-8),
 * English for machines ({@code section,key,value} with the API's identifiers, as before).
 */
final class ReportText {

	private static final String CRLF = "\r\n";

	/** Read by spreadsheet programs as "this file is UTF-8"; the Chinese CSV starts with it. */
	static final String BYTE_ORDER_MARK = "\uFEFF";

	private ReportText() {
	}

	/**
	 * @param release the release of a stored report, {@code null} for a live one
	 * @param language {@link Messages#CHINESE} or {@link Messages#ENGLISH}
	 */
	static String csv(ComplaintReport report, StoredReport release, Locale language) {
		Csv csv = new Csv(Messages.supported(language));
		csv.row("report", "kind", Messages.render(Messages.label(report.period().kind()), csv.language));
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
		csv.items("registered", "level", "level.short.", report.registered().byLevel());
		csv.items("registered", "channel", "enum.Channel.", report.registered().byChannel());
		csv.items("registered", "category", "enum.Category.", report.registered().byCategory());
		csv.items("registered", "complainantType", "enum.ComplainantType.", report.registered().byComplainantType());
		csv.row("cases", "opened", report.cases().opened());
		csv.row("cases", "closed", report.cases().closed());
		csv.row("cases", "openAtEnd", report.cases().openAtEnd());
		csv.row("overdue", "openAtEnd", report.overdue().openAtEnd());
		csv.row("overdue", "closedLate", report.overdue().closedLate());
		csv.row("overdue", "total", report.overdue().total());
		csv.labelled("breaches", "enum.PenaltyRule.", report.breachesByRule());
		csv.durations("firstContact", report.firstContact());
		csv.durations("wholeCase", report.wholeCase());
		csv.row("satisfaction", "answers", report.satisfaction().answers());
		csv.items("satisfaction", "answer", "satisfaction.", report.satisfaction().distribution());
		csv.row("satisfaction", "average", report.satisfaction().average().toPlainString());
		csv.row("callbacks", "due", report.callbacks().due());
		csv.row("callbacks", "reached", report.callbacks().reached());
		csv.row("callbacks", "ratePercent", report.callbacks().ratePercent().toPlainString());
		csv.row("upgrades", "total", report.upgrades().total());
		csv.items("upgrades", "round", null, report.upgrades().byRound());
		csv.labelled("outcomes", "enum.Outcome.", report.outcomes());
		csv.row("penalties", "entries", report.penalties().entries());
		csv.row("penalties", "amount", report.penalties().amount().toPlainString());
		if (report.pauses() != null) {
			csv.row("pauses", "ended", report.pauses().ended());
			csv.row("pauses", "workingHours", report.pauses().workingHours().toPlainString());
		}
		report.staffRatings()
			.forEach((handler) -> handler.ratings()
				.forEach((dimension, answers) -> answers.forEach((answer, count) -> csv.cell("staffRatings",
						Text.of("report.csv.rating", handler.handler(), Text.of("report.rating." + dimension).orElse(dimension),
								Text.of("enum.StaffRating." + answer).orElse(answer)),
						count))));
		if (report.responsibleDepartments() != null) {
			report.responsibleDepartments()
				.forEach((department) -> csv.cell("responsibleDepartments",
						Text.of("report.csv.department", department.rank(), department.department()), department.cases()));
		}
		return csv.toString();
	}

	/** The summary of a mail and of the clerk's form, in the language. */
	static String summary(ComplaintReport report, ZoneId zone, Locale language) {
		ReportPeriod period = report.period();
		DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
		var registered = report.registered();
		List<Text> lines = List.of(
				Text.of("report.summary.period", title(period), day.format(period.from()),
						day.format(period.to().minusNanos(1)), zone.getId()),
				Text.of("report.summary.registered", registered.total(), atLevel(registered.byLevel(), 1),
						atLevel(registered.byLevel(), 2), atLevel(registered.byLevel(), 3), registered.major()),
				Text.of("report.summary.cases", report.cases().closed(), report.cases().openAtEnd(),
						report.overdue().total(), report.overdue().openAtEnd(), report.overdue().closedLate()),
				durations("report.summary.firstContact", report.firstContact()),
				durations("report.summary.wholeCase", report.wholeCase()),
				Text.of("report.summary.callbacks", report.callbacks().reached(), report.callbacks().due(),
						report.callbacks().ratePercent(), report.satisfaction().answers(),
						report.satisfaction().average()),
				Text.of("report.summary.upgrades", report.upgrades().total(), report.penalties().entries(),
						report.penalties().amount()));
		return lines.stream().map((line) -> Messages.render(line, language)).collect(Collectors.joining("\n")) + "\n";
	}

	/** {@code 投诉周报 2026-W47}, {@code Monthly complaint statistics 2026-11}. */
	static Text title(ReportPeriod period) {
		return Text.of("report.title." + period.kind().name(), period.label());
	}

	private static long atLevel(Map<String, Long> byLevel, int level) {
		return byLevel.getOrDefault(String.valueOf(level), 0L);
	}

	private static Text durations(String what, Durations durations) {
		return Text.of("report.summary.durations", Text.of(what), durations.medianWorkingDays(),
				durations.p90WorkingDays(), durations.cases());
	}

	private static final class Csv {

		private final Locale language;

		private final StringBuilder text = new StringBuilder();

		Csv(Locale language) {
			this.language = language;
			if (Messages.CHINESE.equals(language)) {
				this.text.append(BYTE_ORDER_MARK);
			}
			this.text.append(render(Text.of("report.csv.header"))).append(CRLF);
		}

		/** A figure with a fixed key: {@code registered,total} (登记,合计). */
		void row(String section, String key, Object value) {
			cell(section, Text.of("report.csv.key." + section + "." + key), value);
		}

		/** Figures by an item: {@code registered,channel.PHONE} (登记,渠道：电话). */
		void items(String section, String item, String labels, Map<String, ?> values) {
			values.forEach((key, value) -> cell(section, Text.of("report.csv.item." + item,
					(labels != null) ? Text.of(labels + key).orElse(key) : key), value));
		}

		/** Figures keyed by a label alone: {@code outcomes,RESOLVED} (结案结果,已解决). */
		void labelled(String section, String labels, Map<String, ?> values) {
			values.forEach((key, value) -> cell(section, Text.of(labels + key).orElse(key), value));
		}

		void durations(String section, Durations durations) {
			row(section, "cases", durations.cases());
			row(section, "medianWorkingDays", durations.medianWorkingDays().toPlainString());
			row(section, "p90WorkingDays", durations.p90WorkingDays().toPlainString());
		}

		void cell(String section, Text key, Object value) {
			this.text.append(field(render(Text.of("report.csv.section." + section))))
				.append(',')
				.append(field(render(key)))
				.append(',')
				.append(field(String.valueOf(value)))
				.append(CRLF);
		}

		private String render(Text text) {
			return Messages.render(text, this.language);
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
