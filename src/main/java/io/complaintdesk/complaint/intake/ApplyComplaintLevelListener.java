package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.DecisionResults;

/**
 * End listener of the business-rule tasks that evaluate {@code complaint-level} (POLICY §4): keeps
 * {@code level} and {@code major}, whether the client ranks first (四优先), and whether brand and
 * legal are still to be warned ({@code majorWarningDue}, read by the gateway after it).
 */
@Component("applyComplaintLevel")
class ApplyComplaintLevelListener implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		DmnDecisionResultEntries result = DecisionResults.singleResult(execution);
		int level = DecisionResults.integer(result, LEVEL.name());
		boolean major = DecisionResults.bool(result, MAJOR.name());
		LEVEL.set(execution, level);
		MAJOR.set(execution, major);
		String tier = CLIENT_TIER.get(execution);
		PRIORITY_CLIENT.set(execution, "VIP".equals(tier) || "PREFERRED".equals(tier));
		MAJOR_WARNING_DUE.set(execution, major && !MAJOR_WARNING_RAISED.getOrDefault(execution, false));
	}

}
