package io.complaintdesk.base;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks what a person entered when completing a task; a {@link Refusal} leaves the task open. Free text
 * is at most {@value #MAX_TEXT} characters of {@link PlainText plain text}, kept verbatim apart
 * from surrounding blanks.
 */
public final class TaskInput {

	public static final int MAX_TEXT = 4000;

	private TaskInput() {
	}

	public static String requireText(VariableScope scope, ProcessVariable<String> variable) {
		String text = variable.get(scope);
		if (text == null || text.isBlank()) {
			throw Refusal.of("refusal.required", Text.field(variable.name()));
		}
		return optionalText(scope, variable);
	}

	public static String optionalText(VariableScope scope, ProcessVariable<String> variable) {
		String text = variable.get(scope);
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_TEXT) {
			throw Refusal.of("refusal.tooLong", Text.field(variable.name()), MAX_TEXT);
		}
		Text problem = PlainText.Validator.problem(text, true);
		if (problem != null) {
			throw Refusal.of("refusal.field", Text.field(variable.name()), problem);
		}
		return text.trim();
	}

	public static <T> T require(VariableScope scope, ProcessVariable<T> variable) {
		return variable.require(scope);
	}

}
