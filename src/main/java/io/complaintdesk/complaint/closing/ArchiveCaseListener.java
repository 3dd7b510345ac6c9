package io.complaintdesk.complaint.closing;

import java.time.Clock;
import static io.complaintdesk.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.engine.Actors;

/** Completion of "Archive case" by the records clerk (POLICY §7): the case is closed. */
@Component("closeArchivedCase")
class ArchiveCaseListener implements TaskListener {

	private final ComplaintRegistry registry;

	private final Clock clock;

	ArchiveCaseListener(ComplaintRegistry registry, Clock clock) {
		this.clock = clock;
		this.registry = registry;
	}

	@Override
	public void notify(DelegateTask task) {
		this.registry.close(CASE_NUMBER.require(task), Actors.of(task), this.clock.instant());
	}

}
