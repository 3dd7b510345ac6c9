package io.complaintdesk.customer.review;

import java.util.List;

import io.complaintdesk.base.Text;

/** The supervisor's amendments cannot be applied; each error says which line and why. */
class InvalidAmendmentsException extends RuntimeException {

	private final transient List<Text> errors;

	private final transient Text text;

	InvalidAmendmentsException(List<Text> errors) {
		this(List.copyOf(errors), Text.of("refusal.tierReview.amendments", List.copyOf(errors)));
	}

	private InvalidAmendmentsException(List<Text> errors, Text text) {
		super(text.toString());
		this.errors = errors;
		this.text = text;
	}

	/** Each line's error. */
	List<Text> errors() {
		return this.errors;
	}

	/** Every error, to be written in the reader's language. */
	Text text() {
		return this.text;
	}

}
