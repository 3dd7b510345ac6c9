package io.complaintdesk.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the desk adds to every user task of every model, applied by {@link UserTaskRulesPlugin} at
 * parse time so that a task a process owner adds in Modeler cannot forget it. Implemented by the
 * feature that knows the rule (the complaint package: separation of duties, priority, readers).
 */
public interface TaskRules {

	/**
	 * The user who must not work this task (POLICY §1: the employee the case is about), or
	 * {@code null}. Such a user is dropped from the candidates (groups become their members minus
	 * the user), never becomes the assignee, and assigning the task to them is refused.
	 */
	String excludedUser(VariableScope scope);

	/**
	 * Further users who may not work this task although they belong to its groups (POLICY §5 four
	 * eyes: the handler of the round never approves or reviews it), or an empty set. Like the
	 * excluded user, they are dropped from the candidates; unlike them, nothing else about the case
	 * is hidden from them.
	 */
	default java.util.Set<String> fourEyesExcluded(String taskDefinitionKey, VariableScope scope) {
		return java.util.Set.of();
	}

	/** Runs when a task is created, with the engine's rights (priority, read grants). */
	void onCreate(DelegateTask task);

}
