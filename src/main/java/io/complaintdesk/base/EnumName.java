package io.complaintdesk.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The annotated string must be the name of one of the enum's constants (null is valid; add
 * {@code @NotNull} where required). Used instead of enum-typed fields so that a wrong value is a
 * field error listing the allowed values, not an unreadable request.
 */
@Documented
@Constraint(validatedBy = EnumName.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumName {

	Class<? extends Enum<?>> value();

	String message() default "{io.complaintdesk.base.EnumName.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<EnumName, String> {

		private String[] names;

		@Override
		public void initialize(EnumName annotation) {
			this.names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || Arrays.asList(this.names).contains(value)) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			// the allowed names, in the language being validated in; never the refused value
			context
				.buildConstraintViolationWithTemplate(Messages.template(
						Text.of("validation.enumName", Arrays.stream(this.names).collect(Collectors.joining(", ")))))
				.addConstraintViolation();
			return false;
		}

	}

}
