package io.complaintdesk.customer.review;

import static io.complaintdesk.customer.review.ClientTierReview.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.CustomerDirectory;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Approve tier changes": the supervisor approves the proposal with their
 * amendments, or rejects the review with a reason. Amendments that cannot be applied refuse the
 * completion with every error listed, and the task stays open.
 */
@Component("recordTierApproval")
class RecordTierApprovalListener implements TaskListener {

	private final TierReview review;

	private final CustomerDirectory directory;

	RecordTierApprovalListener(TierReview review, CustomerDirectory directory) {
		this.review = review;
		this.directory = directory;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean approved = APPROVED.require(task);
		String comment = TaskInput.optionalText(task, REVIEW_COMMENT);
		if (!approved && comment == null) {
			throw Refusal.of("refusal.tierReview.comment");
		}
		APPROVED_BY.set(task, Actors.of(task));
		if (!approved) {
			return;
		}
		List<ProposedTierChange> changes;
		try {
			changes = this.review.amend(PROPOSAL.get(task), AMENDMENTS.get(task), this.directory.all());
		}
		catch (InvalidAmendmentsException ex) {
			throw new Refusal(ex.text(), ex);
		}
		APPROVED_CHANGES.set(task, changes);
		APPROVED_CHANGE_COUNT.set(task, changes.size());
	}

}
