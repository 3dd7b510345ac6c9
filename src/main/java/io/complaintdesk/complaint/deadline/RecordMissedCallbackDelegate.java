package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.notification.Notifications;
import io.complaintdesk.penalty.PenaltyLedger;
import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.system.ComplaintMetrics;
import io.complaintdesk.system.Groups;

/**
 * No satisfaction callback within 3 days of handling ending (POLICY §6, §7): a penalty entry (50)
 * against whoever had the callback, or the callback group, and the supervisors are told. Once per
 * handling round, however often the timer job runs.
 */
@Component("recordMissedCallback")
class RecordMissedCallbackDelegate implements JavaDelegate {

	private final PenaltyLedger penalties;

	private final Notifications notifications;

	private final ComplaintMetrics metrics;

	RecordMissedCallbackDelegate(PenaltyLedger penalties, Notifications notifications, ComplaintMetrics metrics) {
		this.penalties = penalties;
		this.notifications = notifications;
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		int round = ROUND.getOrDefault(execution, 1);
		String handler = ResponsibleHandler.of(execution, CallbackProcess.Elements.CALLBACK_CUSTOMER,
				CALLBACK_GROUP.getOrDefault(execution, Groups.AGENTS));
		if (this.penalties.record(caseNumber, handler, PenaltyRule.MISSED_CALLBACK, "round-" + round,
				"No satisfaction callback within 3 days of handling ending (round " + round + ")")) {
			this.metrics.deadlineBreached("MISSED_CALLBACK");
		}
		this.notifications.notifyGroup("missed-callback:" + caseNumber + ":" + round, caseNumber, Groups.SUPERVISORS,
				"Complaint " + caseNumber + ": callback overdue",
				"The satisfaction callback of complaint " + caseNumber + " (round " + round
						+ ") was not done within 3 days of handling ending (POLICY §6). Responsible: " + handler
						+ ". A penalty entry has been recorded for review.");
	}

}
