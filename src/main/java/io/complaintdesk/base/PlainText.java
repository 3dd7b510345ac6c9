package io.complaintdesk.base;

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
 * The annotated string is text a person could have typed: no control characters (C0, DEL, C1)
 * and no unpaired surrogate halves, which no database stores faithfully (PostgreSQL refuses
 * {@code U+0000}). Tab and line breaks are allowed in {@link #multiline()} text. Any other
 * character is kept verbatim: scripts of every language, emoji and other characters beyond the
 * Basic Multilingual Plane, markup and SQL-looking text are data. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/** Whether tab, line feed and carriage return are allowed (free text such as a description). */
	boolean multiline() default false;

	String message() default "{io.complaintdesk.base.PlainText.message}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		private boolean multiline;

		/**
		 * What is wrong with the text, or {@code null} when it is plain text: the code point and
		 * its position (1-based), never the text itself.
		 * @param multiline whether tab and line breaks are allowed
		 */
		public static Text problem(String text, boolean multiline) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return Text.of("validation.plainText.surrogate", hex(c), i + 1);
				}
				else if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
					return Text.of(multiline ? "validation.plainText.control.multiline"
							: "validation.plainText.control.singleLine", hex(c), i + 1);
				}
			}
			return null;
		}

		private static String hex(char c) {
			return String.format("%04X", (int) c);
		}

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			Text problem = (value != null) ? problem(value, this.multiline) : null;
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			// in the language being validated in; built from code points only, never from the user's text
			context.buildConstraintViolationWithTemplate(Messages.template(problem)).addConstraintViolation();
			return false;
		}

	}

}
