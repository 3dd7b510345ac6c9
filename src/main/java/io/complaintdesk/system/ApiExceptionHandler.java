package io.complaintdesk.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.complaintdesk.base.ApiRefusal;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Problems;
import io.complaintdesk.base.Problems.FieldError;
import io.complaintdesk.base.Problems.FieldProblem;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.Text;
import io.complaintdesk.base.Translatable;

/**
 * Errors of the project API as RFC 9457 problem details in the caller's language ({@link Messages}:
 * Chinese unless {@code Accept-Language} asks for English): a bad request lists its field errors
 * (Bean Validation's messages come from the same bundles), a body over {@link ApiBodyLimit} is 413,
 * nothing leaks a stack trace, a class name, an engine id or SQL.
 */
@RestControllerAdvice(basePackages = "io.complaintdesk")
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/** the case file's limit per attachment, named in the refusal of an upload too large to read */
	private final long maxAttachmentMegabytes;

	ApiExceptionHandler(@Value("${complaint-desk.case-file.max-file-size:20MB}") DataSize maxAttachment) {
		this.maxAttachmentMegabytes = maxAttachment.toMegabytes();
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, Locale locale) {
		// Bean Validation wrote the messages in the request's language
		return Problems.invalidFields(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> new FieldError(e.getField(), e.getDefaultMessage()))
			.toList(), locale);
	}

	/**
	 * A constraint on a path variable or query parameter, e.g. {@code @PlainText String caseNumber};
	 * or on a field of a {@code @Valid} body of a handler that also has such parameters (each error
	 * then names the body's field).
	 */
	@ExceptionHandler(HandlerMethodValidationException.class)
	ProblemDetail invalidParameter(HandlerMethodValidationException ex, Locale locale) {
		return Problems.invalidFields(ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> (result instanceof ParameterErrors body && body.hasFieldErrors())
					? body.getFieldErrors().stream().map((e) -> new FieldError(e.getField(), e.getDefaultMessage()))
					: result.getResolvableErrors()
						.stream()
						.map((error) -> new FieldError(result.getMethodParameter().getParameterName(),
								error.getDefaultMessage())))
			.toList(), locale);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, Locale locale) {
		if (ex.getMostSpecificCause() instanceof ApiBodyLimit.BodyTooLargeException) {
			ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
					Text.of("api.bodyTooLarge", ApiBodyLimit.MAX_BYTES / 1024), locale);
			problem.setProperty("errors", List.of());
			return problem;
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return Problems.invalidFields(locale, new FieldProblem(field, expected(mismatch.getTargetType())));
		}
		return Problems.badRequest(Text.of("api.invalidJson"), locale);
	}

	/** A multipart body that cannot be read (the size limit has its own answer: 413, as an ErrorResponse). */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ProblemDetail multipart(org.springframework.web.multipart.MultipartException ex, Locale locale) {
		if (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
					Text.of("api.attachment.requestTooLarge", this.maxAttachmentMegabytes), locale);
		}
		log.debug("Unreadable multipart request: {}", ex.getMessage());
		return Problems.badRequest(Text.of("api.attachment.malformed"), locale);
	}

	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail badUserRequest(BadUserRequestException ex, Locale locale) {
		Text refusal = (ex instanceof Refusal ours && ours.text() != null) ? ours.text()
				: Text.written(ex.getMessage(), ex.getMessage());
		return Problems.badRequest(refusal, locale);
	}

	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail forbidden(AuthorizationException ex, Locale locale) {
		if (ex instanceof Translatable desk && desk.text() != null) {
			return Problems.of(HttpStatus.FORBIDDEN, desk.text(), locale);
		}
		// the engine's text names users, resources and ids: logged, not shown
		log.debug("Engine authorization refused an API call: {}", ex.getMessage());
		return Problems.of(HttpStatus.FORBIDDEN, Text.of("api.forbidden"), locale);
	}

	@ExceptionHandler(ResponseStatusException.class)
	ProblemDetail status(ResponseStatusException ex, Locale locale) {
		if (ex instanceof ApiRefusal refusal && refusal.text() != null) {
			return Problems.of(ex.getStatusCode(), refusal.text(), locale);
		}
		return Problems.titled(ProblemDetail.forStatusAndDetail(ex.getStatusCode(), ex.getReason()), locale);
	}

	/** Anything else: logged with a reference the user can quote, never shown as a trace or SQL. */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, Locale locale) {
		if (ex instanceof ErrorResponse standard) {
			// Spring MVC's own errors (missing parameter, wrong method, unknown path) keep their status
			return springError(standard, locale);
		}
		if (ex instanceof TypeMismatchException mismatch) {
			String field = (mismatch instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
					: mismatch.getPropertyName();
			return Problems.invalidFields(locale, new FieldProblem(field, Text.of("api.type.wrong")));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected error {}", reference, ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Text.of("api.unexpected", reference),
				locale);
		problem.setProperty("reference", reference);
		return problem;
	}

	/**
	 * Spring MVC's problem detail in the caller's language: its detail from the bundles'
	 * {@code problemDetail.<exception class>} where they have one, else the status's general text.
	 */
	private static ProblemDetail springError(ErrorResponse standard, Locale locale) {
		ProblemDetail problem = standard.updateAndGetBody(Messages.source(), locale);
		if (Messages.source().getMessage(standard.getDetailMessageCode(), null, null, locale) == null) {
			problem.setDetail(Messages.render(Text.of("api.status." + problem.getStatus()).orElse(problem.getDetail()),
					locale));
		}
		return Problems.titled(problem, locale);
	}

	/** What a JSON value of the wrong type should have been, in the words of the API's documentation. */
	private static Text expected(Class<?> type) {
		if (type == null) {
			return Text.of("api.type.wrong");
		}
		if (type.isEnum()) {
			return Text.of("validation.enumName", Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", ")));
		}
		if (type == Boolean.class || type == boolean.class) {
			return Text.of("api.type.boolean");
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return Text.of("api.type.integer");
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return Text.of("api.type.number");
		}
		if (type == String.class) {
			return Text.of("api.type.string");
		}
		return Text.of("api.type.wrong");
	}

}
