package io.complaintdesk.customer.blacklist;

import java.time.Clock;
import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record the refusal": the director said no, the entry is REJECTED. */
@Component("rejectBlacklistProposal")
class RejectBlacklistProposalDelegate implements JavaDelegate {

	private final Blacklisting blacklisting;

	private final Clock clock;

	RejectBlacklistProposalDelegate(Blacklisting blacklisting, Clock clock) {
		this.clock = clock;
		this.blacklisting = blacklisting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.blacklisting.reject(BLACKLIST_ENTRY_ID.require(execution), DECIDED_BY.require(execution),
				this.clock.instant());
	}

}
