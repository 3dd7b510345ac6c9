package io.complaintdesk.complaint;

/** How a case ended (CONTRACT). */
public enum Outcome {

	RESOLVED, NOT_SUBSTANTIATED, UNREACHABLE, GM_DECIDED

}
