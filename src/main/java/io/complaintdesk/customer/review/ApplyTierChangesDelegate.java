package io.complaintdesk.customer.review;

import static io.complaintdesk.customer.review.ClientTierReview.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.CustomerDirectory;

/**
 * Service task "Apply approved tier changes": each approved change into the customer master with
 * its reason, the supervisor who approved it and the review's business key (tier history), in the
 * transaction that completes the approval.
 */
@Component("applyTierChanges")
class ApplyTierChangesDelegate implements JavaDelegate {

	private final CustomerDirectory directory;

	ApplyTierChangesDelegate(CustomerDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String approvedBy = APPROVED_BY.get(execution);
		String reviewKey = execution.getProcessBusinessKey();
		for (ProposedTierChange change : APPROVED_CHANGES.get(execution)) {
			this.directory.changeTier(change.customerId(), change.to(), change.reason(), approvedBy, reviewKey);
		}
	}

}
