package io.complaintdesk.complaint.closing;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.Outcome;

/**
 * The "Close as …" service tasks: each passes its outcome as the input parameter
 * {@code caseOutcome}; this sets {@code outcome} (CONTRACT) and records it.
 */
@Component("recordOutcome")
class RecordOutcomeDelegate implements JavaDelegate {

	private final ComplaintRegistry registry;

	RecordOutcomeDelegate(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Outcome outcome = CASE_OUTCOME.require(execution);
		OUTCOME.set(execution, outcome);
		this.registry.recordOutcome(CASE_NUMBER.require(execution), outcome);
	}

}
