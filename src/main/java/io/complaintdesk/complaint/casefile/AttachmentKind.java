package io.complaintdesk.complaint.casefile;

/** What an attachment is for; chosen by the uploader ({@code kind} of the upload). */
public enum AttachmentKind {

	/** the customer's evidence, letters, invoices, call recordings (证据材料) */
	EVIDENCE,

	/** the customer's signed visit sheet, photographed or scanned (POLICY §6: a visit callback needs it) */
	VISIT_SHEET

}
