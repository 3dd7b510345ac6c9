package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.system.ComplaintMetrics;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.major.MajorComplaintWarning;
import io.complaintdesk.system.DecisionResults;

/**
 * End listener of the business-rule tasks that evaluate {@code complaint-level}: keeps
 * {@code level} and {@code major} and writes them to the registry (POLICY §4).
 */
@Component("applyComplaintLevel")
class ApplyComplaintLevelListener implements ExecutionListener {

	private final ComplaintRegistry registry;

	private final MajorComplaintWarning majorWarning;

	private final ComplaintMetrics metrics;

	ApplyComplaintLevelListener(ComplaintRegistry registry, MajorComplaintWarning majorWarning,
			ComplaintMetrics metrics) {
		this.registry = registry;
		this.majorWarning = majorWarning;
		this.metrics = metrics;
	}

	@Override
	public void notify(DelegateExecution execution) {
		DmnDecisionResultEntries result = DecisionResults.singleResult(execution);
		int level = DecisionResults.integer(result, LEVEL.name());
		boolean major = DecisionResults.bool(result, MAJOR.name());
		LEVEL.set(execution, level);
		MAJOR.set(execution, major);
		String tier = CLIENT_TIER.get(execution);
		PRIORITY_CLIENT.set(execution, "VIP".equals(tier) || "PREFERRED".equals(tier));
		this.registry.updateClassification(CASE_NUMBER.require(execution), level, major);
		this.majorWarning.raiseOnce(execution);
		if (Elements.CLASSIFY_COMPLAINT.equals(execution.getCurrentActivityId())) {
			this.metrics.registered(level, CHANNEL.require(execution).name());
		}
	}

}
