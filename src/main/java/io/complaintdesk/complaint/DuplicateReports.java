package io.complaintdesk.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Further reports of the matter of an open case (table {@code complaint_duplicate_report}, POLICY §2
 * 对同一问题多次投诉…应作一次记录): each is added to the case with its channel, time of receipt and
 * words; no new case, no repeat flag. Writes run in the caller's transaction.
 */
@Repository
public class DuplicateReports {

	private final JdbcTemplate jdbc;

	DuplicateReports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String caseNumber, DuplicateReport report) {
		this.jdbc.update("""
				INSERT INTO complaint_duplicate_report (case_number, channel, received_at, recorded_at, recorded_by,
				    description, contact_email)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", caseNumber, report.channel().name(), Timestamp.from(report.receivedAt()),
				Timestamp.from(report.recordedAt()), report.recordedBy(), report.description(), report.contactEmail());
	}

	/** The further reports of a case, in the order they were received. */
	public List<DuplicateReport> of(String caseNumber) {
		return this.jdbc.query("""
				SELECT * FROM complaint_duplicate_report WHERE case_number = ? ORDER BY received_at, id""",
				(rs, row) -> new DuplicateReport(Channel.valueOf(rs.getString("channel")),
						rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
						rs.getString("recorded_by"), rs.getString("description"), rs.getString("contact_email")),
				caseNumber);
	}

	/**
	 * One further report of the same matter: how, when and in which words it came, who recorded it;
	 * the e-mail address it gave is kept for the desk, never shown with the case (POLICY §9).
	 */
	public record DuplicateReport(Channel channel, Instant receivedAt, Instant recordedAt, String recordedBy,
			String description, @JsonIgnore String contactEmail) {
	}

}
