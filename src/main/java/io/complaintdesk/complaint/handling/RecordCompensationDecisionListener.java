package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;

/** Completion of "Approve compensation": a refusal sends the case back to the handler. */
@Component("recordCompensationDecision")
class RecordCompensationDecisionListener implements TaskListener {

	private final ComplaintRegistry registry;

	RecordCompensationDecisionListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = COMPENSATION_APPROVED.require(task);
		this.registry.recordCompensationDecision(CASE_NUMBER.require(task), ROUND.require(task), approved,
				Actors.of(task));
	}

}
