package io.complaintdesk.complaint.intake;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.Text;
import io.complaintdesk.complaint.NewComplaint;

/**
 * The edge of a complaint started from Tasklist's start form or engine REST: its variables are
 * read as a {@link ComplaintRequest}, checked with the same Bean Validation constraints as
 * {@code POST /api/complaints}, and typed once. A {@link Refusal} lists every field error, in
 * Chinese and in English (Tasklist and engine REST show the caller's), and leaves nothing behind
 * (the start's transaction rolls back).
 */
@Component
class StartFormInput {

	private final Validator validator;

	StartFormInput(Validator validator) {
		this.validator = validator;
	}

	NewComplaint read(Map<String, Object> variables) {
		ComplaintRequest request = ComplaintRequest.fromVariables(variables);
		if (!this.validator.validate(request).isEmpty()) {
			// the reader's language is known only where the refusal is answered: said in both
			throw Refusal.of("refusal.complaint.invalid",
					Text.written(errors(request, Messages.CHINESE), errors(request, Messages.ENGLISH)));
		}
		return request.toNewComplaint();
	}

	/** Every field error, in the language, sorted by field: "投诉内容：不能为空白；…". */
	private String errors(ComplaintRequest request, Locale language) {
		Set<ConstraintViolation<ComplaintRequest>> violations = Messages.in(language,
				() -> this.validator.validate(request));
		return violations.stream()
			.sorted(Comparator.comparing((ConstraintViolation<ComplaintRequest> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.map((v) -> Messages.render(
					Text.of("refusal.fieldError", Text.field(v.getPropertyPath().toString()), v.getMessage()), language))
			.collect(Collectors.joining(Messages.render(Text.of("format.separator"), language)));
	}

}
