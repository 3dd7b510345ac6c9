package io.complaintdesk.system;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Errors of the project API as RFC 9457 problem details: a bad request lists its field errors,
 * nothing leaks a stack trace.
 */
@RestControllerAdvice(basePackages = "io.complaintdesk")
class ApiExceptionHandler {

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

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
			String message = (mapping instanceof InvalidFormatException format)
					? "must be a " + format.getTargetType().getSimpleName().toLowerCase() : "has the wrong type";
			return badRequest("The request has invalid fields", List.of(new FieldError(field, message)));
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

	private static ProblemDetail badRequest(String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	record FieldError(String field, String message) {
	}

}
