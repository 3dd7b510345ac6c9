package io.complaintdesk.complaint.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The attachments of the cases: tables {@code case_attachment} (what they are) and
 * {@code case_attachment_chunk} (their bytes). The bytes go in and out in chunks of
 * {@value #CHUNK_BYTES} bytes, one statement per chunk, so memory holds one chunk whatever the
 * file's size (PostgreSQL's driver reads a {@code bytea} value whole).
 */
@Repository
class CaseAttachments {

	static final int CHUNK_BYTES = 256 * 1024;

	private static final String COLUMNS = "id, case_number, file_name, content_type, size_bytes, sha256, description, kind, "
			+ "uploaded_by, uploaded_at";

	private final JdbcTemplate jdbc;

	CaseAttachments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an attachment; its bytes follow with {@link #writeContent}. */
	long add(Attachment a) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("""
					INSERT INTO case_attachment (case_number, file_name, content_type, size_bytes, sha256, description,
					    kind, uploaded_by, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			statement.setString(1, a.caseNumber());
			statement.setString(2, a.fileName());
			statement.setString(3, a.contentType());
			statement.setLong(4, a.size());
			statement.setString(5, a.sha256());
			statement.setString(6, a.description());
			statement.setString(7, a.kind().name());
			statement.setString(8, a.uploadedBy());
			statement.setTimestamp(9, Timestamp.from(a.uploadedAt()));
			return statement;
		}, key);
		return key.getKeyAs(Number.class).longValue();
	}

	/** Writes the content chunk by chunk; answers how many bytes it wrote. */
	long writeContent(long id, InputStream content) throws IOException {
		byte[] buffer = new byte[CHUNK_BYTES];
		long total = 0;
		int chunk = 0;
		int filled;
		while ((filled = content.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
			byte[] data = (filled == CHUNK_BYTES) ? buffer : java.util.Arrays.copyOf(buffer, filled);
			this.jdbc.update("INSERT INTO case_attachment_chunk (attachment_id, chunk_no, data) VALUES (?, ?, ?)", id,
					chunk++, data);
			total += filled;
		}
		return total;
	}

	/** Streams the content to {@code out}, one chunk in memory at a time. */
	void copyContent(long id, OutputStream out) throws IOException {
		Integer chunks = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM case_attachment_chunk WHERE attachment_id = ?", Integer.class, id);
		for (int i = 0; i < ((chunks != null) ? chunks : 0); i++) {
			byte[] data = this.jdbc.queryForObject(
					"SELECT data FROM case_attachment_chunk WHERE attachment_id = ? AND chunk_no = ?", byte[].class, id, i);
			out.write(data);
		}
	}

	List<Attachment> of(String caseNumber) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM case_attachment WHERE case_number = ? ORDER BY uploaded_at, id",
				CaseAttachments::attachment, caseNumber);
	}

	Optional<Attachment> find(String caseNumber, long id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM case_attachment WHERE case_number = ? AND id = ?",
				CaseAttachments::attachment, caseNumber, id).stream().findFirst();
	}

	/** The bytes all attachments of a case take together (the per-case limit). */
	long totalSize(String caseNumber) {
		Long total = this.jdbc.queryForObject(
				"SELECT COALESCE(SUM(size_bytes), 0) FROM case_attachment WHERE case_number = ?", Long.class, caseNumber);
		return (total != null) ? total : 0;
	}

	/** Whether the case has an attachment of this kind uploaded since then (the signed visit sheet). */
	boolean hasKindSince(String caseNumber, AttachmentKind kind, Instant since) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM case_attachment WHERE case_number = ? AND kind = ? AND uploaded_at >= ?",
				Integer.class, caseNumber, kind.name(), Timestamp.from(since));
		return count != null && count > 0;
	}

	private static Attachment attachment(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getString("case_number"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("description"), AttachmentKind.valueOf(rs.getString("kind")), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant());
	}

	record Attachment(long id, String caseNumber, String fileName, String contentType, long size, String sha256,
			String description, AttachmentKind kind, String uploadedBy, Instant uploadedAt) {
	}

}
