package io.complaintdesk.complaint;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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

	private final ComplaintRegistry registry;

	private final FinishedPauses finishedPauses;

	Deadlines(ComplaintDeskProperties properties, WorkingCalendar calendar, Clock clock, ComplaintRegistry registry,
			FinishedPauses finishedPauses) {
		this.clock = clock;
		this.registry = registry;
		this.finishedPauses = finishedPauses;
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

	/**
	 * The overdue timer's date: the case deadline counted from receipt (POLICY §2: a late letter's
	 * clock starts when it was received, not when it was registered). The timer is set as the
	 * instance starts, before "Take in complaint": the time of receipt is read as the start brought
	 * it (the typed complaint of the API, or the start form's ISO-8601 text); none given, now.
	 */
	public Date caseCloseFromNow(VariableScope scope) {
		return closeBy(receivedAtStart(scope));
	}

	private Instant receivedAtStart(VariableScope scope) {
		if (scope.getVariable(ComplaintProcess.NEW_COMPLAINT) instanceof NewComplaint complaint) {
			return (complaint.receivedAt() != null) ? complaint.receivedAt() : now();
		}
		Object given = scope.getVariable(ComplaintProcess.RECEIVED_AT.name());
		if (given instanceof Date date) {
			return date.toInstant();
		}
		if (given instanceof String text && !text.isBlank()) {
			try {
				return OffsetDateTime.parse(text.trim()).toInstant();
			}
			catch (DateTimeException ex) {
				// refused by "Take in complaint" right after, which rolls the start back
				return now();
			}
		}
		return now();
	}

	/** Verification: reach the customer within 1 working day of receipt (POLICY §3). */
	public Date firstContact(VariableScope scope) {
		return workingDaysAfter(receivedAt(scope), this.properties.deadlines().firstContactWorkingDays());
	}

	/** Handling: a solution within 1 working day (POLICY §5). */
	public Date solution(VariableScope scope) {
		return workingDaysAfter(caseNow(scope), this.properties.deadlines().solutionWorkingDays());
	}

	/**
	 * POLICY §5: the responsible department proposes a solution within 1 working day of the round's
	 * start; a solution sent back (refused or rejected) is reworked within 1 working day of that.
	 * Due date of "Handle complaint" and its timer "Solution overdue".
	 */
	public Date solutionProposal(VariableScope scope) {
		Date roundStartedAt = ComplaintProcess.ROUND_STARTED_AT.get(scope);
		boolean rework = ComplaintProcess.ROUND_HANDLER.get(scope) != null;
		int days = this.properties.deadlines().solutionWorkingDays();
		return (roundStartedAt != null && !rework) ? workingDaysAfterCaseMoment(roundStartedAt.toInstant(), days, scope)
				: workingDaysAfter(caseNow(scope), days);
	}

	/** The next progress contact: every 5 working days at level 1, every 3 at levels 2 and 3. */
	public Date nextProgressContact(VariableScope scope) {
		int level = ComplaintProcess.LEVEL.getOrDefault(scope, 1);
		ComplaintDeskProperties.Deadlines deadlines = this.properties.deadlines();
		int days = (level <= 1) ? deadlines.progressContactWorkingDays()
				: deadlines.progressContactWorkingDaysHigherLevels();
		return workingDaysAfter(caseNow(scope), days);
	}

	/** Approvals, reviews and the archive: by the case deadline (as the registry has it: moved by every pause). */
	public Date caseClose(VariableScope scope) {
		return caseRecord(scope).map((complaint) -> Date.from(closeBy(complaint)))
			.orElseGet(() -> closeBy(receivedAt(scope)));
	}

	/**
	 * Callback within 3 working days of handling ending (POLICY §6), counted from the review that
	 * ended the round ({@code handlingEndedAt}), so that every attempt shows the same deadline.
	 */
	public Date callback(VariableScope scope) {
		Date ended = ComplaintProcess.HANDLING_ENDED_AT.get(scope);
		int days = this.properties.deadlines().callbackWorkingDays();
		return (ended != null) ? workingDaysAfterCaseMoment(ended.toInstant(), days, scope)
				: workingDaysAfter(caseNow(scope), days);
	}

	/** The missed-callback timer: the same deadline as the callback task's due date. */
	public Date callbackFromNow(VariableScope scope) {
		return callback(scope);
	}

	/**
	 * POLICY §6: a failed callback is tried again on a later working day, at its start (never the
	 * same day): {@code complaint-desk.callback.retry-working-days} working days on.
	 */
	public Date nextCallbackAttempt(VariableScope scope) {
		return Date.from(this.calendar.startOfWorkingDayAfter(caseNow(scope),
				this.properties.callback().retryWorkingDays()));
	}

	/** Brand and legal acknowledge a major-complaint warning within 24 hours (POLICY §4). */
	public Date within24Hours(VariableScope scope) {
		return fromNow(this.properties.deadlines().majorWarning());
	}

	/** The general manager's weekly meeting. */
	public Date gmMeeting(VariableScope scope) {
		return Date.from(caseNow(scope).plus(this.properties.deadlines().gmMeeting()));
	}

	private Date workingDaysAfter(Instant from, int days) {
		return Date.from(this.calendar.plusWorkingDays(from, days));
	}

	/**
	 * Working days after a moment of the case's past, as its clocks count them: a moment within the
	 * current pause counts as its start, and every pause that ended after the moment moves the
	 * deadline by its working time — as resuming moved the deadlines that existed then.
	 */
	private Date workingDaysAfterCaseMoment(Instant from, int days, VariableScope scope) {
		Instant due = this.calendar.plusWorkingDays(caseTime(from, scope), days);
		java.util.Optional<ComplaintRegistry.ComplaintRecord> complaint = caseRecord(scope);
		if (complaint.isPresent() && complaint.get().pausedWorkingSeconds() > 0) {
			Duration paused = this.finishedPauses.workingTimeAfter(complaint.get().caseNumber(), from);
			due = this.calendar.plusWorkingTime(due, paused);
		}
		return Date.from(due);
	}

	private Instant receivedAt(VariableScope scope) {
		Date receivedAt = ComplaintProcess.RECEIVED_AT.get(scope);
		return (receivedAt != null) ? receivedAt.toInstant() : now();
	}

	/**
	 * Now as the case's clocks have it: while the case waits for the customer (等待客户), the moment
	 * its clocks stopped. A deadline set during a pause (a task completed meanwhile starts the next
	 * one) thus counts from the pause's start, and resuming moves it by the paused working time like
	 * every other deadline of the case; its timer is created suspended meanwhile
	 * ({@code engine.PausedTimersPlugin}).
	 */
	private Instant caseNow(VariableScope scope) {
		return caseTime(now(), scope);
	}

	/** A moment as the case's clocks count it: a moment within the current pause counts as its start. */
	private Instant caseTime(Instant at, VariableScope scope) {
		Instant pausedSince = caseRecord(scope).map(ComplaintRegistry.ComplaintRecord::pausedSince).orElse(null);
		return (pausedSince != null && at.isAfter(pausedSince)) ? pausedSince : at;
	}

	private java.util.Optional<ComplaintRegistry.ComplaintRecord> caseRecord(VariableScope scope) {
		String caseNumber = null;
		if (scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
			caseNumber = execution.getProcessBusinessKey();
		}
		else if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask task && task.getExecution() != null) {
			caseNumber = task.getExecution().getProcessBusinessKey();
		}
		return (caseNumber != null) ? this.registry.find(caseNumber) : java.util.Optional.empty();
	}

	private Instant now() {
		return this.clock.instant();
	}

	private Date fromNow(Duration duration) {
		return Date.from(now().plus(duration));
	}

}
