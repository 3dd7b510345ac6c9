package io.complaintdesk.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Work the desk does on its own behalf, with the engine's rights rather than the current user's:
 * evaluating a decision for a supervisor who may not read decisions, starting the early warning for
 * the agent whose step made a case major, reading who may work a task. Inside an engine command it
 * runs without authorization checks; outside one, without the caller's authentication, which is
 * restored afterwards.
 */
@Component
public class Privileged {

	private final IdentityService identity;

	Privileged(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T run(Supplier<T> work) {
		CommandContext command = Context.getCommandContext();
		if (command != null) {
			return command.runWithoutAuthorization(work::get);
		}
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

	public void run(Runnable work) {
		run(() -> {
			work.run();
			return null;
		});
	}

}
