package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Review handling" by the level above (POLICY §5). A rejection must say why: the
 * handler sees it when the case comes back.
 */
@Component("recordReview")
class RecordReviewListener implements TaskListener {

	private final ComplaintRegistry registry;

	private final java.time.Clock clock;

	RecordReviewListener(ComplaintRegistry registry, java.time.Clock clock) {
		this.registry = registry;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = REVIEW_APPROVED.require(task);
		String comment = TaskInput.optionalText(task, REVIEW_COMMENT);
		if (!approved && comment == null) {
			throw Refusal.of("refusal.reviewComment");
		}
		if (approved) {
			HANDLING_ENDED_AT.set(task, java.util.Date.from(this.clock.instant()));
		}
		this.registry.recordReview(CASE_NUMBER.require(task), ROUND.require(task), approved, comment,
				Actors.of(task));
	}

}
