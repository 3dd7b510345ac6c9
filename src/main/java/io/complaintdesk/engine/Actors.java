package io.complaintdesk.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who did a step: the user authenticated with the engine, else the task's assignee. */
public final class Actors {

	private Actors() {
	}

	public static String of(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		return task.getAssignee();
	}

}
