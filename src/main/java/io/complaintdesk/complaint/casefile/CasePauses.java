package io.complaintdesk.complaint.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The pauses of the cases (等待客户（暂停计时）): table {@code case_pause}, one row per pause. */
@Repository
class CasePauses {

	private final JdbcTemplate jdbc;

	CasePauses(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void open(String caseNumber, String reason, String pausedBy, Instant at) {
		this.jdbc.update("INSERT INTO case_pause (case_number, reason, paused_by, paused_at) VALUES (?, ?, ?, ?)",
				caseNumber, reason, pausedBy, Timestamp.from(at));
	}

	Optional<Pause> current(String caseNumber) {
		return this.jdbc.query("SELECT * FROM case_pause WHERE case_number = ? AND resumed_at IS NULL", this::pause,
				caseNumber).stream().findFirst();
	}

	void close(long id, String resumedBy, Instant at, long workingSeconds) {
		this.jdbc.update("UPDATE case_pause SET resumed_by = ?, resumed_at = ?, working_seconds = ? WHERE id = ?",
				resumedBy, Timestamp.from(at), workingSeconds, id);
	}

	List<Pause> of(String caseNumber) {
		return this.jdbc.query("SELECT * FROM case_pause WHERE case_number = ? ORDER BY paused_at, id", this::pause,
				caseNumber);
	}

	private Pause pause(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp resumedAt = rs.getTimestamp("resumed_at");
		long seconds = rs.getLong("working_seconds");
		return new Pause(rs.getLong("id"), rs.getString("reason"), rs.getString("paused_by"),
				rs.getTimestamp("paused_at").toInstant(), rs.getString("resumed_by"),
				(resumedAt != null) ? resumedAt.toInstant() : null, rs.wasNull() ? null : seconds);
	}

	record Pause(long id, String reason, String pausedBy, Instant pausedAt, String resumedBy, Instant resumedAt,
			Long workingSeconds) {
	}

}
