package io.complaintdesk.complaint.intake;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

import io.complaintdesk.complaint.NewComplaint;

/**
 * The edge of a complaint started from Tasklist's start form or engine REST: its variables are
 * read as a {@link ComplaintRequest}, checked with the same Bean Validation constraints as
 * {@code POST /api/complaints}, and typed once. A refusal lists every field error and leaves
 * nothing behind (the start's transaction rolls back).
 */
@Component
class StartFormInput {

	private final Validator validator;

	StartFormInput(Validator validator) {
		this.validator = validator;
	}

	NewComplaint read(Map<String, Object> variables) {
		ComplaintRequest request = ComplaintRequest.fromVariables(variables);
		Set<ConstraintViolation<ComplaintRequest>> violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			String errors = violations.stream()
				.map((v) -> v.getPropertyPath() + " " + v.getMessage())
				.sorted()
				.collect(Collectors.joining("; "));
			throw new BadUserRequestException("The complaint cannot be registered: " + errors);
		}
		return request.toNewComplaint();
	}

}
