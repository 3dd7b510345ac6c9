package io.complaintdesk.system;

import io.complaintdesk.base.PlainText;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Errors of the project API as RFC 9457 problem details: a bad request lists its field errors,
 * a body over {@link ApiBodyLimit} is 413, nothing leaks a stack trace, a class name or SQL.
 */
@RestControllerAdvice(basePackages = "io.complaintdesk")
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> new FieldError(e.getField(), e.getDefaultMessage()))
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
		return badRequest("The request has invalid fields", errors);
	}

	/** A constraint on a path variable or query parameter, e.g. {@code @PlainText String caseNumber}. */
	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameter(HandlerMethodValidationException ex) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
			.toList();
		return badRequest("The request has invalid fields", errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof ApiBodyLimit.BodyTooLargeException tooLarge) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					tooLarge.getMessage() + "; nothing was stored");
			problem.setProperty("errors", List.of());
			return problem;
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return badRequest("The request has invalid fields",
					List.of(new FieldError(field, expected(mismatch.getTargetType()))));
		}
		return badRequest("The request body is not valid JSON", List.of());
	}

	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badUserRequest(BadUserRequestException ex) {
		return badRequest(ex.getMessage(), List.of());
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this: " + ex.getMessage());
	}

	@ExceptionHandler(ResponseStatusException.class)
	ProblemDetail status(ResponseStatusException ex) {
		return ProblemDetail.forStatusAndDetail(ex.getStatusCode(), ex.getReason());
	}

	/** Anything else: logged with a reference the user can quote, never shown as a trace or SQL. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		if (ex instanceof ErrorResponse standard) {
			// Spring MVC's own errors (missing parameter, wrong method, unknown path) keep their status
			return standard.getBody();
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String field = (mismatch instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
					: mismatch.getPropertyName();
			return badRequest("The request has invalid fields", List.of(new FieldError(field, "has the wrong type")));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected error {}", reference, ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong; nothing was changed. Quote reference " + reference + " to the administrator.");
		problem.setProperty("reference", reference);
		return problem;
	}

	/** What a JSON value of the wrong type should have been, in the words of the API's documentation. */
	private static String expected(Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "must be a number";
		}
		if (type == String.class) {
			return "must be a string";
		}
		return "has the wrong type";
	}

	private static ProblemDetail badRequest(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	record FieldError(String field, String message) {
	}

}
