package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.base.DecisionResults;

/**
 * End listener of "Determine approver": who may approve this amount (POLICY §5 核决权限), one level
 * up when nobody in that group but the round's handler may approve it (four eyes, {@link FourEyes}).
 */
@Component("applyApprover")
class ApplyApproverListener implements ExecutionListener {

	private final ComplaintRegistry registry;

	private final FourEyes fourEyes;

	ApplyApproverListener(ComplaintRegistry registry, FourEyes fourEyes) {
		this.registry = registry;
		this.fourEyes = fourEyes;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String approverGroup = this.fourEyes.groupFor(
				DecisionResults.text(DecisionResults.singleResult(execution), APPROVER_GROUP.name()),
				ROUND_HANDLER.get(execution), ACCUSED_EMPLOYEE.get(execution));
		APPROVER_GROUP.set(execution, approverGroup);
		this.registry.recordApprover(CASE_NUMBER.require(execution), ROUND.require(execution), approverGroup);
	}

}
