package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Text;
import io.complaintdesk.penalty.PenaltyRule;

/**
 * No solution within 1 working day of the round's start (POLICY §5): handling that breaks the rules
 * (POLICY §7, {@code RULE_BREACH}, {@code complaint-desk.penalties.amounts.rule-breach}) against
 * whoever last held "Handle complaint", or the supervisor on duty for the handler group; the level
 * above (the round's reviewer group) is told. Once per round and proposal.
 */
@Component("recordLateSolution")
class RecordLateSolutionDelegate implements JavaDelegate {

	private final Breaches breaches;

	private final ResponsibleHandler responsible;

	RecordLateSolutionDelegate(Breaches breaches, ResponsibleHandler responsible) {
		this.breaches = breaches;
		this.responsible = responsible;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = CASE_NUMBER.require(execution);
		int round = ROUND.getOrDefault(execution, 1);
		ResponsibleHandler.Responsible who = this.responsible.of(execution, Elements.HANDLE_COMPLAINT,
				HANDLER_GROUP.getOrDefault(execution, Groups.AGENTS), Text.of("penalty.detail.lateSolution", round));
		String occurrence = "solution-round-" + round + ((ROUND_HANDLER.get(execution) != null) ? "-rework" : "");
		this.breaches.record(caseNumber, who.person(), PenaltyRule.RULE_BREACH, occurrence, who.detail(),
				REVIEWER_GROUP.getOrDefault(execution, Groups.SUPERVISORS),
				Text.of("notification.lateSolution.subject", caseNumber),
				Text.of("notification.lateSolution.body", caseNumber, round));
	}

}
