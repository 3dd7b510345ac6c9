package io.complaintdesk.base;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * A refusal of a {@code /api} call with its status (403, 404, 409 …) and its {@link Text}, which the
 * problem detail writes in the caller's language ({@code system/ApiExceptionHandler}); the reason is
 * the English text, for logs.
 */
public class ApiRefusal extends ResponseStatusException implements Translatable {

	private static final long serialVersionUID = 1L;

	private final transient Text text;

	public ApiRefusal(HttpStatusCode status, Text text) {
		super(status, Messages.english(text));
		this.text = text;
	}

	public static ApiRefusal forbidden(String code, Object... arguments) {
		return new ApiRefusal(HttpStatus.FORBIDDEN, Text.of(code, arguments));
	}

	public static ApiRefusal notFound(String code, Object... arguments) {
		return new ApiRefusal(HttpStatus.NOT_FOUND, Text.of(code, arguments));
	}

	public static ApiRefusal conflict(String code, Object... arguments) {
		return new ApiRefusal(HttpStatus.CONFLICT, Text.of(code, arguments));
	}

	@Override
	public Text text() {
		return this.text;
	}

}
