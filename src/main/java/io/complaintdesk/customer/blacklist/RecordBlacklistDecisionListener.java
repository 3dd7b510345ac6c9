package io.complaintdesk.customer.blacklist;

import static io.complaintdesk.customer.blacklist.BlacklistProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Approve the blacklisting" (POLICY §8: a director approves): the decision is
 * required, and the supervisor who proposed it cannot decide it. The row changes in the service
 * task that follows.
 */
@Component("recordBlacklistDecision")
class RecordBlacklistDecisionListener implements TaskListener {

	private final Blacklisting blacklisting;

	RecordBlacklistDecisionListener(Blacklisting blacklisting) {
		this.blacklisting = blacklisting;
	}

	@Override
	public void notify(DelegateTask task) {
		BLACKLIST_APPROVED.require(task);
		String comment = TaskInput.optionalText(task, DIRECTOR_COMMENT);
		String director = Actors.of(task);
		this.blacklisting.checkDecider(director, PROPOSED_BY.get(task));
		if (comment != null) {
			DIRECTOR_COMMENT.set(task, comment);
		}
		DECIDED_BY.set(task, director);
	}

}
