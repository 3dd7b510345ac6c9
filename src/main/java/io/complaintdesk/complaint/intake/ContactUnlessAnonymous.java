package io.complaintdesk.complaint.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * POLICY §2 匿名投诉: a complaint names its complainant and a contact phone unless it is anonymous;
 * the error is reported on the missing field, as {@code @NotBlank} would.
 */
@Documented
@Constraint(validatedBy = ContactUnlessAnonymous.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ContactUnlessAnonymous {

	String message() default "{jakarta.validation.constraints.NotBlank.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ContactUnlessAnonymous, ComplaintRequest> {

		@Override
		public boolean isValid(ComplaintRequest request, ConstraintValidatorContext context) {
			if (request == null || Boolean.TRUE.equals(request.anonymous())) {
				return true;
			}
			boolean valid = true;
			context.disableDefaultConstraintViolation();
			if (isBlank(request.customerName())) {
				missing(context, "customerName");
				valid = false;
			}
			if (isBlank(request.contactPhone())) {
				missing(context, "contactPhone");
				valid = false;
			}
			return valid;
		}

		private static void missing(ConstraintValidatorContext context, String field) {
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode(field)
				.addConstraintViolation();
		}

		private static boolean isBlank(String text) {
			return text == null || text.isBlank();
		}

	}

}
