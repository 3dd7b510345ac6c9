package io.complaintdesk.complaint.verification;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;

/** End listener of "Classify complaint on verified facts": the registry gets the verified level. */
@Component("recordClassification")
class RecordClassificationListener implements ExecutionListener {

	private final ComplaintRegistry registry;

	RecordClassificationListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.registry.updateClassification(CASE_NUMBER.require(execution), LEVEL.require(execution),
				MAJOR.require(execution));
	}

}
