package io.complaintdesk.customer.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.CustomerDirectory;

/**
 * Service task "Start a new period": every customer's default count back to 0 once the review is
 * applied, so the next review counts only its own half-year (POLICY §8: no default in the period).
 */
@Component("resetDefaultCounts")
class ResetDefaultCountsDelegate implements JavaDelegate {

	private final CustomerDirectory directory;

	ResetDefaultCountsDelegate(CustomerDirectory directory) {
		this.directory = directory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.directory.resetDefaultCounts();
	}

}
