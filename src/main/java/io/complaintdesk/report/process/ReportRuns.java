package io.complaintdesk.report.process;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.Text;
import io.complaintdesk.report.ReportPeriod;

/**
 * Which reports a run of {@code complaint-report} releases (POLICY §10), and the collection of its
 * multi-instance subprocess: {@code camunda:collection="${reportRuns.due(execution)}"}.
 * <ul>
 * <li>By the timer (no {@code kind}, no {@code period}): on a Monday the weekly report (投诉周报) of the
 * previous ISO week, on the 1st the monthly statistics (投诉统计表) of the previous month; both on a
 * Monday the 1st, none on other days. Days are counted in {@code complaint-desk.zone}.</li>
 * <li>On demand: the one report asked for; {@code kind} alone gives the last complete week or month,
 * {@code period} alone is read as a week ({@code 2026-W47}) or a month ({@code 2026-11}).</li>
 * </ul>
 */
@Component("reportRuns")
public class ReportRuns {

	public static final String WEEKLY = "WEEKLY";

	public static final String MONTHLY = "MONTHLY";

	private static final Pattern WEEK = Pattern.compile("\\d{4}-W\\d{2}");

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private final ZoneId zone;

	@Autowired
	ReportRuns(Clock clock) {
		this(clock.getZone());
	}

	/** Days counted in this zone. */
	ReportRuns(ZoneId zone) {
		this.zone = zone;
	}

	/** The due reports' period labels, one branch of "Release one report" each. */
	public List<String> due(VariableScope scope) {
		String labels = ComplaintReportProcess.DUE_REPORTS.get(scope);
		if (labels == null || labels.isBlank()) {
			return List.of();
		}
		return Arrays.stream(labels.split(",")).map(String::trim).filter((label) -> !label.isEmpty()).toList();
	}

	/** The reports the timer's run at this instant releases, weekly first; may be empty. */
	public List<ReportPeriod> scheduled(Instant now) {
		LocalDate today = today(now);
		List<ReportPeriod> due = new ArrayList<>();
		if (today.getDayOfWeek() == DayOfWeek.MONDAY) {
			due.add(ReportPeriod.previousWeek(now, this.zone));
		}
		if (today.getDayOfMonth() == 1) {
			due.add(ReportPeriod.previousMonth(now, this.zone));
		}
		return due;
	}

	/**
	 * The report asked for on demand.
	 * @param kind {@code WEEKLY} or {@code MONTHLY} (any case), or {@code null} when the period says it
	 * @param period {@code 2026-W47} or {@code 2026-11}, or {@code null} for the last complete one
	 * @throws Refusal saying what is wrong with the request
	 */
	public ReportPeriod requested(String kind, String period, Instant now) {
		String k = (kind != null) ? kind.trim().toUpperCase(Locale.ROOT) : null;
		if (k != null && !k.equals(WEEKLY) && !k.equals(MONTHLY)) {
			throw Refusal.of("refusal.report.kind", Text.field("kind"), cut(kind));
		}
		if (period == null) {
			if (k == null) {
				throw Refusal.of("refusal.report.which");
			}
			return k.equals(WEEKLY) ? ReportPeriod.previousWeek(now, this.zone)
					: ReportPeriod.previousMonth(now, this.zone);
		}
		String label = period.trim().toUpperCase(Locale.ROOT);
		boolean week = WEEK.matcher(label).matches();
		if (!week && !MONTH.matcher(label).matches()) {
			throw Refusal.of("refusal.report.period", Text.field("period"), cut(period));
		}
		if (WEEKLY.equals(k) && !week) {
			throw Refusal.of("refusal.report.monthForWeekly", Text.field("period"), label);
		}
		if (MONTHLY.equals(k) && week) {
			throw Refusal.of("refusal.report.weekForMonthly", Text.field("period"), label);
		}
		ReportPeriod requested = period(label);
		if (!hasEnded(requested, now)) {
			throw Refusal.of(week ? "refusal.report.weekNotEnded" : "refusal.report.monthNotEnded",
					Text.field("period"), label);
		}
		return requested;
	}

	/** {@code WEEKLY} or {@code MONTHLY}. */
	public static String kind(ReportPeriod period) {
		return period.kind().name();
	}

	/**
	 * The period of a label in the desk's zone: {@code 2026-W47} a week, {@code 2026-11} a month.
	 * @throws Refusal for anything else, or a week or month that does not exist
	 */
	public ReportPeriod period(String label) {
		try {
			return WEEK.matcher(label).matches() ? ReportPeriod.week(label, this.zone)
					: ReportPeriod.month(label, this.zone);
		}
		catch (ReportPeriod.InvalidPeriodException ex) {
			throw new Refusal(Text.of("refusal.report.invalidPeriod", Text.field("period"), label, ex.problem()), ex);
		}
	}

	/** What the person typed, shortened: a refusal repeats at most 40 characters of it. */
	private static String cut(String typed) {
		return (typed.length() <= 40) ? typed : typed.substring(0, 39) + "…";
	}

	private static boolean hasEnded(ReportPeriod period, Instant now) {
		return !period.to().isAfter(now);
	}

	LocalDate today(Instant now) {
		return now.atZone(this.zone).toLocalDate();
	}

}
