package io.complaintdesk.complaint.handling;

import java.time.Clock;
import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.Routing;
import io.complaintdesk.base.DecisionResults;

/**
 * End listener of "Determine handlers": keeps the groups {@code complaint-routing} chose for this
 * level and opens the handling round in the registry (POLICY §5, §6).
 */
@Component("startHandlingRound")
class StartHandlingRoundListener implements ExecutionListener {

	private final ComplaintRegistry registry;

	private final Clock clock;

	StartHandlingRoundListener(ComplaintRegistry registry, Clock clock) {
		this.clock = clock;
		this.registry = registry;
	}

	@Override
	public void notify(DelegateExecution execution) {
		DmnDecisionResultEntries result = DecisionResults.singleResult(execution);
		Routing routing = new Routing(DecisionResults.text(result, HANDLER_GROUP.name()),
				DecisionResults.text(result, REVIEWER_GROUP.name()), DecisionResults.text(result, CALLBACK_GROUP.name()));
		HANDLER_GROUP.set(execution, routing.handlerGroup());
		REVIEWER_GROUP.set(execution, routing.reviewerGroup());
		CALLBACK_GROUP.set(execution, routing.callbackGroup());
		ROUND_HANDLER.set(execution, null); // nobody has handled the new round yet
		ROUND_STARTED_AT.set(execution, java.util.Date.from(this.clock.instant()));
		this.registry.startRound(CASE_NUMBER.require(execution), ROUND.require(execution), LEVEL.require(execution),
				MAJOR.require(execution), routing, this.clock.instant());
	}

}
