package io.complaintdesk.engine;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.complaintdesk.base.Reader;

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

	/** Who is authenticated with the engine now, with their groups; {@code null} when nobody is (the desk itself). */
	public static Reader current(IdentityService identity) {
		Authentication authentication = identity.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			return null;
		}
		return new Reader(authentication.getUserId(),
				(authentication.getGroupIds() != null) ? Set.copyOf(authentication.getGroupIds()) : Set.of());
	}

}
