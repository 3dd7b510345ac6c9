package io.complaintdesk.complaint.casefile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/** The case file as other packages' process tests need it: the signed visit sheet of a visit callback. */
public final class CaseFileFixtures {

	private CaseFileFixtures() {
	}

	/** Stores a photographed visit sheet for the case, as {@code POST …/attachments} with {@code kind=VISIT_SHEET} does. */
	public static void visitSheetUploaded(JdbcTemplate jdbc, String caseNumber, String user, Instant at) {
		CaseAttachments attachments = new CaseAttachments(jdbc);
		byte[] photo = SampleFiles.jpeg();
		long id = attachments.add(new CaseAttachments.Attachment(0, caseNumber, "回访单.jpg", "image/jpeg", photo.length,
				"-", null, AttachmentKind.VISIT_SHEET, user, at));
		try {
			attachments.writeContent(id, new ByteArrayInputStream(photo));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
