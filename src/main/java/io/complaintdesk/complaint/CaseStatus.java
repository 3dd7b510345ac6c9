package io.complaintdesk.complaint;

/** Whether a case is still being worked. */
public enum CaseStatus {

	OPEN, CLOSED

}
