package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintMetrics;
import io.complaintdesk.complaint.NewComplaint;

/**
 * Service task "Register complaint" (POLICY §2), after the preliminary classification: the case
 * number (also the business key) and the registry row, written once with its level and major flag.
 */
@Component("registerComplaint")
class RegisterComplaintDelegate implements JavaDelegate {

	private final ComplaintRegistration registration;

	private final ComplaintMetrics metrics;

	RegisterComplaintDelegate(ComplaintRegistration registration, ComplaintMetrics metrics) {
		this.registration = registration;
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the typed complaint "Take in complaint" left for this transaction (transient, never stored)
		if (!(execution.getVariable(NEW_COMPLAINT) instanceof NewComplaint complaint)) {
			throw new IllegalStateException("Register complaint runs right after Take in complaint, in its transaction");
		}
		int level = LEVEL.require(execution);
		boolean major = MAJOR.require(execution);
		String caseNumber = this.registration.register(complaint, execution.getProcessInstanceId(),
				REGISTERED_BY.get(execution), RECEIVED_AT.require(execution).toInstant(), level, major);
		execution.setProcessBusinessKey(caseNumber);
		CASE_NUMBER.set(execution, caseNumber);
		this.metrics.registered(level, complaint.channel().name());
	}

}
