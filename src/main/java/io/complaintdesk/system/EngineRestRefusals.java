package io.complaintdesk.system;

import io.complaintdesk.base.TaskInput;
import io.complaintdesk.base.ProcessVariable;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Bad input refused by the process gets 400 from the engine REST APIs, with the refusal as the
 * message. Camunda's REST resources answer 500 to any engine exception of a task completion, a
 * form submission or a process start, and the engine wraps what a task listener throws
 * (ENGINE-03051); so a completion listener's "'valid' is required" reached clients as a server
 * error. Here a 500 whose causes include a {@link BadUserRequestException} (what {@link TaskInput},
 * {@link ProcessVariable} and the listeners throw) becomes
 * {@code 400 {"type": "InvalidInput", "message": "Cannot complete task …: 'valid' is required"}};
 * every other engine error keeps Camunda's answer. A body that is not JSON, or has a value of the
 * wrong type, gets a 400 in the same form instead of Jackson's text with the engine's class names.
 * <p>
 * Registered by Jersey's auto-discovery ({@code META-INF/services}) in every Jersey application:
 * {@code /engine-rest} and the web apps' {@code /camunda/api/engine}, which Tasklist uses, alike.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class EngineRestRefusals implements AutoDiscoverable {

	/** Before Camunda's own mappers of the same exception types (which have the default priority). */
	static final int PRIORITY = Priorities.USER - 100;

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(RestRefusal.class)) {
			context.register(RestRefusal.class);
			context.register(EngineRefusal.class);
			context.register(UnreadableJson.class);
			context.register(MistypedJson.class);
		}
	}

	/** The refusal behind an exception, or {@code null} when a person's input was not refused. */
	static BadUserRequestException refusal(Throwable exception) {
		for (Throwable cause = exception; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof BadUserRequestException refused) {
				return refused;
			}
		}
		return null;
	}

	static Response badRequest(String message) {
		return Response.status(Response.Status.BAD_REQUEST)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "InvalidInput", "message", message))
			.build();
	}

	/** What a REST resource made a 500 of: "Cannot complete task 42: ENGINE-03051 …". */
	@Priority(PRIORITY)
	public static final class RestRefusal implements ExtendedExceptionMapper<RestException> {

		@Override
		public boolean isMappable(RestException exception) {
			return (exception.getStatus() == null || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR)
					&& refusal(exception.getCause()) != null;
		}

		@Override
		public Response toResponse(RestException exception) {
			// keep the resource's "Cannot complete task 42" and replace the engine's wrapping after it
			String message = String.valueOf(exception.getMessage());
			int colon = message.indexOf(": ");
			String refusal = refusal(exception.getCause()).getMessage();
			return badRequest((colon > 0) ? message.substring(0, colon + 2) + refusal : refusal);
		}

	}

	/** A body that is not JSON at all. */
	@Priority(PRIORITY)
	public static final class UnreadableJson implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return badRequest("The request body is not valid JSON");
		}

	}

	/** JSON with a value of the wrong type, e.g. an array where the variables object belongs. */
	@Priority(PRIORITY)
	public static final class MistypedJson implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			String field = exception.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return badRequest(field.isEmpty() ? "The request body is not the JSON object this call takes"
					: "The request body has a value of the wrong type at '" + field + "'");
		}

	}

	/** What reached Jersey unwrapped, e.g. a refused claim: "ENGINE-03051 … Message: '…'". */
	@Priority(PRIORITY)
	public static final class EngineRefusal implements ExtendedExceptionMapper<ProcessEngineException> {

		@Override
		public boolean isMappable(ProcessEngineException exception) {
			// a BadUserRequestException itself is 400 already; its wrappings are not
			return !(exception instanceof BadUserRequestException) && refusal(exception) != null;
		}

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return badRequest(refusal(exception).getMessage());
		}

	}

}
