package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.TaskInput;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;

/**
 * Completion of "Approve compensation" (POLICY §5): a refusal gives its reason
 * ({@code approvalComment}) and sends the case back to the round's handler.
 */
@Component("recordCompensationDecision")
class RecordCompensationDecisionListener implements TaskListener {

	private final ComplaintRegistry registry;

	RecordCompensationDecisionListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = COMPENSATION_APPROVED.require(task);
		String comment = TaskInput.optionalText(task, APPROVAL_COMMENT);
		if (!approved && comment == null) {
			throw Refusal.of("refusal.approvalComment");
		}
		this.registry.recordCompensationDecision(CASE_NUMBER.require(task), ROUND.require(task), approved, comment,
				Actors.of(task));
	}

}
