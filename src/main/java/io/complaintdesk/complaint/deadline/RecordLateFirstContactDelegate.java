package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.notification.Notifications;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.system.ComplaintMetrics;
import io.complaintdesk.system.Groups;

/**
 * The customer was not reached within a working day of receipt (POLICY §3, §7): a penalty entry
 * against the handler who had the verification (or the agents, if nobody had claimed it), and the
 * supervisors are told. Both writes are idempotent, so a timer job that runs twice records once.
 */
@Component("recordLateFirstContact")
class RecordLateFirstContactDelegate implements JavaDelegate {

	private final PenaltyLedger penalties;

	private final Notifications notifications;

	private final ComplaintMetrics metrics;

	RecordLateFirstContactDelegate(PenaltyLedger penalties, Notifications notifications, ComplaintMetrics metrics) {
		this.penalties = penalties;
		this.notifications = notifications;
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		String handler = ResponsibleHandler.of(execution, Elements.VERIFY_COMPLAINT, Groups.AGENTS);
		if (this.penalties.record(caseNumber, handler, PenaltyRule.LATE_FIRST_CONTACT, "first-contact",
				"Customer not reached within a working day of receipt")) {
			this.metrics.deadlineBreached("LATE_FIRST_CONTACT");
		}
		this.notifications.notifyGroup("late-first-contact:" + caseNumber, caseNumber, Groups.SUPERVISORS,
				"Complaint " + caseNumber + ": first contact overdue",
				"The customer " + CUSTOMER_NAME.get(execution) + " of complaint " + caseNumber
						+ " was not reached within a working day of receipt (POLICY §3). Responsible: " + handler
						+ ". A penalty entry has been recorded for review.");
	}

}
