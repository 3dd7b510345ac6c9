package io.complaintdesk.complaint.verification;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.DecisionResults;

/**
 * End listener of "Determine who rules on the dismissal" (POLICY §3, seed 001 篇七 第七条): keeps the
 * group {@code complaint-routing} names for the case's level (supervisors, directors at level 3).
 */
@Component("applyDismissalRuler")
class ApplyDismissalRulerListener implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		DISMISSAL_GROUP.set(execution,
				DecisionResults.text(DecisionResults.singleResult(execution), DISMISSAL_GROUP.name()));
	}

}
