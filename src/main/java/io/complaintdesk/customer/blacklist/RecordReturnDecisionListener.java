package io.complaintdesk.customer.blacklist;

import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Approve the return" (POLICY §8: after the blacklist the customer re-enters only
 * as qualified, with management approval): the decision is required; a return is refused while the
 * customer has a newer open proposal or blacklisting.
 */
@Component("recordReturnDecision")
class RecordReturnDecisionListener implements TaskListener {

	private final Blacklisting blacklisting;

	RecordReturnDecisionListener(Blacklisting blacklisting) {
		this.blacklisting = blacklisting;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = RETURN_APPROVED.require(task);
		String comment = TaskInput.optionalText(task, RETURN_COMMENT);
		String director = Actors.of(task);
		this.blacklisting.checkDecider(director, PROPOSED_BY.get(task));
		if (approved) {
			this.blacklisting.checkReturn(CUSTOMER_ID.require(task));
		}
		if (comment != null) {
			RETURN_COMMENT.set(task, comment);
		}
		RETURN_DECIDED_BY.set(task, director);
	}

}
