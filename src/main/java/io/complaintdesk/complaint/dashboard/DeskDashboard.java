package io.complaintdesk.complaint.dashboard;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.CaseStatus;
import io.complaintdesk.complaint.ComplaintDeskProperties;
import io.complaintdesk.complaint.dashboard.Dashboard.CaseLine;
import io.complaintdesk.complaint.dashboard.Dashboard.CaseList;
import io.complaintdesk.complaint.dashboard.Dashboard.LevelAges;
import io.complaintdesk.complaint.dashboard.Dashboard.Month;
import io.complaintdesk.complaint.dashboard.Dashboard.OpenCases;
import io.complaintdesk.complaint.dashboard.Dashboard.Satisfaction;
import io.complaintdesk.complaint.dashboard.Dashboard.Week;

/**
 * Counts the figures of the Cockpit "Complaint desk" dashboard in the complaint registry (tables
 * {@code complaint} and {@code complaint_round}). Every figure is a {@code COUNT}/{@code SUM} in
 * SQL; only the case lists return rows, at most {@value #LIST_LIMIT} each. Portable SQL (H2 and
 * PostgreSQL): instants are compared as timestamps bound by JDBC, so months and weeks of the desk's
 * zone are worked out here, not with the database's date functions or its zone.
 * <p>
 * Definitions, with the case deadline {@code D} = receipt + {@code complaint-desk.case-deadline}
 * (POLICY §5: 7 days):
 * <ul>
 * <li>age buckets of open cases: under 1 day, 1 day up to 3 days, 3 days up to and including 7
 * days, over 7 days;</li>
 * <li>close-by: {@code D}, or the close-by a pause moved ({@code complaint.close_by}, set on resume);</li>
 * <li>overdue: open, not waiting for the customer ({@code paused_since} unset: its clocks stand
 * still), and now is after the close-by (as {@code GET /api/complaints/{caseNumber}} has it);</li>
 * <li>at risk: open, not waiting, not overdue, and the close-by no later than one working day from now on the
 * {@link WorkingCalendar} (Friday 16:00 → Monday 16:00; after hours → the next working day's
 * start + 1 working day);</li>
 * <li>satisfaction: the answers of callbacks that reached the customer, recorded this month;
 * upgrades: handling rounds 2 and later started this month (both as the monthly report of
 * {@code io.complaintdesk.report.Reports} counts them);</li>
 * <li>weekly trend: received and closed per ISO week (Monday 00:00 of the desk's zone), the
 * current week and the 7 before it.</li>
 * </ul>
 */
@Service
public class DeskDashboard {

	/** At most this many cases per list; the count is always the full one. */
	public static final int LIST_LIMIT = 50;

	static final int WEEKS = 8;

	private static final int[] LEVELS = { 1, 2, 3 };

	private static final String OPEN = "'" + CaseStatus.OPEN.name() + "'";

	private static final String CASE_COLUMNS = "case_number, process_instance_id, complaint_level, major, "
			+ "customer_name, received_at, close_by";

	private final JdbcTemplate jdbc;

	private final WorkingCalendar calendar;

	private final ZoneId zone;

	private final Duration caseDeadline;

	DeskDashboard(JdbcTemplate jdbc, WorkingCalendar calendar, ComplaintDeskProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.zone = clock.getZone();
		this.caseDeadline = properties.caseDeadline();
	}

	/** The figures as of {@code now}, read in one repeatable-read transaction so that they agree with each other. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Dashboard at(Instant now) {
		Instant atRiskBy = this.calendar.plusWorkingDays(now, 1);
		return new Dashboard(now, this.zone.getId(), open(now), atRisk(now, atRiskBy), overdue(now), major(),
				month(YearMonth.from(now.atZone(this.zone))), weeks(now), paused());
	}

	private OpenCases open(Instant now) {
		Map<Integer, LevelAges> byLevel = new TreeMap<>();
		for (int level : LEVELS) {
			byLevel.put(level, LevelAges.of(level, 0, 0, 0, 0));
		}
		Timestamp oneDay = ts(now.minus(Duration.ofDays(1)));
		Timestamp threeDays = ts(now.minus(Duration.ofDays(3)));
		Timestamp sevenDays = ts(now.minus(Duration.ofDays(7)));
		this.jdbc.query("""
				SELECT complaint_level,
				    SUM(CASE WHEN received_at > ? THEN 1 ELSE 0 END) AS under_one_day,
				    SUM(CASE WHEN received_at <= ? AND received_at > ? THEN 1 ELSE 0 END) AS one_to_three_days,
				    SUM(CASE WHEN received_at <= ? AND received_at >= ? THEN 1 ELSE 0 END) AS three_to_seven_days,
				    SUM(CASE WHEN received_at < ? THEN 1 ELSE 0 END) AS over_seven_days
				FROM complaint
				WHERE status = %s
				GROUP BY complaint_level""".formatted(OPEN), (ResultSet rs) -> {
			int level = rs.getInt("complaint_level");
			byLevel.put(level, LevelAges.of(level, rs.getLong("under_one_day"), rs.getLong("one_to_three_days"),
					rs.getLong("three_to_seven_days"), rs.getLong("over_seven_days")));
		}, oneDay, oneDay, threeDays, threeDays, sevenDays, sevenDays);
		List<LevelAges> levels = List.copyOf(byLevel.values());
		return new OpenCases(levels.stream().mapToLong(LevelAges::total).sum(), levels);
	}

	private CaseList atRisk(Instant now, Instant dueBy) {
		// not waiting, and now <= close-by <= dueBy: receipt + D, or the close-by a pause moved
		return deadlineBetween(now, dueBy, dueBy);
	}

	private CaseList overdue(Instant now) {
		// not waiting, and close-by < now (as GET /api/complaints/{caseNumber} has it)
		return deadlineBetween(null, now, null);
	}

	/**
	 * The open cases not waiting for the customer whose close-by lies in [{@code from}, {@code to}]
	 * ({@code from} null: before {@code to}, exclusive): a case never paused is due at receipt + D, a
	 * resumed one at its moved {@code close_by}. Both kinds are queried in their own deadline order
	 * and merged, so the list stays in deadline order with portable SQL (no interval arithmetic).
	 */
	private CaseList deadlineBetween(Instant from, Instant to, Instant dueBy) {
		String running = "status = " + OPEN + " AND paused_since IS NULL";
		String unmoved = running + " AND close_by IS NULL AND "
				+ ((from != null) ? "received_at >= ? AND received_at <= ?" : "received_at < ?");
		String moved = running + " AND close_by IS NOT NULL AND "
				+ ((from != null) ? "close_by >= ? AND close_by <= ?" : "close_by < ?");
		Object[] receipts = (from != null)
				? new Object[] { ts(from.minus(this.caseDeadline)), ts(to.minus(this.caseDeadline)) }
				: new Object[] { ts(to.minus(this.caseDeadline)) };
		Object[] closeBys = (from != null) ? new Object[] { ts(from), ts(to) } : new Object[] { ts(to) };
		List<CaseLine> lines = new ArrayList<>(cases(unmoved, "received_at", receipts));
		lines.addAll(cases(moved, "close_by", closeBys));
		lines.sort(Comparator.comparing(CaseLine::deadline).thenComparing(CaseLine::caseNumber));
		return new CaseList(count(unmoved, receipts) + count(moved, closeBys), dueBy,
				List.copyOf(lines.subList(0, Math.min(LIST_LIMIT, lines.size()))));
	}

	private CaseList paused() {
		String where = "status = " + OPEN + " AND paused_since IS NOT NULL";
		return new CaseList(count(where), null, cases(where, "received_at"));
	}

	private CaseList major() {
		String where = "status = " + OPEN + " AND major = TRUE";
		return new CaseList(count(where), null, cases(where, "received_at"));
	}

	private long count(String where, Object... args) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE " + where, Long.class, args);
		return (count != null) ? count : 0;
	}

	private List<CaseLine> cases(String where, String orderBy, Object... args) {
		return this.jdbc.query("SELECT " + CASE_COLUMNS + " FROM complaint WHERE " + where + " ORDER BY " + orderBy
				+ ", case_number FETCH FIRST " + LIST_LIMIT + " ROWS ONLY", this::caseLine, args);
	}

	private CaseLine caseLine(ResultSet rs, int row) throws SQLException {
		Instant receivedAt = rs.getTimestamp("received_at").toInstant();
		Timestamp closeBy = rs.getTimestamp("close_by");
		return new CaseLine(rs.getString("case_number"), rs.getString("process_instance_id"),
				rs.getInt("complaint_level"), rs.getBoolean("major"), rs.getString("customer_name"), receivedAt,
				(closeBy != null) ? closeBy.toInstant() : receivedAt.plus(this.caseDeadline));
	}

	private Month month(YearMonth month) {
		Timestamp from = ts(month.atDay(1).atStartOfDay(this.zone).toInstant());
		Timestamp to = ts(month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant());
		long[] counts = new long[6];
		this.jdbc.query("""
				SELECT satisfaction, COUNT(*) AS answers
				FROM complaint_round
				WHERE called_back_at >= ? AND called_back_at < ? AND reached = TRUE AND satisfaction IS NOT NULL
				GROUP BY satisfaction""", (ResultSet rs) -> {
			int answer = rs.getInt("satisfaction");
			if (answer >= 1 && answer <= 5) {
				counts[answer] = rs.getLong("answers");
			}
		}, from, to);
		Long upgrades = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM complaint_round WHERE round_no >= 2 AND started_at >= ? AND started_at < ?",
				Long.class, from, to);
		List<Satisfaction> satisfaction = IntStream.rangeClosed(1, 5)
			.mapToObj((answer) -> new Satisfaction(answer, counts[answer]))
			.toList();
		return new Month(month, satisfaction, satisfaction.stream().mapToLong(Satisfaction::count).sum(),
				(upgrades != null) ? upgrades : 0);
	}

	private List<Week> weeks(Instant now) {
		LocalDate thisMonday = now.atZone(this.zone)
			.toLocalDate()
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<LocalDate> mondays = IntStream.rangeClosed(0, WEEKS)
			.mapToObj((i) -> thisMonday.minusWeeks(WEEKS - 1 - i))
			.toList(); // WEEKS + 1 bounds: the last is next Monday
		List<Timestamp> bounds = mondays.stream().map((day) -> ts(day.atStartOfDay(this.zone).toInstant())).toList();
		long[] registered = perWeek("received_at", bounds);
		long[] closed = perWeek("closed_at", bounds);
		List<Week> weeks = new ArrayList<>();
		for (int i = 0; i < WEEKS; i++) {
			LocalDate monday = mondays.get(i);
			String week = "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
					monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			weeks.add(new Week(week, monday, registered[i], closed[i]));
		}
		return weeks;
	}

	/** Rows whose {@code column} falls in each week, grouped by the week's index. */
	private long[] perWeek(String column, List<Timestamp> bounds) {
		StringBuilder week = new StringBuilder("CASE");
		List<Object> args = new ArrayList<>();
		for (int i = 1; i < WEEKS; i++) {
			week.append(" WHEN ").append(column).append(" < ? THEN ").append(i - 1);
			args.add(bounds.get(i));
		}
		week.append(" ELSE ").append(WEEKS - 1).append(" END");
		args.add(bounds.get(0));
		args.add(bounds.get(WEEKS));
		long[] counts = new long[WEEKS];
		this.jdbc.query("SELECT week_index, COUNT(*) AS complaints FROM (SELECT " + week + " AS week_index "
				+ "FROM complaint WHERE " + column + " >= ? AND " + column + " < ?) weeks GROUP BY week_index",
				(ResultSet rs) -> {
					counts[rs.getInt("week_index")] = rs.getLong("complaints");
				}, args.toArray());
		return counts;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
