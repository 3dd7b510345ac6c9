package io.complaintdesk.complaint.casefile;

import java.util.Set;

import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.CallbackProcess;
import io.complaintdesk.complaint.ComplaintProcess;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.complaint.ComplaintRegistry.ComplaintRecord;
import io.complaintdesk.engine.CaseClocks;

/**
 * The clocks of a case stand still while it waits for the customer (等待客户): the timers of its
 * {@code complaint-handling} instance and of the callbacks it called (they share its business key),
 * not those of {@code case-pause-watch} (the long-pause report must run) nor of other processes.
 */
@Component
class PausedCaseClocks implements CaseClocks {

	static final Set<String> CLOCK_PROCESSES = Set.of(ComplaintProcess.KEY, CallbackProcess.KEY);

	private final ComplaintRegistry registry;

	PausedCaseClocks(ComplaintRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean stopped(String processDefinitionKey, String businessKey) {
		return CLOCK_PROCESSES.contains(processDefinitionKey)
				&& this.registry.find(businessKey).map(ComplaintRecord::paused).orElse(false);
	}

}
