package io.complaintdesk.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of the complaint tasks, used by the models as {@code camunda:dueDate="${deadlines.…}"}
 * so that Tasklist can sort by due date and show what is overdue. Plain durations from
 * {@code complaint-desk.deadlines}; counting in working days is the working-calendar's job.
 */
@Component("deadlines")
public class Deadlines {

	private final ComplaintDeskProperties properties;

	Deadlines(ComplaintDeskProperties properties) {
		this.properties = properties;
	}

	/** POLICY §5: the whole case within 7 days of receipt. */
	public Date closeBy(Instant receivedAt) {
		return Date.from(receivedAt.plus(this.properties.caseDeadline()));
	}

	/** Verification: reach the customer within a working day of receipt (POLICY §3). */
	public Date firstContact(VariableScope scope) {
		return Date.from(receivedAt(scope).plus(this.properties.deadlines().firstContact()));
	}

	/** Handling: a solution within a working day (POLICY §5). */
	public Date solution(VariableScope scope) {
		return fromNow(this.properties.deadlines().solution());
	}

	/** Approvals, reviews and the archive: by the case deadline. */
	public Date caseClose(VariableScope scope) {
		return closeBy(receivedAt(scope));
	}

	/** Callback within 3 days of handling ending (POLICY §6). */
	public Date callback(VariableScope scope) {
		return fromNow(this.properties.deadlines().callback());
	}

	/** The general manager's weekly meeting. */
	public Date gmMeeting(VariableScope scope) {
		return fromNow(this.properties.deadlines().gmMeeting());
	}

	private static Instant receivedAt(VariableScope scope) {
		return ComplaintProcess.RECEIVED_AT.require(scope).toInstant();
	}

	private static Date fromNow(Duration duration) {
		return Date.from(ClockUtil.now().toInstant().plus(duration));
	}

}
