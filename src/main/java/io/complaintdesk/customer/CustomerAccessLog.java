package io.complaintdesk.customer;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every read of a confidential customer record (POLICY §9): table {@code customer_access_log}.
 * Written in the reader's transaction, so there is no read without its entry.
 */
@Repository
class CustomerAccessLog {

	static final int MAX_ENDPOINT = 200;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CustomerAccessLog(JdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	void record(String customerId, String readBy, String endpoint) {
		String shortened = (endpoint.length() > MAX_ENDPOINT) ? endpoint.substring(0, MAX_ENDPOINT) : endpoint;
		this.jdbc.update("INSERT INTO customer_access_log (customer_id, read_by, read_at, endpoint) VALUES (?, ?, ?, ?)",
				customerId, readBy, Timestamp.from(this.clock.instant()), shortened);
	}

	/**
	 * The entries, newest first.
	 * @param customerId {@code null} for every customer
	 * @param readBy {@code null} for every reader
	 */
	List<AccessLogEntry> entries(String customerId, String readBy) {
		StringBuilder sql = new StringBuilder("SELECT * FROM customer_access_log WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (customerId != null) {
			sql.append(" AND customer_id = ?");
			args.add(customerId);
		}
		if (readBy != null) {
			sql.append(" AND read_by = ?");
			args.add(readBy);
		}
		sql.append(" ORDER BY read_at DESC, id DESC");
		return this.jdbc.query(sql.toString(), CustomerAccessLog::entry, args.toArray());
	}

	private static AccessLogEntry entry(ResultSet rs, int row) throws SQLException {
		return new AccessLogEntry(rs.getLong("id"), rs.getString("customer_id"), rs.getString("read_by"),
				rs.getTimestamp("read_at").toInstant(), rs.getString("endpoint"));
	}

	record AccessLogEntry(long id, String customerId, String readBy, Instant readAt, String endpoint) {
	}

}
