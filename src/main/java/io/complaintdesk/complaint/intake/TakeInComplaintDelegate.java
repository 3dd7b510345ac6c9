package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.Deadlines;
import io.complaintdesk.complaint.NewComplaint;

/**
 * Service task "Take in complaint" (POLICY §2, §3): the complaint as one typed value, the time of
 * receipt and its deadlines, and what the customer master and earlier cases say about the
 * complainant (tier, blacklist, repeat complaint), which the classification needs.
 */
@Component("takeInComplaint")
class TakeInComplaintDelegate implements JavaDelegate {

	private final StartFormInput startForm;

	private final Deadlines deadlines;

	private final CustomerFacts customers;

	private final Clock clock;

	TakeInComplaintDelegate(StartFormInput startForm, Deadlines deadlines, CustomerFacts customers, Clock clock) {
		this.startForm = startForm;
		this.deadlines = deadlines;
		this.customers = customers;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// from the API, typed and checked there; from a start form, checked here, once
		NewComplaint complaint = (execution.getVariable(NEW_COMPLAINT) instanceof NewComplaint typed) ? typed
				: this.startForm.read(execution.getVariables());
		Instant receivedAt = this.clock.instant();
		// a start form sends empty optional fields as ""; an absent value is absent, not blank
		List.copyOf(execution.getVariableNames()).forEach((name) -> {
			if (execution.getVariable(name) instanceof String text && text.isBlank()) {
				execution.removeVariable(name);
			}
		});
		execution.setVariables(complaint.toVariables());
		execution.setVariable(NEW_COMPLAINT, Variables.objectValue(complaint, true).create());
		RECEIVED_AT.set(execution, Date.from(receivedAt));
		CLOSE_BY.set(execution, this.deadlines.closeBy(receivedAt));
		RECEIVED_ON.set(execution, this.deadlines.localText(receivedAt));
		CLOSE_ON.set(execution, this.deadlines.localText(this.deadlines.closeBy(receivedAt).toInstant()));
		ROUND.set(execution, 1);
		if (this.customers.isRepeat(complaint, receivedAt)) {
			REPEAT_COMPLAINT.set(execution, true);
		}
		// the tier from the customer master; unknown customers have none (complaint-level accepts null)
		String tier = this.customers.customer(complaint.customerId()).map((c) -> c.tier().name()).orElse(null);
		if (tier != null || !execution.hasVariable(CLIENT_TIER.name())) {
			execution.setVariable(CLIENT_TIER.name(), tier);
		}
		BLACKLISTED.set(execution, this.customers.isBlacklisted(complaint.customerId()));
	}

}
