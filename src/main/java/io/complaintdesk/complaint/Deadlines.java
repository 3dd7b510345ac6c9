package io.complaintdesk.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.complaintdesk.calendar.WorkingCalendar;

/**
 * Due dates and timer dates of the complaint models, used as
 * {@code camunda:dueDate="${deadlines.…(execution)}"} and {@code timeDate="${deadlines.…}"}, so
 * that a task's due date in Tasklist and the timer that fires when it is missed come from one
 * place. Working days are counted on the {@link WorkingCalendar} (weekends, public holidays and
 * adjusted working days); plain durations where the policy counts days.
 */
@Component("deadlines")
public class Deadlines {

	private final ComplaintDeskProperties properties;

	private final WorkingCalendar calendar;

	private final Clock clock;

	Deadlines(ComplaintDeskProperties properties, WorkingCalendar calendar, Clock clock) {
		this.clock = clock;
		this.properties = properties;
		this.calendar = calendar;
	}

	/** A moment as the desk reads it, e.g. {@code 2026-11-23 10:00}, in the desk's zone. */
	public String localText(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(this.clock.getZone())
			.format(instant);
	}

	/** POLICY §5: the whole case within 7 days of receipt. */
	public Date closeBy(Instant receivedAt) {
		return Date.from(receivedAt.plus(this.properties.caseDeadline()));
	}

	/** The case's close-by as the registry has it: moved by every pause (等待客户), else 7 days after receipt. */
	public Instant closeBy(ComplaintRegistry.ComplaintRecord complaint) {
		return (complaint.movedCloseBy() != null) ? complaint.movedCloseBy() : closeBy(complaint.receivedAt()).toInstant();
	}

	/** The case deadline counted from now; the overdue timer is set when the case starts. */
	public Date caseCloseFromNow(VariableScope scope) {
		return closeBy(now());
	}

	/** Verification: reach the customer within 1 working day of receipt (POLICY §3). */
	public Date firstContact(VariableScope scope) {
		return workingDaysAfter(receivedAt(scope), this.properties.deadlines().firstContactWorkingDays());
	}

	/** Handling: a solution within 1 working day (POLICY §5). */
	public Date solution(VariableScope scope) {
		return workingDaysAfter(now(), this.properties.deadlines().solutionWorkingDays());
	}

	/** The next progress contact: every 5 working days at level 1, every 3 at levels 2 and 3. */
	public Date nextProgressContact(VariableScope scope) {
		int level = ComplaintProcess.LEVEL.getOrDefault(scope, 1);
		ComplaintDeskProperties.Deadlines deadlines = this.properties.deadlines();
		int days = (level <= 1) ? deadlines.progressContactWorkingDays()
				: deadlines.progressContactWorkingDaysHigherLevels();
		return workingDaysAfter(now(), days);
	}

	/** Approvals, reviews and the archive: by the case deadline. */
	public Date caseClose(VariableScope scope) {
		return closeBy(receivedAt(scope));
	}

	/** Callback within 3 days of handling ending (POLICY §6). */
	public Date callback(VariableScope scope) {
		return fromNow(this.properties.deadlines().callback());
	}

	/** The callback deadline counted from now; the missed-callback timer starts with the callback. */
	public Date callbackFromNow(VariableScope scope) {
		return callback(scope);
	}

	/** Brand and legal acknowledge a major-complaint warning within 24 hours (POLICY §4). */
	public Date within24Hours(VariableScope scope) {
		return fromNow(this.properties.deadlines().majorWarning());
	}

	/** The general manager's weekly meeting. */
	public Date gmMeeting(VariableScope scope) {
		return fromNow(this.properties.deadlines().gmMeeting());
	}

	private Date workingDaysAfter(Instant from, int days) {
		return Date.from(this.calendar.plusWorkingDays(from, days));
	}

	private Instant receivedAt(VariableScope scope) {
		Date receivedAt = ComplaintProcess.RECEIVED_AT.get(scope);
		return (receivedAt != null) ? receivedAt.toInstant() : now();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private Date fromNow(Duration duration) {
		return Date.from(now().plus(duration));
	}

}
