package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.base.DecisionResults;

/** End listener of "Determine approver": who may approve this amount (POLICY §5 核决权限). */
@Component("applyApprover")
class ApplyApproverListener implements ExecutionListener {

	private final ComplaintRegistry registry;

	ApplyApproverListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String approverGroup = DecisionResults.text(DecisionResults.singleResult(execution), APPROVER_GROUP.name());
		APPROVER_GROUP.set(execution, approverGroup);
		this.registry.recordApprover(CASE_NUMBER.require(execution), ROUND.require(execution), approverGroup);
	}

}
