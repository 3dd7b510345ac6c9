package io.complaintdesk.engine;

/**
 * Whether the clocks of a process instance stand still (the case waits for the customer, 等待客户),
 * asked by {@link PausedTimersPlugin} whenever the engine creates a timer. Implemented by the
 * feature that knows the pause (the case file of the complaint package).
 */
public interface CaseClocks {

	/**
	 * Whether a timer created now in an instance of {@code processDefinitionKey} with
	 * {@code businessKey} must not run: the instance counts the clocks of a case that is paused.
	 */
	boolean stopped(String processDefinitionKey, String businessKey);

}
