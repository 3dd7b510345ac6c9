package io.complaintdesk.report;

import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.ComplaintStatistics;
import io.complaintdesk.complaint.ComplaintStatistics.Dimension;
import io.complaintdesk.complaint.ComplaintStatistics.Rating;
import io.complaintdesk.complaint.ComplaintStatistics.RatingCount;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.Outcome;
import io.complaintdesk.complaint.StaffRating;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.report.ComplaintReport.Callbacks;
import io.complaintdesk.report.ComplaintReport.Cases;
import io.complaintdesk.report.ComplaintReport.Durations;
import io.complaintdesk.report.ComplaintReport.HandlerRatings;
import io.complaintdesk.report.ComplaintReport.Overdue;
import io.complaintdesk.report.ComplaintReport.Penalties;
import io.complaintdesk.report.ComplaintReport.Registered;
import io.complaintdesk.report.ComplaintReport.Satisfaction;
import io.complaintdesk.report.ComplaintReport.Upgrades;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * The figures of the weekly complaint report and the monthly complaint statistics (POLICY §10)
 * from the complaint registry and the penalty ledger. Each figure is one counting query over an
 * indexed time column ({@code received_at}, {@code verified_at}, {@code closed_at},
 * {@code started_at}, {@code handled_at}, {@code called_back_at}, {@code recorded_at}, see
 * {@code V6__reports.sql}); only the durations read one pair of timestamps per case of the period,
 * because working days are counted on the working calendar. Periods are the desk's, in its zone;
 * times come from the engine's clock.
 */
@Service
public class Reports {

	private static final List<String> LEVELS = List.of("1", "2", "3");

	private static final List<String> ANSWERS = List.of("1", "2", "3", "4", "5");

	private final ComplaintStatistics statistics;

	private final PenaltyLedger penalties;

	private final WorkingTime workingTime;

	private final ComplaintDeskProperties desk;

	private final Clock clock;

	private final io.complaintdesk.complaint.casefile.PausedTime pausedTime;

	Reports(ComplaintStatistics statistics, PenaltyLedger penalties, WorkingCalendar calendar, CalendarProperties calendarProperties,
			ComplaintDeskProperties desk, Clock clock, io.complaintdesk.complaint.casefile.PausedTime pausedTime) {
		this.pausedTime = pausedTime;
		this.clock = clock;
		this.statistics = statistics;
		this.penalties = penalties;
		this.workingTime = new WorkingTime(calendar, calendarProperties);
		this.desk = desk;
	}

	/** The desk's time zone, which periods are counted in. */
	public ZoneId zone() {
		return this.clock.getZone();
	}

	/** {@code 2026-W47} in the desk's zone. */
	public ReportPeriod week(String isoWeek) {
		return ReportPeriod.week(isoWeek, zone());
	}

	/** {@code 2026-11} in the desk's zone. */
	public ReportPeriod month(String yearMonth) {
		return ReportPeriod.month(yearMonth, zone());
	}

	/** The week before the current one (the engine's clock, the desk's zone). */
	public ReportPeriod previousWeek() {
		return ReportPeriod.previousWeek(this.clock.instant(), zone());
	}

	/** The month before the current one (the engine's clock, the desk's zone). */
	public ReportPeriod previousMonth() {
		return ReportPeriod.previousMonth(this.clock.instant(), zone());
	}

	/**
	 * Computes the report of a period as the registry has it now. A period that has not ended yet
	 * gives the figures so far. Read in one repeatable-read transaction, so the figures agree with
	 * each other (or in the caller's transaction, e.g. the engine's).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ComplaintReport compute(ReportPeriod period) {
		Instant from = period.from();
		Instant to = period.to();
		Duration caseDeadline = this.desk.caseDeadline();

		Registered registered = registered(from, to);
		List<Instant[]> closedCases = this.statistics.closed(from, to);
		List<Instant[]> verifiedCases = this.statistics.verified(from, to);

		long closedLate = closedCases.stream().filter((c) -> c[1].isAfter(c[0].plus(caseDeadline))).count();
		long overdueOpen = this.statistics.openAt(to, to.minus(caseDeadline));
		Cases cases = new Cases(registered.total(), closedCases.size(), this.statistics.openAt(to, to));
		Overdue overdue = new Overdue(overdueOpen, closedLate, overdueOpen + closedLate);

		Map<String, Long> breaches = this.penalties.countByRule(from, to);
		PenaltyLedger.Totals totals = this.penalties.totals(from, to);
		Penalties penalties = new Penalties(totals.count(), totals.amount().setScale(2, RoundingMode.HALF_UP));

		return new ComplaintReport(period, zone().getId(), this.clock.instant(), registered, cases, overdue,
				breaches, durations(verifiedCases), durations(closedCases), satisfaction(from, to), callbacks(from, to),
				upgrades(from, to), outcomes(from, to), penalties, staffRatings(from, to),
				responsibleDepartments(from, to), pauses(from, to));
	}

	private ComplaintReport.Pauses pauses(Instant from, Instant to) {
		io.complaintdesk.complaint.casefile.PausedTime.Totals totals = this.pausedTime.resumedBetween(from, to);
		return new ComplaintReport.Pauses(totals.pauses(), totals.workingHours());
	}

	/**
	 * The report as CSV: a header row, then one row per figure; in Chinese ({@code 分类,项目,数值}, for
	 * people) or English ({@code section,key,value}, the API's identifiers, for machines).
	 */
	public String csv(ComplaintReport report, Locale language) {
		return ReportText.csv(report, null, language);
	}

	/** A released report as CSV, with its release ({@code report,released,true}, when and by whom). */
	public String csv(StoredReport released, Locale language) {
		return ReportText.csv(released.report(), released, language);
	}

	/** A few lines in Chinese for the body of an e-mail announcing the report and the clerk's form. */
	public String summaryText(ComplaintReport report) {
		return summaryText(report, Messages.CHINESE);
	}

	/** A few lines for the body of an e-mail announcing the report, in the language. */
	public String summaryText(ComplaintReport report, Locale language) {
		return ReportText.summary(report, ZoneId.of(report.zone()), language);
	}

	/** The report's title: {@code 投诉周报 2026-W47}, {@code 投诉统计月报 2026-11}. */
	public static Text title(ReportPeriod period) {
		return ReportText.title(period);
	}

	private Registered registered(Instant from, Instant to) {
		long[] totals = this.statistics.received(from, to);
		return new Registered(totals[0], totals[1],
				this.statistics.receivedBy(Dimension.LEVEL, LEVELS, from, to),
				this.statistics.receivedBy(Dimension.CHANNEL, names(Channel.values()), from, to),
				this.statistics.receivedBy(Dimension.CATEGORY, names(Category.values()), from, to),
				this.statistics.receivedBy(Dimension.COMPLAINANT_TYPE, names(ComplainantType.values()), from, to));
	}

	private Durations durations(List<Instant[]> cases) {
		List<Double> days = new ArrayList<>(cases.size());
		cases.forEach((c) -> days.add(this.workingTime.workingDays(c[0], c[1])));
		days.sort(Double::compare);
		return new Durations(days.size(), WorkingTime.percentile(days, 0.5), WorkingTime.percentile(days, 0.9));
	}

	private Satisfaction satisfaction(Instant from, Instant to) {
		Map<String, Long> distribution = this.statistics.satisfaction(ANSWERS, from, to);
		long answers = 0;
		long sum = 0;
		for (Map.Entry<String, Long> answer : distribution.entrySet()) {
			answers += answer.getValue();
			sum += Long.parseLong(answer.getKey()) * answer.getValue();
		}
		BigDecimal average = (answers == 0) ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers), 2, RoundingMode.HALF_UP);
		return new Satisfaction(answers, distribution, average);
	}

	private Callbacks callbacks(Instant from, Instant to) {
		long[] counts = this.statistics.callbacks(from, to);
		BigDecimal rate = (counts[0] == 0) ? BigDecimal.ZERO.setScale(1)
				: BigDecimal.valueOf(counts[1] * 100).divide(BigDecimal.valueOf(counts[0]), 1, RoundingMode.HALF_UP);
		return new Callbacks(counts[0], counts[1], rate);
	}

	private Upgrades upgrades(Instant from, Instant to) {
		Map<Integer, Long> byRound = this.statistics.upgradesByRound(from, to);
		Map<String, Long> labelled = new LinkedHashMap<>();
		byRound.forEach((round, count) -> labelled.put(String.valueOf(round), count));
		return new Upgrades(byRound.values().stream().mapToLong(Long::longValue).sum(), labelled);
	}

	private Map<String, Long> outcomes(Instant from, Instant to) {
		return this.statistics.outcomes(names(Outcome.values()), from, to);
	}

	/** Competition ranking (1, 1, 3): equal counts share a place. */
	private List<ComplaintReport.DepartmentRank> responsibleDepartments(Instant from, Instant to) {
		List<ComplaintStatistics.DepartmentCount> counts = this.statistics.responsibleDepartments(from, to);
		List<ComplaintReport.DepartmentRank> ranks = new java.util.ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			int rank = (i > 0 && counts.get(i).cases() == counts.get(i - 1).cases()) ? ranks.get(i - 1).rank() : i + 1;
			ranks.add(new ComplaintReport.DepartmentRank(rank, counts.get(i).department(), counts.get(i).cases()));
		}
		return ranks;
	}

	private List<HandlerRatings> staffRatings(Instant from, Instant to) {
		Map<String, Map<String, Map<String, Long>>> byHandler = new TreeMap<>();
		for (Rating rating : Rating.values()) {
			for (RatingCount row : this.statistics.ratings(rating, from, to)) {
				byHandler.computeIfAbsent(row.handler(), (handler) -> emptyRatings())
					.get(rating.label())
					.merge(row.answer(), row.count(), Long::sum);
			}
		}
		return byHandler.entrySet().stream().map((e) -> new HandlerRatings(e.getKey(), e.getValue())).toList();
	}

	private static Map<String, Map<String, Long>> emptyRatings() {
		Map<String, Map<String, Long>> ratings = new LinkedHashMap<>();
		for (Rating rating : Rating.values()) {
			Map<String, Long> zeros = new LinkedHashMap<>();
			names(StaffRating.values()).forEach((key) -> zeros.put(key, 0L));
			ratings.put(rating.label(), zeros);
		}
		return ratings;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}


}
