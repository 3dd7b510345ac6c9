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

	RecordReviewListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = REVIEW_APPROVED.require(task);
		String comment = TaskInput.optionalText(task, REVIEW_COMMENT);
		if (!approved && comment == null) {
			throw Refusal.of("refusal.reviewComment");
		}
		this.registry.recordReview(CASE_NUMBER.require(task), ROUND.require(task), approved, comment,
				Actors.of(task));
	}

}
