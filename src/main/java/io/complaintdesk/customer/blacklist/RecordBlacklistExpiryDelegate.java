package io.complaintdesk.customer.blacklist;

import java.time.Clock;
import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Record the expiry" (POLICY §8: an entry lasts 6 months): the entry is EXPIRED. The
 * customer is no longer blacklisted but does no business until a director lets them return.
 */
@Component("recordBlacklistExpiry")
class RecordBlacklistExpiryDelegate implements JavaDelegate {

	private final Blacklisting blacklisting;

	private final Clock clock;

	RecordBlacklistExpiryDelegate(Blacklisting blacklisting, Clock clock) {
		this.clock = clock;
		this.blacklisting = blacklisting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.blacklisting.expire(BLACKLIST_ENTRY_ID.require(execution), this.clock.instant());
	}

}
