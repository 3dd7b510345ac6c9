package io.complaintdesk.complaint.callback;

import java.time.Clock;
import static io.complaintdesk.complaint.CallbackProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Refusal;
import io.complaintdesk.complaint.ComplaintMetrics;

import io.complaintdesk.complaint.CallbackMode;
import io.complaintdesk.complaint.ComplaintProcess;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.casefile.VisitSheets;
import io.complaintdesk.complaint.ComplaintRegistry.CallbackAnswer;
import io.complaintdesk.engine.Actors;
import io.complaintdesk.base.TaskInput;

/**
 * Completion of "Call back customer" (POLICY §6): one attempt. Reached customers give a
 * satisfaction answer 1–5 and the mode of the callback; unreached ones are tried again on
 * another day until the attempts run out.
 */
@Component("recordCallback")
class RecordCallbackListener implements TaskListener {

	private final CallbackPolicy policy;

	private final ComplaintRegistry registry;

	private final ComplaintMetrics metrics;

	private final Clock clock;

	private final VisitSheets visitSheets;

	RecordCallbackListener(CallbackPolicy policy, ComplaintRegistry registry, ComplaintMetrics metrics, Clock clock,
			VisitSheets visitSheets) {
		this.clock = clock;
		this.visitSheets = visitSheets;
		this.policy = policy;
		this.registry = registry;
		this.metrics = metrics;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean reached = REACHED.require(task);
		int attempts = CALLBACK_ATTEMPTS.getOrDefault(task, 0) + 1;
		CALLBACK_ATTEMPTS.set(task, attempts);
		String note = TaskInput.optionalText(task, CALLBACK_NOTE);
		CallbackAnswer answer;
		if (reached) {
			int satisfaction = SATISFACTION.require(task);
			if (satisfaction < 1 || satisfaction > 5) {
				throw Refusal.of("refusal.satisfaction");
			}
			CallbackMode mode = CALLBACK_MODE.require(task);
			// POLICY §6: a visit needs the customer's signature, the signed visit sheet in the case file
			if (mode == CallbackMode.VISIT && !this.visitSheets.uploadedSince(ComplaintProcess.CASE_NUMBER.require(task),
					task.getCreateTime().toInstant())) {
				throw Refusal.of("refusal.visitSheetMissing");
			}
			SATISFIED.set(task, this.policy.isSatisfied(satisfaction));
			this.metrics.callback(this.policy.isSatisfied(satisfaction) ? "satisfied" : "dissatisfied");
			RETRY_ALLOWED.set(task, false);
			answer = new CallbackAnswer(true, satisfaction, mode, note);
			this.registry.recordStaffRatings(ComplaintProcess.CASE_NUMBER.require(task), ComplaintProcess.ROUND.require(task),
					RATING_ATTITUDE.get(task), RATING_SKILL.get(task), RATING_ARRIVAL.get(task), RATING_PROMISES.get(task));
		}
		else {
			SATISFACTION.remove(task);
			SATISFIED.remove(task);
			RETRY_ALLOWED.set(task, this.policy.mayRetry(attempts));
			answer = new CallbackAnswer(false, null, CALLBACK_MODE.get(task), note);
			this.metrics.callback("unreached");
		}
		this.registry.recordCallbackAttempt(ComplaintProcess.CASE_NUMBER.require(task),
				ComplaintProcess.ROUND.require(task), answer, Actors.of(task), this.clock.instant());
	}

}
