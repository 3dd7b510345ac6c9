package io.complaintdesk.customer.review;

import java.util.List;

/** The supervisor's amendments cannot be applied; each error says which line and why. */
class InvalidAmendmentsException extends RuntimeException {

	private final List<String> errors;

	InvalidAmendmentsException(List<String> errors) {
		super("The amendments cannot be applied: " + String.join("; ", errors));
		this.errors = List.copyOf(errors);
	}

	List<String> errors() {
		return this.errors;
	}

}
