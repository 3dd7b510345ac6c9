package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintMetrics;

import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.complaint.ComplaintLevels;
import io.complaintdesk.base.ProcessVariable;

/**
 * Service task "Raise complaint one level" (POLICY §6 自动升级): a dissatisfied customer lifts the
 * complaint to the next level and a new handling round begins. The earlier round stays in the
 * registry and in history; only the decisions of the finished round are cleared here.
 */
@Component("upgradeComplaint")
class UpgradeComplaintDelegate implements JavaDelegate {

	private static final ProcessVariable<?>[] ROUND_DECISIONS = { COMPENSATION_APPROVED, REVIEW_APPROVED,
			REVIEW_COMMENT, APPROVER_GROUP, CallbackProcess.REACHED, CallbackProcess.SATISFACTION,
			CallbackProcess.SATISFIED, CallbackProcess.CALLBACK_MODE, CallbackProcess.CALLBACK_ATTEMPTS };

	private final ComplaintMetrics metrics;

	UpgradeComplaintDelegate(ComplaintMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int level = LEVEL.require(execution);
		if (level >= ComplaintLevels.HIGHEST) {
			throw new IllegalStateException("A level-" + level + " complaint cannot be raised further");
		}
		PREVIOUS_SATISFACTION.set(execution, CallbackProcess.SATISFACTION.get(execution));
		LEVEL.set(execution, level + 1);
		this.metrics.upgraded(level + 1);
		ROUND.set(execution, ROUND.require(execution) + 1);
		for (ProcessVariable<?> variable : ROUND_DECISIONS) {
			variable.remove(execution);
		}
	}

}
