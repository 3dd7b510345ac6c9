package io.complaintdesk.complaint.casefile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How long cases waited for the customer (等待客户), for the monthly statistics: the pauses that ended
 * in a period and the working hours they lasted (the time every deadline of their cases moved by).
 */
@Component
public class PausedTime {

	private final JdbcTemplate jdbc;

	PausedTime(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The pauses that ended in {@code [from, to)} (table {@code case_pause}, read only). */
	public Totals resumedBetween(Instant from, Instant to) {
		long[] totals = this.jdbc.queryForObject(
				"SELECT COUNT(*), COALESCE(SUM(working_seconds), 0) FROM case_pause WHERE resumed_at >= ? AND resumed_at < ?",
				(rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }, Timestamp.from(from), Timestamp.from(to));
		return new Totals(totals[0],
				BigDecimal.valueOf(totals[1]).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP));
	}

	/** @param workingHours paused working time, 1 decimal */
	public record Totals(long pauses, BigDecimal workingHours) {
	}

}
