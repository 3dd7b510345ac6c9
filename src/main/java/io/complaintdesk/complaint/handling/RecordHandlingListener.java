package io.complaintdesk.complaint.handling;

import java.time.Clock;
import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Handle complaint" (POLICY §5): the resolution, any compensation and whether the
 * company was at fault. A new proposal clears the approval and review of the previous one.
 */
@Component("recordHandling")
class RecordHandlingListener implements TaskListener {

	private final ComplaintRegistry registry;

	private final Clock clock;

	RecordHandlingListener(ComplaintRegistry registry, Clock clock) {
		this.clock = clock;
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		String resolution = TaskInput.requireText(task, RESOLUTION);
		double amount = COMPENSATION_AMOUNT.getOrDefault(task, 0.0);
		if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
			throw Refusal.of("refusal.compensationAmount");
		}
		boolean atFault = COMPANY_AT_FAULT.getOrDefault(task, false);
		COMPENSATION_AMOUNT.set(task, amount);
		COMPANY_AT_FAULT.set(task, atFault);
		COMPENSATION_APPROVED.remove(task);
		REVIEW_APPROVED.remove(task);
		this.registry.recordHandling(CASE_NUMBER.require(task), ROUND.require(task), Actors.of(task),
				this.clock.instant(), resolution, amount, atFault);
	}

}
