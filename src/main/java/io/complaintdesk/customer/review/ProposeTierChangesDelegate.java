package io.complaintdesk.customer.review;

import java.time.Clock;
import static io.complaintdesk.customer.review.ClientTierReview.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.BusinessKeys;
import io.complaintdesk.customer.Customer;
import io.complaintdesk.customer.CustomerDirectory;

/**
 * Service task "Propose tier changes" (POLICY §8 半年评审): the {@code client-tier} table and the
 * department quotas over the whole customer master. Names the review {@code TIER-REVIEW-2026-H2}
 * (the half-year it is held in; {@code -2}, {@code -3} for a further review in the same half-year)
 * unless it was started with a business key.
 */
@Component("proposeTierChanges")
class ProposeTierChangesDelegate implements JavaDelegate {

	private final CustomerDirectory directory;

	private final TierReview review;

	private final HistoryService history;

	private final Clock clock;

	ProposeTierChangesDelegate(CustomerDirectory directory, TierReview review, HistoryService history, Clock clock) {
		this.clock = clock;
		this.directory = directory;
		this.review = review;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = this.clock.instant();
		if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
			execution.setProcessBusinessKey(unusedKey(ClientTierReview.businessKey(now, this.clock.getZone())));
		}
		List<Customer> customers = this.directory.all();
		List<ProposedTierChange> proposal = this.review.propose(customers, this.directory.blacklisted().keySet());
		REVIEW_KEY.set(execution, execution.getProcessBusinessKey());
		REVIEWED_AT.set(execution, Date.from(now));
		CUSTOMERS_REVIEWED.set(execution, customers.size());
		CHANGE_COUNT.set(execution, proposal.size());
		VIP_DOWNGRADE_FOR_PROBLEMS.set(execution,
				proposal.stream().anyMatch(ProposedTierChange::vipDowngradeForProblems));
		PROPOSAL.set(execution, proposal);
	}

	private String unusedKey(String key) {
		return BusinessKeys.unused(this.history, KEY, key);
	}

}
