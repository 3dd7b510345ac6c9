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
 * No satisfaction callback attempted within 3 working days of handling ending (POLICY §6, §7): a
 * penalty entry (50) against whoever last held the callback, or the supervisor on duty for the
 * callback group, and the supervisors are told. Once per handling round; the model skips it when
 * an attempt is on record.
 */
@Component("recordMissedCallback")
class RecordMissedCallbackDelegate implements JavaDelegate {

	private final Breaches breaches;

	private final ResponsibleHandler responsible;

	RecordMissedCallbackDelegate(Breaches breaches, ResponsibleHandler responsible) {
		this.breaches = breaches;
		this.responsible = responsible;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		int round = ROUND.getOrDefault(execution, 1);
		ResponsibleHandler.Responsible who = this.responsible.of(execution,
				CallbackProcess.Elements.CALLBACK_CUSTOMER, CALLBACK_GROUP.getOrDefault(execution, Groups.AGENTS),
				Text.of("penalty.detail.missedCallback", round));
		this.breaches.record(caseNumber, who.person(), PenaltyRule.MISSED_CALLBACK, "round-" + round, who.detail(),
				Text.of("notification.missedCallback.subject", caseNumber),
				Text.of("notification.missedCallback.body", caseNumber, round));
	}

}
