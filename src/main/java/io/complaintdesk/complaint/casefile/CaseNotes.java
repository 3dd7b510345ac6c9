package io.complaintdesk.complaint.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Internal notes (内部备注) of the cases: table {@code case_note}. Never shown to the customer. */
@Repository
class CaseNotes {

	private final JdbcTemplate jdbc;

	CaseNotes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Note add(String caseNumber, String text, String writtenBy, Instant at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement(
					"INSERT INTO case_note (case_number, note_text, written_by, written_at) VALUES (?, ?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, caseNumber);
			statement.setString(2, text);
			statement.setString(3, writtenBy);
			statement.setTimestamp(4, Timestamp.from(at));
			return statement;
		}, key);
		return new Note(key.getKeyAs(Number.class).longValue(), text, writtenBy, at);
	}

	List<Note> of(String caseNumber) {
		return this.jdbc.query(
				"SELECT id, note_text, written_by, written_at FROM case_note WHERE case_number = ? ORDER BY written_at, id",
				(rs, row) -> new Note(rs.getLong("id"), rs.getString("note_text"), rs.getString("written_by"),
						rs.getTimestamp("written_at").toInstant()),
				caseNumber);
	}

	record Note(long id, String text, String writtenBy, Instant writtenAt) {
	}

}
