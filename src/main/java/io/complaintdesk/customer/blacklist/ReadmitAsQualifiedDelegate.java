package io.complaintdesk.customer.blacklist;

import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Readmit the customer as qualified" (POLICY §8: after the blacklist only as
 * qualified, with management approval): the tier change goes into the customer master's history
 * with the approving director and this instance's business key.
 */
@Component("readmitAsQualified")
class ReadmitAsQualifiedDelegate implements JavaDelegate {

	private final Blacklisting blacklisting;

	ReadmitAsQualifiedDelegate(Blacklisting blacklisting) {
		this.blacklisting = blacklisting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.blacklisting.readmitAsQualified(CUSTOMER_ID.require(execution), RETURN_DECIDED_BY.require(execution),
				execution.getProcessBusinessKey(), BLACKLISTED_UNTIL.require(execution).toInstant());
	}

}
