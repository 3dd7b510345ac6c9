package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.notification.Notifications;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.penalty.PenaltyRule;
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

	RecordLateFirstContactDelegate(PenaltyLedger penalties, Notifications notifications) {
		this.penalties = penalties;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		String handler = ResponsibleHandler.of(execution, Elements.VERIFY_COMPLAINT, Groups.AGENTS);
		this.penalties.record(caseNumber, handler, PenaltyRule.LATE_FIRST_CONTACT, "first-contact",
				"Customer not reached within a working day of receipt");
		this.notifications.notifyGroup("late-first-contact:" + caseNumber, caseNumber, Groups.SUPERVISORS,
				"Complaint " + caseNumber + ": first contact overdue",
				"The customer " + CUSTOMER_NAME.get(execution) + " of complaint " + caseNumber
						+ " was not reached within a working day of receipt (POLICY §3). Responsible: " + handler
						+ ". A penalty entry has been recorded for review.");
	}

}
