package io.complaintdesk.complaint.closing;

import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.system.Actors;

/** Completion of "Archive case" by the records clerk (POLICY §7): the case is closed. */
@Component("closeArchivedCase")
class ArchiveCaseListener implements TaskListener {

	private final ComplaintRegistry registry;

	ArchiveCaseListener(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		this.registry.close(CASE_NUMBER.require(task), Actors.of(task), ClockUtil.now().toInstant());
	}

}
