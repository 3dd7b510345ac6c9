package io.complaintdesk.base;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a person gave that the desk refuses (a task completion, a start form, a claim): thrown by
 * task listeners and the start-form checks, the step rolls back and the task stays open. It carries
 * its {@link Text}, which the edge writes in the reader's language (engine REST and Tasklist:
 * {@code system/EngineRestRefusals}); {@link #getMessage()} is the English text, for logs and for
 * callers of the Java API.
 */
public class Refusal extends BadUserRequestException implements Translatable {

	private static final long serialVersionUID = 1L;

	private final transient Text text;

	public Refusal(Text text) {
		super(Messages.english(text));
		this.text = text;
	}

	public Refusal(Text text, Throwable cause) {
		super(Messages.english(text), cause);
		this.text = text;
	}

	/** Shorthand for {@code new Refusal(Text.of(code, arguments))}. */
	public static Refusal of(String code, Object... arguments) {
		return new Refusal(Text.of(code, arguments));
	}

	@Override
	public Text text() {
		return this.text;
	}

}
