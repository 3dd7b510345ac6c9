package io.complaintdesk.customer.blacklist;

import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Service task "Blacklist the customer" (POLICY §8): the entry becomes ACTIVE from now for the
 * configured period; the expiry timer waits for {@code blacklistedUntil}.
 */
@Component("activateBlacklisting")
class ActivateBlacklistingDelegate implements JavaDelegate {

	private final Blacklisting blacklisting;

	ActivateBlacklistingDelegate(Blacklisting blacklisting) {
		this.blacklisting = blacklisting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		BlacklistEntry entry = this.blacklisting.activate(BLACKLIST_ENTRY_ID.require(execution),
				DECIDED_BY.require(execution), ClockUtil.now().toInstant());
		BLACKLISTED_AT.set(execution, Date.from(entry.blacklistedAt()));
		BLACKLISTED_UNTIL.set(execution, Date.from(entry.blacklistedUntil()));
	}

}
