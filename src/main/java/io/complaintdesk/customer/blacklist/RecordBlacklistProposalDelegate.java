package io.complaintdesk.customer.blacklist;

import java.time.Clock;
import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.blacklist.Blacklisting.Proposed;

/**
 * Service task "Record the proposal" (POLICY §8): checks the start form, refuses a customer who is
 * already proposed or blacklisted, writes the PROPOSED row and sets the business key. It runs in
 * the transaction that starts the instance: a refusal fails the start and stores nothing.
 */
@Component("recordBlacklistProposal")
class RecordBlacklistProposalDelegate implements JavaDelegate {

	private final Blacklisting blacklisting;

	private final Clock clock;

	RecordBlacklistProposalDelegate(Blacklisting blacklisting, Clock clock) {
		this.clock = clock;
		this.blacklisting = blacklisting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Instant now = this.clock.instant();
		BlacklistProposal proposal = BlacklistProposal.fromVariables(execution.getVariables());
		Proposed proposed = this.blacklisting.propose(proposal, PROPOSED_BY.get(execution),
				execution.getProcessInstanceId(), now);
		// the values as recorded: trimmed, and an empty optional field absent rather than ""
		CUSTOMER_ID.set(execution, proposal.customerId());
		REASON.set(execution, proposal.reason());
		if (proposal.evidence() != null) {
			EVIDENCE.set(execution, proposal.evidence());
		}
		else {
			EVIDENCE.remove(execution);
		}
		execution.setProcessBusinessKey(proposed.businessKey());
		BLACKLIST_ENTRY_ID.set(execution, proposed.entryId());
		PROPOSED_AT.set(execution, Date.from(now));
		BLACKLIST_DURATION.set(execution, proposed.duration());
	}

}
