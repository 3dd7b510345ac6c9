package io.complaintdesk.complaint.intake;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Reader;
import io.complaintdesk.complaint.Deadlines;
import io.complaintdesk.complaint.NewComplaint;
import io.complaintdesk.customer.Customer;

/**
 * Service task "Take in complaint" (POLICY §2, §3): the complaint as one typed value, the time of
 * receipt (as given for a late letter or fax, else now) and its deadlines, and what the customer
 * master and earlier cases say about the complainant (type, tier, blacklist, repeat complaint) and
 * who would approve the amount claimed, which the classification needs. A start from Tasklist that
 * reports an open case again is added to that case and starts nothing ({@link SameMatter}).
 */
@Component("takeInComplaint")
class TakeInComplaintDelegate implements JavaDelegate {

	private final StartFormInput startForm;

	private final Deadlines deadlines;

	private final CustomerFacts customers;

	private final SameMatter sameMatter;

	private final ClaimAuthority claimAuthority;

	private final Clock clock;

	TakeInComplaintDelegate(StartFormInput startForm, Deadlines deadlines, CustomerFacts customers,
			SameMatter sameMatter, ClaimAuthority claimAuthority, Clock clock) {
		this.startForm = startForm;
		this.deadlines = deadlines;
		this.customers = customers;
		this.sameMatter = sameMatter;
		this.claimAuthority = claimAuthority;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Reader reader = this.sameMatter.currentReader();
		// from the API, typed and checked there (and a further report of an open case never gets here);
		// from a start form, checked here, once
		NewComplaint complaint;
		if (execution.getVariable(NEW_COMPLAINT) instanceof NewComplaint typed) {
			complaint = typed;
		}
		else {
			complaint = this.startForm.read(execution.getVariables());
			this.sameMatter.refuseStartOfOpenCase(complaint, reader, REGISTERED_BY.get(execution));
		}
		Optional<Customer> customer = this.customers.customer(complaint.customerId());
		// POLICY §2: the master knows what kind of client complains; it wins over what was typed in
		complaint = CustomerFacts.asTheMasterKnowsIt(complaint, customer);
		Instant receivedAt = (complaint.receivedAt() != null) ? complaint.receivedAt() : this.clock.instant();
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
		if (this.customers.isRepeat(complaint, receivedAt, reader)) {
			REPEAT_COMPLAINT.set(execution, true);
		}
		CLAIM_APPROVER_GROUP.set(execution, this.claimAuthority.approverGroup(complaint.claimAmount()));
		// the tier from the customer master; unknown customers have none (complaint-level accepts null)
		String tier = customer.map((c) -> c.tier().name()).orElse(null);
		if (tier != null || !execution.hasVariable(CLIENT_TIER.name())) {
			execution.setVariable(CLIENT_TIER.name(), tier);
		}
		BLACKLISTED.set(execution, this.customers.isBlacklisted(complaint.customerId()));
	}

}
