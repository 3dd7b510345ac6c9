package io.complaintdesk.base;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads the result of the decision a business-rule task has just evaluated. The engine hands it
 * to the task's end listener as the transient local variable {@code decisionResult}, so the
 * result is mapped into typed process variables without storing a serialized map.
 */
public final class DecisionResults {

	private static final String DECISION_RESULT = "decisionResult";

	private DecisionResults() {
	}

	public static DmnDecisionResultEntries singleResult(DelegateExecution execution) {
		Object result = execution.getVariableLocal(DECISION_RESULT);
		if (!(result instanceof DmnDecisionResult decisionResult) || decisionResult.isEmpty()) {
			throw new IllegalStateException("Decision of activity '" + execution.getCurrentActivityId()
					+ "' matched no rule; check the decision table");
		}
		return decisionResult.getSingleResult();
	}

	public static String text(DmnDecisionResultEntries entries, String output) {
		return required(entries, output).toString();
	}

	public static int integer(DmnDecisionResultEntries entries, String output) {
		return ((Number) required(entries, output)).intValue();
	}

	public static boolean bool(DmnDecisionResultEntries entries, String output) {
		return (Boolean) required(entries, output);
	}

	private static Object required(DmnDecisionResultEntries entries, String output) {
		Object value = entries.getEntry(output);
		if (value == null) {
			throw new IllegalStateException("Decision result has no output '" + output + "'");
		}
		return value;
	}

}
