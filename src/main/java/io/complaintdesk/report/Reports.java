package io.complaintdesk.report;

import java.time.Clock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.complaintdesk.calendar.CalendarProperties;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.CaseStatus;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.Outcome;
import io.complaintdesk.complaint.StaffRating;
import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.report.ComplaintReport.Callbacks;
import io.complaintdesk.report.ComplaintReport.Cases;
import io.complaintdesk.report.ComplaintReport.Durations;
import io.complaintdesk.report.ComplaintReport.HandlerRatings;
import io.complaintdesk.report.ComplaintReport.Overdue;
import io.complaintdesk.report.ComplaintReport.Penalties;
import io.complaintdesk.report.ComplaintReport.Registered;
import io.complaintdesk.report.ComplaintReport.Satisfaction;
import io.complaintdesk.report.ComplaintReport.Upgrades;

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

	/** the columns of the four rating dimensions of POLICY §6, by the name the report uses */
	private static final Map<String, String> RATING_COLUMNS = ratingColumns();

	private static final List<String> LEVELS = List.of("1", "2", "3");

	private static final List<String> ANSWERS = List.of("1", "2", "3", "4", "5");

	private final JdbcTemplate jdbc;

	private final WorkingTime workingTime;

	private final ComplaintDeskProperties desk;

	private final Clock clock;

	Reports(JdbcTemplate jdbc, WorkingCalendar calendar, CalendarProperties calendarProperties,
			ComplaintDeskProperties desk, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
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
		Timestamp from = Timestamp.from(period.from());
		Timestamp to = Timestamp.from(period.to());
		Duration caseDeadline = this.desk.caseDeadline();

		Registered registered = registered(from, to);
		List<Instant[]> closedCases = pairs(
				"SELECT received_at, closed_at FROM complaint WHERE closed_at >= ? AND closed_at < ?", from, to);
		List<Instant[]> verifiedCases = pairs(
				"SELECT received_at, verified_at FROM complaint WHERE verified_at >= ? AND verified_at < ?", from, to);

		long closedLate = closedCases.stream().filter((c) -> c[1].isAfter(c[0].plus(caseDeadline))).count();
		long overdueOpen = openAt(to, Timestamp.from(period.to().minus(caseDeadline)));
		Cases cases = new Cases(registered.total(), closedCases.size(), openAt(to, to));
		Overdue overdue = new Overdue(overdueOpen, closedLate, overdueOpen + closedLate);

		Map<String, Long> breaches = counts(names(PenaltyRule.values()), """
				SELECT rule, COUNT(*) FROM penalty_entry
				WHERE recorded_at >= ? AND recorded_at < ? AND voided_at IS NULL GROUP BY rule""", from, to);
		Penalties penalties = this.jdbc.queryForObject("""
				SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM penalty_entry
				WHERE recorded_at >= ? AND recorded_at < ? AND voided_at IS NULL""",
				(rs, row) -> new Penalties(rs.getLong(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP)), from,
				to);

		return new ComplaintReport(period, zone().getId(), this.clock.instant(), registered, cases, overdue,
				breaches, durations(verifiedCases), durations(closedCases), satisfaction(from, to), callbacks(from, to),
				upgrades(from, to), outcomes(from, to), penalties, staffRatings(from, to));
	}

	/** The report as CSV: a header row, then one {@code section,key,value} row per figure. */
	public String csv(ComplaintReport report) {
		return ReportText.csv(report, null);
	}

	/** A released report as CSV, with its release ({@code report,released,true}, when and by whom). */
	public String csv(StoredReport released) {
		return ReportText.csv(released.report(), released);
	}

	/** A few lines for the body of an e-mail announcing the report. */
	public String summaryText(ComplaintReport report) {
		return ReportText.summary(report, ZoneId.of(report.zone()));
	}

	private Registered registered(Timestamp from, Timestamp to) {
		String where = " FROM complaint WHERE received_at >= ? AND received_at < ?";
		long[] totals = this.jdbc.queryForObject(
				"SELECT COUNT(*), COALESCE(SUM(CASE WHEN major THEN 1 ELSE 0 END), 0)" + where,
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, from, to);
		return new Registered(totals[0], totals[1],
				counts(LEVELS, "SELECT complaint_level, COUNT(*)" + where + " GROUP BY complaint_level", from, to),
				counts(names(Channel.values()), "SELECT channel, COUNT(*)" + where + " GROUP BY channel", from, to),
				counts(names(Category.values()), "SELECT category, COUNT(*)" + where + " GROUP BY category", from, to),
				counts(names(ComplainantType.values()),
						"SELECT complainant_type, COUNT(*)" + where + " GROUP BY complainant_type", from, to));
	}

	/** Cases received before {@code receivedBefore} and still open at {@code end}. */
	private long openAt(Timestamp end, Timestamp receivedBefore) {
		// two counts rather than "closed_at IS NULL OR closed_at >= ?", so that each uses an index
		Long open = this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE status = ? AND received_at < ?",
				Long.class, CaseStatus.OPEN.name(), receivedBefore);
		Long closedLater = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM complaint WHERE status = ? AND closed_at >= ? AND received_at < ?", Long.class,
				CaseStatus.CLOSED.name(), end, receivedBefore);
		return open + closedLater;
	}

	private Durations durations(List<Instant[]> cases) {
		List<Double> days = new ArrayList<>(cases.size());
		cases.forEach((c) -> days.add(this.workingTime.workingDays(c[0], c[1])));
		days.sort(Double::compare);
		return new Durations(days.size(), WorkingTime.percentile(days, 0.5), WorkingTime.percentile(days, 0.9));
	}

	private Satisfaction satisfaction(Timestamp from, Timestamp to) {
		Map<String, Long> distribution = counts(ANSWERS, """
				SELECT satisfaction, COUNT(*) FROM complaint_round
				WHERE called_back_at >= ? AND called_back_at < ? AND reached = TRUE AND satisfaction IS NOT NULL
				GROUP BY satisfaction""", from, to);
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

	private Callbacks callbacks(Timestamp from, Timestamp to) {
		// a callback is due once the round's handling was approved (POLICY §6: within 3 days of it)
		long[] counts = this.jdbc.queryForObject("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN reached = TRUE THEN 1 ELSE 0 END), 0) FROM complaint_round
				WHERE handled_at >= ? AND handled_at < ? AND review_approved = TRUE""",
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, from, to);
		BigDecimal rate = (counts[0] == 0) ? BigDecimal.ZERO.setScale(1)
				: BigDecimal.valueOf(counts[1] * 100).divide(BigDecimal.valueOf(counts[0]), 1, RoundingMode.HALF_UP);
		return new Callbacks(counts[0], counts[1], rate);
	}

	private Upgrades upgrades(Timestamp from, Timestamp to) {
		Map<Integer, Long> byRound = new TreeMap<>();
		this.jdbc.query("""
				SELECT round_no, COUNT(*) FROM complaint_round
				WHERE started_at >= ? AND started_at < ? AND round_no >= 2 GROUP BY round_no""",
				(rs) -> {
					byRound.put(rs.getInt(1), rs.getLong(2));
				}, from, to);
		Map<String, Long> labelled = new LinkedHashMap<>();
		byRound.forEach((round, count) -> labelled.put(String.valueOf(round), count));
		return new Upgrades(byRound.values().stream().mapToLong(Long::longValue).sum(), labelled);
	}

	private Map<String, Long> outcomes(Timestamp from, Timestamp to) {
		return counts(names(Outcome.values()), """
				SELECT COALESCE(outcome, 'NONE'), COUNT(*) FROM complaint
				WHERE closed_at >= ? AND closed_at < ? GROUP BY outcome""", from, to);
	}

	private List<HandlerRatings> staffRatings(Timestamp from, Timestamp to) {
		Map<String, Map<String, Map<String, Long>>> byHandler = new TreeMap<>();
		RATING_COLUMNS.forEach((dimension, column) -> this.jdbc.query("""
				SELECT COALESCE(handled_by, handler_group), %1$s, COUNT(*) FROM complaint_round
				WHERE called_back_at >= ? AND called_back_at < ? AND %1$s IS NOT NULL
				GROUP BY COALESCE(handled_by, handler_group), %1$s""".formatted(column), (rs) -> {
			Map<String, Long> answers = byHandler.computeIfAbsent(rs.getString(1), (handler) -> emptyRatings())
				.get(dimension);
			answers.merge(rs.getString(2), rs.getLong(3), Long::sum);
		}, from, to));
		return byHandler.entrySet().stream().map((e) -> new HandlerRatings(e.getKey(), e.getValue())).toList();
	}

	private static Map<String, Map<String, Long>> emptyRatings() {
		Map<String, Map<String, Long>> ratings = new LinkedHashMap<>();
		RATING_COLUMNS.keySet().forEach((dimension) -> ratings.put(dimension, zeros(names(StaffRating.values()))));
		return ratings;
	}

	/** {@code key, count} rows into a map with every expected key, 0 where no row came. */
	private Map<String, Long> counts(List<String> keys, String sql, Object... args) {
		Map<String, Long> counts = zeros(keys);
		this.jdbc.query(sql, (rs) -> {
			counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
		}, args);
		return counts;
	}

	private List<Instant[]> pairs(String sql, Object... args) {
		return this.jdbc.query(sql,
				(rs, row) -> new Instant[] { rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant() }, args);
	}

	private static Map<String, Long> zeros(List<String> keys) {
		Map<String, Long> zeros = new LinkedHashMap<>();
		keys.forEach((key) -> zeros.put(key, 0L));
		return zeros;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	private static Map<String, String> ratingColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("attitude", "rating_attitude");
		columns.put("skill", "rating_skill");
		columns.put("arrival", "rating_arrival");
		columns.put("promises", "rating_promises");
		return columns;
	}

}
