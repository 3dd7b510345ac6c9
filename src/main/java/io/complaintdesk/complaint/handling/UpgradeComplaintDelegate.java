package io.complaintdesk.complaint.handling;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.ComplaintMetrics;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.RoundRecord;
import io.complaintdesk.complaint.ComplaintTexts;
import io.complaintdesk.notification.Notifications;

import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.complaint.ComplaintLevels;
import io.complaintdesk.base.ProcessVariable;

/**
 * Service task "Raise complaint one level" (POLICY §6 自动升级): a dissatisfied customer lifts the
 * complaint to the next level and a new handling round begins. The earlier round stays in the
 * registry and in history; only the decisions of the finished round are cleared here. The handler
 * of the finished round is told by mail (outbox) that the case went up a level, and why.
 */
@Component("upgradeComplaint")
class UpgradeComplaintDelegate implements JavaDelegate {

	private static final ProcessVariable<?>[] ROUND_DECISIONS = { COMPENSATION_APPROVED, REVIEW_APPROVED,
			REVIEW_COMMENT, APPROVER_GROUP, CallbackProcess.REACHED, CallbackProcess.SATISFACTION,
			CallbackProcess.SATISFIED, CallbackProcess.CALLBACK_MODE, CallbackProcess.CALLBACK_ATTEMPTS };

	private final ComplaintMetrics metrics;

	private final ComplaintRegistry registry;

	private final Notifications notifications;

	UpgradeComplaintDelegate(ComplaintMetrics metrics, ComplaintRegistry registry, Notifications notifications) {
		this.metrics = metrics;
		this.registry = registry;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int level = LEVEL.require(execution);
		if (level >= ComplaintLevels.HIGHEST) {
			throw new IllegalStateException("A level-" + level + " complaint cannot be raised further");
		}
		int round = ROUND.require(execution);
		Integer satisfaction = CallbackProcess.SATISFACTION.get(execution);
		PREVIOUS_SATISFACTION.set(execution, satisfaction);
		LEVEL.set(execution, level + 1);
		this.metrics.upgraded(level + 1);
		ROUND.set(execution, round + 1);
		tellThePreviousHandler(execution, round, level + 1, satisfaction);
		for (ProcessVariable<?> variable : ROUND_DECISIONS) {
			variable.remove(execution);
		}
	}

	/** Mail to whoever handled the finished round: the case went up a level, with the customer's answer. */
	private void tellThePreviousHandler(DelegateExecution execution, int round, int newLevel, Integer satisfaction) {
		String caseNumber = CASE_NUMBER.require(execution);
		RoundRecord finished = this.registry.rounds(caseNumber)
			.stream()
			.filter((r) -> r.round() == round)
			.findFirst()
			.orElse(null);
		if (finished == null || finished.handledBy() == null) {
			return;
		}
		String note = finished.callbackNote();
		Text level = ComplaintTexts.level(newLevel);
		Text body = Text.of("notification.upgraded.body", caseNumber,
				ComplaintTexts.complainant(CUSTOMER_NAME.get(execution)), round,
				Text.of("satisfaction." + satisfaction).orElse(String.valueOf(satisfaction)), level, round + 1,
				(note == null || note.isBlank()) ? "" : Text.of("notification.upgraded.note", note));
		this.notifications.notifyUser("upgraded:" + caseNumber + ":" + (round + 1), caseNumber, finished.handledBy(),
				Messages.chinese(Text.of("notification.upgraded.subject", caseNumber, level)),
				Messages.chinese(body) + "\n\n" + Messages.english(body));
	}

}
