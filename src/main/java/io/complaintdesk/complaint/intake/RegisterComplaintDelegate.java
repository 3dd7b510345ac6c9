package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.Deadlines;

import io.complaintdesk.complaint.intake.ComplaintRegistration.Registered;

/** Service task "Register complaint": case number, business key, registry row. */
@Component("registerComplaint")
class RegisterComplaintDelegate implements JavaDelegate {

	private final ComplaintRegistration registration;

	private final Deadlines deadlines;

	private final CustomerFacts customers;

	RegisterComplaintDelegate(ComplaintRegistration registration, Deadlines deadlines, CustomerFacts customers) {
		this.registration = registration;
		this.deadlines = deadlines;
		this.customers = customers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant receivedAt = ClockUtil.now().toInstant();
		ComplaintRequest request = ComplaintRequest.fromVariables(execution.getVariables());
		// the repeat check looks at earlier complaints, so it runs before this one is written
		boolean repeat = this.customers.isRepeat(request, receivedAt);
		Registered registered = this.registration.register(request, execution.getProcessInstanceId(),
				REGISTERED_BY.get(execution), receivedAt);
		// a start form sends empty optional fields as ""; an absent value is absent, not blank
		execution.getVariables().forEach((name, value) -> {
			if (value instanceof String text && text.isBlank()) {
				execution.removeVariable(name);
			}
		});
		execution.setVariables(registered.normalizedVariables());
		execution.setProcessBusinessKey(registered.caseNumber());
		CASE_NUMBER.set(execution, registered.caseNumber());
		RECEIVED_AT.set(execution, Date.from(receivedAt));
		CLOSE_BY.set(execution, this.deadlines.closeBy(receivedAt));
		RECEIVED_ON.set(execution, this.deadlines.localText(receivedAt));
		CLOSE_ON.set(execution, this.deadlines.localText(this.deadlines.closeBy(receivedAt).toInstant()));
		ROUND.set(execution, 1);
		if (repeat) {
			REPEAT_COMPLAINT.set(execution, true);
		}
		// the tier from the customer master; unknown customers have none (complaint-level accepts null)
		String tier = this.customers.customer(request.customerId()).map((c) -> c.tier().name()).orElse(null);
		if (tier != null || !execution.hasVariable(CLIENT_TIER.name())) {
			execution.setVariable(CLIENT_TIER.name(), tier);
		}
		BLACKLISTED.set(execution, this.customers.isBlacklisted(request.customerId()));
	}

}
