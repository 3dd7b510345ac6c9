package io.complaintdesk.complaint.deadline;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.base.TaskInput;

/** Completion of "Contact the customer about progress" (POLICY §5): counted in the round. */
@Component("recordProgressContact")
class RecordProgressContactListener implements TaskListener {

	private final ComplaintRegistry registry;

	RecordProgressContactListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		TaskInput.optionalText(task, PROGRESS_NOTE);
		this.registry.recordProgressContact(CASE_NUMBER.require(task), ROUND.require(task));
	}

}
