package io.complaintdesk.complaint.casefile;

import java.time.Instant;

/**
 * One line of a case's timeline (处理记录, CONTRACT "The case file"): when, what kind, who (a user id,
 * {@code null} for the desk itself) and the text staff read.
 */
public record TimelineEntry(Instant at, Type type, String actor, String text) {

	public enum Type {

		REGISTERED, TASK_COMPLETED, ROUND_STARTED, NOTE, ATTACHMENT, DUPLICATE_REPORT, PAUSED, RESUMED, NOTIFICATION, CLOSED

	}

}
