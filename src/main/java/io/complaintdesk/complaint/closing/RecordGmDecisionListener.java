package io.complaintdesk.complaint.closing;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.base.TaskInput;

/** Completion of the general manager's meeting decision (POLICY §6 总经理例会): final. */
@Component("recordGmDecision")
class RecordGmDecisionListener implements TaskListener {

	private final ComplaintRegistry registry;

	RecordGmDecisionListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		this.registry.recordFinalDecision(CASE_NUMBER.require(task), TaskInput.requireText(task, FINAL_DECISION));
	}

}
