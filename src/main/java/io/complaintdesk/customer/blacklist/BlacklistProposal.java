package io.complaintdesk.customer.blacklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.complaintdesk.base.TaskInput;
import io.complaintdesk.base.Text;

/**
 * What a supervisor enters to propose a blacklisting (start form {@code proposeBlacklisting}):
 * blanks read as absent, text trimmed.
 *
 * @param customerId the id of the customer master ({@code [A-Za-z0-9._-]}, at most 64)
 * @param reason the serious loss or damage to the company's reputation (POLICY §8), at most 1000
 * @param evidence where the proof is, optional
 */
record BlacklistProposal(String customerId, String reason, String evidence) {

	static final int MAX_REASON = 1000;

	/** The customer id as the complaint intake and the customer master accept it. */
	static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	static BlacklistProposal fromVariables(Map<String, Object> variables) {
		return new BlacklistProposal(text(variables, BlacklistProcess.CUSTOMER_ID.name()),
				text(variables, BlacklistProcess.REASON.name()), text(variables, BlacklistProcess.EVIDENCE.name()));
	}

	/** Every problem at once, in the order of the form; empty when the proposal can be recorded. */
	List<Text> errors() {
		List<Text> errors = new ArrayList<>();
		if (this.customerId == null) {
			errors.add(Text.of("refusal.required", Text.field("customerId")));
		}
		else if (!CUSTOMER_ID.matcher(this.customerId).matches()) {
			String shown = (this.customerId.length() <= 40) ? this.customerId : this.customerId.substring(0, 39) + "…";
			errors.add(Text.of("refusal.blacklist.customerId", Text.field("customerId"), shown));
		}
		if (this.reason == null) {
			errors.add(Text.of("refusal.required", Text.field("reason")));
		}
		else if (this.reason.length() > MAX_REASON) {
			errors.add(Text.of("refusal.tooLong", Text.field("reason"), MAX_REASON));
		}
		if (this.evidence != null && this.evidence.length() > TaskInput.MAX_TEXT) {
			errors.add(Text.of("refusal.tooLong", Text.field("evidence"), TaskInput.MAX_TEXT));
		}
		return errors;
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		if (value == null) {
			return null;
		}
		String text = value.toString().trim();
		return text.isEmpty() ? null : text;
	}

}
