package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.DecisionResults;
import io.complaintdesk.complaint.ComplaintLevels;

/**
 * End listener of the business-rule tasks that evaluate {@code complaint-level} (POLICY §4): keeps
 * {@code level} and {@code major}, whether the client ranks first (四优先), and whether brand and
 * legal are still to be warned ({@code majorWarningDue}, read by the gateway after it). Level and
 * major never go down within a case (POLICY §3): the decision may raise them, the floor is every
 * earlier value ({@link ComplaintLevels#floor}).
 */
@Component("applyComplaintLevel")
class ApplyComplaintLevelListener implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		DmnDecisionResultEntries result = DecisionResults.singleResult(execution);
		int level = ComplaintLevels.floor(DecisionResults.integer(result, LEVEL.name()), LEVEL.get(execution));
		boolean major = ComplaintLevels.floor(DecisionResults.bool(result, MAJOR.name()), MAJOR.get(execution));
		LEVEL.set(execution, level);
		MAJOR.set(execution, major);
		String tier = CLIENT_TIER.get(execution);
		PRIORITY_CLIENT.set(execution, "VIP".equals(tier) || "PREFERRED".equals(tier));
		MAJOR_WARNING_DUE.set(execution, major && !MAJOR_WARNING_RAISED.getOrDefault(execution, false));
	}

}
