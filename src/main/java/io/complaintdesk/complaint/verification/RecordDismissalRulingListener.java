package io.complaintdesk.complaint.verification;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;

/**
 * Completion of "Rule on the dismissal" (POLICY §3 上级裁定是否受理): confirmed, the case closes as
 * not substantiated with the handler's reasoned answer on record; overruled, it is handled as valid.
 */
@Component("recordDismissalRuling")
class RecordDismissalRulingListener implements TaskListener {

	private final ComplaintRegistry registry;

	RecordDismissalRulingListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean confirmed = DISMISSAL_CONFIRMED.require(task);
		if (!confirmed) {
			VALID.set(task, true);
		}
		this.registry.recordDismissalRuling(CASE_NUMBER.require(task), confirmed, Actors.of(task));
	}

}
