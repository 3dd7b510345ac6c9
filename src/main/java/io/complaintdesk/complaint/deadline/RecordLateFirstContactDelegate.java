package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.penalty.PenaltyRule;
import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.ComplaintTexts;

/**
 * The customer was not reached within a working day of receipt (POLICY §3, §7): a penalty entry
 * against the handler who last held the verification (or the supervisor on duty for the agents, if
 * nobody ever claimed it), and the supervisors are told.
 */
@Component("recordLateFirstContact")
class RecordLateFirstContactDelegate implements JavaDelegate {

	private final Breaches breaches;

	private final ResponsibleHandler responsible;

	RecordLateFirstContactDelegate(Breaches breaches, ResponsibleHandler responsible) {
		this.breaches = breaches;
		this.responsible = responsible;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		ResponsibleHandler.Responsible who = this.responsible.of(execution, Elements.VERIFY_COMPLAINT, Groups.AGENTS,
				Text.of("penalty.detail.lateFirstContact"));
		this.breaches.record(caseNumber, who.person(), PenaltyRule.LATE_FIRST_CONTACT, "first-contact", who.detail(),
				Text.of("notification.lateFirstContact.subject", caseNumber),
				Text.of("notification.lateFirstContact.body", caseNumber,
						ComplaintTexts.complainant(CUSTOMER_NAME.get(execution))));
	}

}
