package io.complaintdesk.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.complaintdesk.base.Text;

/**
 * The period a report covers (POLICY §10): an ISO week ({@code 2026-W47}, Monday to Sunday) or a
 * calendar month ({@code 2026-11}), counted in the desk's time zone, so a complaint received at
 * 00:10 Shanghai time on 1 November belongs to November although it is still October in UTC.
 *
 * @param kind weekly or monthly
 * @param label {@code 2026-W47} or {@code 2026-11}
 * @param from the first instant of the period (inclusive)
 * @param to the first instant after the period (exclusive)
 */
public record ReportPeriod(Kind kind, String label, Instant from, Instant to) {

	/** The zone of the factories without one: the default of {@code complaint-desk.zone}. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	static final Text WEEK_FORMAT = Text.of("report.period.weekFormat");

	static final Text MONTH_FORMAT = Text.of("report.period.monthFormat");

	private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	public ReportPeriod {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("A report period must end after it starts: " + from + " – " + to);
		}
	}

	/** Weekly complaint report (投诉周报) or monthly complaint statistics (投诉统计表). */
	public enum Kind {

		WEEKLY, MONTHLY

	}

	/** The ISO week {@code 2026-W47} in the desk's default zone; prefer {@link #week(String, ZoneId)}. */
	public static ReportPeriod week(String isoWeek) {
		return week(isoWeek, DEFAULT_ZONE);
	}

	/**
	 * The ISO week {@code 2026-W47}: Monday 00:00 to the next Monday 00:00 in the zone.
	 * @throws InvalidPeriodException (field {@code week}) for anything but an existing ISO week
	 */
	public static ReportPeriod week(String isoWeek, ZoneId zone) {
		Matcher matcher = (isoWeek != null) ? ISO_WEEK.matcher(isoWeek.strip()) : null;
		if (matcher == null || !matcher.matches()) {
			throw new InvalidPeriodException("week", (isoWeek == null || isoWeek.isBlank())
					? Text.of("report.period.weekRequired") : WEEK_FORMAT);
		}
		int year = Integer.parseInt(matcher.group(1));
		int week = Integer.parseInt(matcher.group(2));
		// 4 January is always in week 1 of its week-based year
		LocalDate inWeekOne = LocalDate.of(year, 1, 4);
		if (week < 1 || week > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(inWeekOne).getMaximum()) {
			throw new InvalidPeriodException("week", Text.of("report.period.noSuchWeek", String.valueOf(year),
					IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(inWeekOne).getMaximum()));
		}
		LocalDate monday = inWeekOne.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
		return ofWeekStarting(monday, zone);
	}

	/** The month {@code 2026-11} in the desk's default zone; prefer {@link #month(String, ZoneId)}. */
	public static ReportPeriod month(String yearMonth) {
		return month(yearMonth, DEFAULT_ZONE);
	}

	/**
	 * The month {@code 2026-11}: the 1st 00:00 to the 1st of the next month 00:00 in the zone.
	 * @throws InvalidPeriodException (field {@code month}) for anything but YYYY-MM
	 */
	public static ReportPeriod month(String yearMonth, ZoneId zone) {
		if (yearMonth == null || yearMonth.isBlank()) {
			throw new InvalidPeriodException("month", Text.of("report.period.monthRequired"));
		}
		if (!YEAR_MONTH.matcher(yearMonth.strip()).matches()) {
			throw new InvalidPeriodException("month", MONTH_FORMAT);
		}
		try {
			return of(YearMonth.parse(yearMonth.strip()), zone);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidPeriodException("month", MONTH_FORMAT);
		}
	}

	/** The ISO week before the one {@code now} falls in, in the zone: what a Monday-morning run reports. */
	public static ReportPeriod previousWeek(Instant now, ZoneId zone) {
		LocalDate thisMonday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return ofWeekStarting(thisMonday.minusWeeks(1), zone);
	}

	/** The month before the one {@code now} falls in, in the zone: what a run early in the month reports. */
	public static ReportPeriod previousMonth(Instant now, ZoneId zone) {
		return of(YearMonth.from(now.atZone(zone)).minusMonths(1), zone);
	}

	/** The month as a period in the zone. */
	public static ReportPeriod of(YearMonth month, ZoneId zone) {
		Objects.requireNonNull(zone, "zone");
		return new ReportPeriod(Kind.MONTHLY, month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
	}

	private static ReportPeriod ofWeekStarting(LocalDate monday, ZoneId zone) {
		Objects.requireNonNull(zone, "zone");
		String label = "%04d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
				monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		return new ReportPeriod(Kind.WEEKLY, label, monday.atStartOfDay(zone).toInstant(),
				monday.plusWeeks(1).atStartOfDay(zone).toInstant());
	}

	/** A week or month label the desk cannot read, naming the request parameter at fault. */
	public static class InvalidPeriodException extends IllegalArgumentException {

		private final String field;

		private final transient Text problem;

		public InvalidPeriodException(String field, Text problem) {
			super(field + " " + problem);
			this.field = field;
			this.problem = problem;
		}

		/** {@code week} or {@code month}. */
		public String field() {
			return this.field;
		}

		/** What is wrong with the label, without the parameter's name. */
		public Text problem() {
			return this.problem;
		}

	}

}
