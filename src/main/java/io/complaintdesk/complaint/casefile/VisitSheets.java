package io.complaintdesk.complaint.casefile;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * POLICY §6: "a visit needs the customer's signature". A visit callback ({@code callbackMode = VISIT})
 * completes only when the case has the signed visit sheet — an attachment uploaded with
 * {@code kind = VISIT_SHEET} (a photo or a scan; its type checked by its content like every
 * attachment) since the callback task was created.
 */
@Component
public class VisitSheets {

	private final CaseAttachments attachments;

	VisitSheets(CaseAttachments attachments) {
		this.attachments = attachments;
	}

	public boolean uploadedSince(String caseNumber, Instant since) {
		return this.attachments.hasKindSince(caseNumber, AttachmentKind.VISIT_SHEET, since);
	}

}
