package io.complaintdesk.customer.blacklist;

import java.time.Clock;
import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Blacklist the customer" (POLICY §8): the entry becomes ACTIVE from now for the
 * configured period; the expiry timer waits for {@code blacklistedUntil}.
 */
@Component("activateBlacklisting")
class ActivateBlacklistingDelegate implements JavaDelegate {

	private final Blacklisting blacklisting;

	private final Clock clock;

	ActivateBlacklistingDelegate(Blacklisting blacklisting, Clock clock) {
		this.clock = clock;
		this.blacklisting = blacklisting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BlacklistEntry entry = this.blacklisting.activate(BLACKLIST_ENTRY_ID.require(execution),
				DECIDED_BY.require(execution), this.clock.instant());
		BLACKLISTED_AT.set(execution, Date.from(entry.blacklistedAt()));
		BLACKLISTED_UNTIL.set(execution, Date.from(entry.blacklistedUntil()));
	}

}
