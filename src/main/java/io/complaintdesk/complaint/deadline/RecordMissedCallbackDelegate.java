package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Text;

/**
 * No satisfaction callback within 3 days of handling ending (POLICY §6, §7): a penalty entry (50)
 * against whoever had the callback, or the callback group, and the supervisors are told. Once per
 * handling round.
 */
@Component("recordMissedCallback")
class RecordMissedCallbackDelegate implements JavaDelegate {

	private final Breaches breaches;

	RecordMissedCallbackDelegate(Breaches breaches) {
		this.breaches = breaches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		int round = ROUND.getOrDefault(execution, 1);
		this.breaches.record(caseNumber,
				ResponsibleHandler.of(execution, CallbackProcess.Elements.CALLBACK_CUSTOMER,
						CALLBACK_GROUP.getOrDefault(execution, Groups.AGENTS)),
				PenaltyRule.MISSED_CALLBACK, "round-" + round, Text.of("penalty.detail.missedCallback", round),
				Text.of("notification.missedCallback.subject", caseNumber),
				Text.of("notification.missedCallback.body", caseNumber, round));
	}

}
