package io.complaintdesk.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The read model the complaint package publishes for reports (POLICY §10): counts over the
 * registry's tables {@code complaint} and {@code complaint_round}, each one query over an indexed
 * time column (see {@code V6__reports.sql}). Read-only; {@link ComplaintRegistry} is the only
 * writer. Periods are half-open {@code [from, to)}.
 */
@Repository
public class ComplaintStatistics {

	/** What registered complaints are counted by. */
	public enum Dimension {

		LEVEL("complaint_level"), CHANNEL("channel"), CATEGORY("category"), COMPLAINANT_TYPE("complainant_type");

		private final String column;

		Dimension(String column) {
			this.column = column;
		}

	}

	/** The four staff ratings of POLICY §6, by the name the report uses. */
	public enum Rating {

		ATTITUDE("attitude", "rating_attitude"), SKILL("skill", "rating_skill"), ARRIVAL("arrival", "rating_arrival"),
		PROMISES("promises", "rating_promises");

		private final String label;

		private final String column;

		Rating(String label, String column) {
			this.label = label;
			this.column = column;
		}

		public String label() {
			return this.label;
		}

	}

	private final JdbcTemplate jdbc;

	ComplaintStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Complaints received in the period, and how many of them are major. */
	public long[] received(Instant from, Instant to) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*), COALESCE(SUM(CASE WHEN major THEN 1 ELSE 0 END), 0) FROM complaint"
						+ " WHERE received_at >= ? AND received_at < ?",
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, ts(from), ts(to));
	}

	/** Complaints received in the period by one dimension: every key, 0 where none. */
	public Map<String, Long> receivedBy(Dimension dimension, List<String> keys, Instant from, Instant to) {
		return counts(keys, "SELECT " + dimension.column + ", COUNT(*) FROM complaint"
				+ " WHERE received_at >= ? AND received_at < ? GROUP BY " + dimension.column, from, to);
	}

	/** Receipt and closure of the cases closed in the period. */
	public List<Instant[]> closed(Instant from, Instant to) {
		return pairs("SELECT received_at, closed_at FROM complaint WHERE closed_at >= ? AND closed_at < ?", from, to);
	}

	/** Receipt and verification of the cases verified in the period. */
	public List<Instant[]> verified(Instant from, Instant to) {
		return pairs("SELECT received_at, verified_at FROM complaint WHERE verified_at >= ? AND verified_at < ?", from,
				to);
	}

	/** Cases received before {@code receivedBefore} and still open at {@code end}. */
	public long openAt(Instant end, Instant receivedBefore) {
		// two counts rather than "closed_at IS NULL OR closed_at >= ?", so that each uses an index
		Long open = this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE status = ? AND received_at < ?",
				Long.class, CaseStatus.OPEN.name(), ts(receivedBefore));
		Long closedLater = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM complaint WHERE status = ? AND closed_at >= ? AND received_at < ?", Long.class,
				CaseStatus.CLOSED.name(), ts(end), ts(receivedBefore));
		return open + closedLater;
	}

	/** Satisfaction answers of the customers reached in the period, {@code "1"}–{@code "5"}. */
	public Map<String, Long> satisfaction(List<String> answers, Instant from, Instant to) {
		return counts(answers, """
				SELECT satisfaction, COUNT(*) FROM complaint_round
				WHERE called_back_at >= ? AND called_back_at < ? AND reached = TRUE AND satisfaction IS NOT NULL
				GROUP BY satisfaction""", from, to);
	}

	/** Rounds whose handling was approved in the period, and how many of them reached the customer. */
	public long[] callbacks(Instant from, Instant to) {
		// a callback is due once the round's handling was approved (POLICY §6: within 3 days of it)
		return this.jdbc.queryForObject("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN reached = TRUE THEN 1 ELSE 0 END), 0) FROM complaint_round
				WHERE handled_at >= ? AND handled_at < ? AND review_approved = TRUE""",
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, ts(from), ts(to));
	}

	/** Rounds 2 and later started in the period (upgrades), by round. */
	public Map<Integer, Long> upgradesByRound(Instant from, Instant to) {
		Map<Integer, Long> byRound = new TreeMap<>();
		this.jdbc.query("""
				SELECT round_no, COUNT(*) FROM complaint_round
				WHERE started_at >= ? AND started_at < ? AND round_no >= 2 GROUP BY round_no""", (rs) -> {
			byRound.put(rs.getInt(1), rs.getLong(2));
		}, ts(from), ts(to));
		return byRound;
	}

	/** Outcomes of the cases closed in the period ({@code NONE} when none was recorded). */
	public Map<String, Long> outcomes(List<String> keys, Instant from, Instant to) {
		return counts(keys, """
				SELECT COALESCE(outcome, 'NONE'), COUNT(*) FROM complaint
				WHERE closed_at >= ? AND closed_at < ? GROUP BY outcome""", from, to);
	}

	/** One rating given in the period: handler (or group), answer, count. */
	public List<RatingCount> ratings(Rating rating, Instant from, Instant to) {
		List<RatingCount> rows = new ArrayList<>();
		this.jdbc.query("""
				SELECT COALESCE(handled_by, handler_group), %1$s, COUNT(*) FROM complaint_round
				WHERE called_back_at >= ? AND called_back_at < ? AND %1$s IS NOT NULL
				GROUP BY COALESCE(handled_by, handler_group), %1$s""".formatted(rating.column), (rs) -> {
			rows.add(new RatingCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
		}, ts(from), ts(to));
		return rows;
	}

	public record RatingCount(String handler, String answer, long count) {
	}

	/**
	 * POLICY §7 考核相关部门和责任者: the responsible departments the investigation reports of the
	 * rounds handled in the period named, with how many cases each, most first (ties by name).
	 */
	public List<DepartmentCount> responsibleDepartments(Instant from, Instant to) {
		return this.jdbc.query("""
				SELECT responsible_department, COUNT(DISTINCT case_number) FROM complaint_round
				WHERE handled_at >= ? AND handled_at < ? AND responsible_department IS NOT NULL
				GROUP BY responsible_department ORDER BY COUNT(DISTINCT case_number) DESC, responsible_department""",
				(rs, row) -> new DepartmentCount(rs.getString(1), rs.getLong(2)), ts(from), ts(to));
	}

	public record DepartmentCount(String department, long cases) {
	}

	/** {@code key, count} rows into a map with every expected key, 0 where no row came. */
	private Map<String, Long> counts(List<String> keys, String sql, Instant from, Instant to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		keys.forEach((key) -> counts.put(key, 0L));
		this.jdbc.query(sql, (rs) -> {
			counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
		}, ts(from), ts(to));
		return counts;
	}

	private List<Instant[]> pairs(String sql, Instant from, Instant to) {
		return this.jdbc.query(sql,
				(rs, row) -> new Instant[] { rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant() }, ts(from),
				ts(to));
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
