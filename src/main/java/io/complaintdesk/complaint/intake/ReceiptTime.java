package io.complaintdesk.complaint.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * The time a complaint was received (POLICY §2): an ISO-8601 instant with its offset
 * ({@code 2026-11-20T10:00:00+08:00}, {@code …Z}), not in the future and at most
 * {@code complaint-desk.intake.max-receipt-age} (30 days) back, on the desk's clock. Absent is
 * fine: then the complaint is received now.
 */
@Documented
@Constraint(validatedBy = ReceiptTime.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReceiptTime {

	String message() default "{constraint.receivedAt.format}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Created by Spring's validator factory, which injects the desk's clock and the configuration. */
	class Validator implements ConstraintValidator<ReceiptTime, String> {

		private final Clock clock;

		private final IntakeProperties properties;

		Validator(Clock clock, IntakeProperties properties) {
			this.clock = clock;
			this.properties = properties;
		}

		/** The instant a text names, if it is an ISO-8601 date-time with an offset. */
		public static Optional<Instant> parse(String text) {
			if (text == null || text.isBlank()) {
				return Optional.empty();
			}
			try {
				return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			Optional<Instant> receivedAt = parse(value);
			if (receivedAt.isEmpty()) {
				return false;
			}
			Instant now = this.clock.instant();
			if (receivedAt.get().isAfter(now)) {
				return refuse(context, "{constraint.receivedAt.future}");
			}
			if (receivedAt.get().isBefore(now.minus(this.properties.maxReceiptAge()))) {
				context.unwrap(HibernateConstraintValidatorContext.class)
					.addMessageParameter("days", this.properties.maxReceiptAge().toDays());
				return refuse(context, "{constraint.receivedAt.tooOld}");
			}
			return true;
		}

		private static boolean refuse(ConstraintValidatorContext context, String message) {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
