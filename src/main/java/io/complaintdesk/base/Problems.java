package io.complaintdesk.base;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The {@code /api}'s answers to refused requests as RFC 9457 problem details in the caller's language
 * ({@link Messages}): a title for the status ({@code http.status.404} → 未找到 / Not Found), the
 * detail, and for bad input {@code errors}, a list of {@code {field, message}} with the field's JSON
 * name and what is wrong with it.
 */
public final class Problems {

	/** The detail of every answer that lists field errors. */
	public static final String INVALID_FIELDS = "api.invalidFields";

	private Problems() {
	}

	/** A problem detail with the status's title and the detail, both in the language of the locale. */
	public static ProblemDetail of(HttpStatusCode status, Text detail, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Messages.render(detail, locale));
		return titled(problem, locale);
	}

	/** Gives the problem detail the title of its status in the language of the locale. */
	public static ProblemDetail titled(ProblemDetail problem, Locale locale) {
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		String reason = (status != null) ? status.getReasonPhrase() : String.valueOf(problem.getStatus());
		problem.setTitle(Messages.render(Text.of("http.status." + problem.getStatus()).orElse(reason), locale));
		return problem;
	}

	/** 400 with the detail and no field errors. */
	public static ProblemDetail badRequest(Text detail, Locale locale) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail, locale);
		problem.setProperty("errors", List.of());
		return problem;
	}

	/** 400 with the field errors, sorted by field and message. */
	public static ProblemDetail invalidFields(List<FieldError> errors, Locale locale) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, Text.of(INVALID_FIELDS), locale);
		problem.setProperty("errors", errors.stream()
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList());
		return problem;
	}

	/** 400 with the field errors, each written in the language of the locale. */
	public static ProblemDetail invalidFields(Locale locale, FieldProblem... problems) {
		return invalidFields(Arrays.stream(problems)
			.map((problem) -> new FieldError(problem.field(), Messages.render(problem.problem(), locale)))
			.toList(), locale);
	}

	/** A status other than 400 (409: the id exists) that still names the field at fault. */
	public static ProblemDetail withFieldError(HttpStatusCode status, Text detail, FieldProblem problem,
			Locale locale) {
		ProblemDetail answer = of(status, detail, locale);
		answer.setProperty("errors",
				List.of(new FieldError(problem.field(), Messages.render(problem.problem(), locale))));
		return answer;
	}

	/** One field error as the answer lists it: the field's JSON name and the message. */
	public record FieldError(String field, String message) {
	}

	/** What is wrong with a field, before it is written in the caller's language. */
	public record FieldProblem(String field, Text problem) {
	}

}
