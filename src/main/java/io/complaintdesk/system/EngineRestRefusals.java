package io.complaintdesk.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.ProcessVariable;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.TaskInput;
import io.complaintdesk.base.Text;
import io.complaintdesk.base.Translatable;

/**
 * Bad input refused by the process gets 400 from the engine REST APIs, with the refusal as the
 * message in the caller's language (Chinese unless {@code Accept-Language} asks for English) and
 * without a task or process id, a class name or a trace. Camunda's REST resources answer 500 to any
 * engine exception of a task completion, a form submission or a process start, and the engine wraps
 * what a task listener throws (ENGINE-03051); so a completion listener's "'valid' is required"
 * reached clients as a server error, in English, after the task's id. Here a 500 whose causes
 * include a {@link BadUserRequestException} (a {@link Refusal} of {@link TaskInput},
 * {@link ProcessVariable}, the listeners and the start-form checks) becomes
 * {@code 400 {"type": "InvalidInput", "message": "无法完成任务：必须填写“投诉是否成立”"}}; every other
 * engine error keeps Camunda's answer. A body that is not JSON, or has a value of the wrong type,
 * gets a 400 in the same form instead of Jackson's text with the engine's class names.
 * <p>
 * Registered by Jersey's auto-discovery ({@code META-INF/services}) in every Jersey application:
 * {@code /engine-rest} and the web apps' {@code /camunda/api/engine}, which Tasklist uses (it shows
 * the message in its notification), alike.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public final class EngineRestRefusals implements AutoDiscoverable {

	/** Before Camunda's own mappers of the same exception types (which have the default priority). */
	static final int PRIORITY = Priorities.USER - 100;

	/** What the REST resource was doing, from its message "Cannot complete task 42: …". */
	private static final Map<String, String> ACTIONS = Map.of("Cannot complete task ", "rest.action.completeTask",
			"Cannot submit task form ", "rest.action.submitTaskForm", "Cannot resolve task ",
			"rest.action.resolveTask", "Cannot instantiate process definition ", "rest.action.startProcess");

	/**
	 * "Cannot complete task 42: Unsupported value type 'Klingon'": the action, its id (a process
	 * definition's has colons: {@code complaint-handling:3:…}) and the detail.
	 */
	private static final Pattern ACTION_DETAIL = Pattern.compile(
			"(Cannot (?:complete task|submit task form|resolve task|instantiate process definition)) \\S+?: (.*)",
			Pattern.DOTALL);

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(RestRefusal.class)) {
			context.register(RestRefusal.class);
			context.register(EngineRefusal.class);
			context.register(UnreadableJson.class);
			context.register(MistypedJson.class);
			context.register(ForbiddenWork.class);
		}
	}

	/**
	 * The refusal behind an exception, or {@code null} when a person's input was not refused: the
	 * desk's {@link Refusal} if there is one among the causes, else the engine's own.
	 */
	static BadUserRequestException refusal(Throwable exception) {
		BadUserRequestException found = null;
		for (Throwable cause = exception; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof Refusal ours) {
				return ours;
			}
			if (found == null && cause instanceof BadUserRequestException refused) {
				found = refused;
			}
		}
		return found;
	}

	/** The refusal as a text: the desk's in both languages, the engine's own as it is, without ids. */
	static Text text(BadUserRequestException refusal) {
		if (refusal instanceof Refusal ours && ours.text() != null) {
			return ours.text();
		}
		String message = UUID.matcher(String.valueOf(refusal.getMessage())).replaceAll("…");
		return Text.written(message, message);
	}

	/** "无法完成任务：" for "Cannot complete task 42: …", never the id. */
	static Text action(String restMessage) {
		String message = String.valueOf(restMessage);
		return ACTIONS.entrySet()
			.stream()
			.filter((action) -> message.startsWith(action.getKey()))
			.map((action) -> Text.of(action.getValue()))
			.findFirst()
			.orElse(Text.of("rest.action.other"));
	}

	static Response badRequest(Text message, HttpHeaders headers) {
		String language = (headers != null) ? headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) : null;
		return Response.status(Response.Status.BAD_REQUEST)
			.type(MediaType.APPLICATION_JSON_TYPE)
			.entity(Map.of("type", "InvalidInput", "message", Messages.render(message, Messages.language(language))))
			.build();
	}

	/**
	 * What a REST resource made a 500 of: "Cannot complete task 42: ENGINE-03051 …"; and Camunda's
	 * own 400 of a task completion, form submission or process start it could not read ("Cannot
	 * complete task 42: Unsupported value type 'Klingon'"), which keeps its type and its detail but
	 * loses the id and reads Chinese first.
	 */
	@Priority(PRIORITY)
	public static final class RestRefusal implements ExtendedExceptionMapper<RestException> {

		@Context
		private HttpHeaders headers;

		@Override
		public boolean isMappable(RestException exception) {
			return isRefusal(exception) || isUnreadable(exception);
		}

		private static boolean isRefusal(RestException exception) {
			return (exception.getStatus() == null || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR)
					&& refusal(exception.getCause()) != null;
		}

		private static boolean isUnreadable(RestException exception) {
			return exception.getStatus() == Response.Status.BAD_REQUEST
					&& ACTION_DETAIL.matcher(String.valueOf(exception.getMessage())).matches();
		}

		@Override
		public Response toResponse(RestException exception) {
			if (isRefusal(exception)) {
				// what the resource was doing, then the refusal instead of the engine's wrapping; no id
				return badRequest(
						Text.of("rest.refusal", action(exception.getMessage()), text(refusal(exception.getCause()))),
						this.headers);
			}
			Matcher message = ACTION_DETAIL.matcher(String.valueOf(exception.getMessage()));
			String detail = message.matches() ? UUID.matcher(message.group(2)).replaceAll("…") : "";
			Text refusal = Text.of("rest.refusal", action(exception.getMessage()), Text.of("rest.invalidRequest", detail));
			String language = (this.headers != null) ? this.headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) : null;
			return Response.status(Response.Status.BAD_REQUEST)
				.type(MediaType.APPLICATION_JSON_TYPE)
				.entity(Map.of("type", exception.getClass().getSimpleName(), "message",
						Messages.render(refusal, Messages.language(language))))
				.build();
		}

	}

	/** A body that is not JSON at all. */
	@Priority(PRIORITY)
	public static final class UnreadableJson implements ExceptionMapper<JsonParseException> {

		@Context
		private HttpHeaders headers;

		@Override
		public Response toResponse(JsonParseException exception) {
			return badRequest(Text.of("rest.invalidJson"), this.headers);
		}

	}

	/** JSON with a value of the wrong type, e.g. an array where the variables object belongs. */
	@Priority(PRIORITY)
	public static final class MistypedJson implements ExceptionMapper<JsonMappingException> {

		@Context
		private HttpHeaders headers;

		@Override
		public Response toResponse(JsonMappingException exception) {
			String field = exception.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			return badRequest(field.isEmpty() ? Text.of("rest.notTheObject") : Text.of("rest.wrongTypeAt", field),
					this.headers);
		}

	}

	/**
	 * The desk's refusal of work on a task by someone who is not its assignee or candidate: 403, as
	 * Camunda answers its own authorization checks, with the message in the caller's language.
	 */
	@Priority(PRIORITY)
	public static final class ForbiddenWork implements ExtendedExceptionMapper<AuthorizationException> {

		@Context
		private HttpHeaders headers;

		@Override
		public boolean isMappable(AuthorizationException exception) {
			return exception instanceof Translatable desk && desk.text() != null;
		}

		@Override
		public Response toResponse(AuthorizationException exception) {
			String language = (this.headers != null) ? this.headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE) : null;
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", AuthorizationException.class.getSimpleName());
			body.put("message", Messages.render(((Translatable) exception).text(), Messages.language(language)));
			body.put("userId", exception.getUserId());
			return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
		}

	}

	/**
	 * What reached Jersey without a REST resource's wrapping, e.g. a refused claim ("ENGINE-03051 …
	 * Message: '…'") or the desk's refusal itself, which Camunda would answer in English.
	 */
	@Priority(PRIORITY)
	public static final class EngineRefusal implements ExtendedExceptionMapper<ProcessEngineException> {

		@Context
		private HttpHeaders headers;

		@Override
		public boolean isMappable(ProcessEngineException exception) {
			// the engine's own BadUserRequestException is 400 already; its wrappings are not
			return refusal(exception) != null
					&& (exception instanceof Refusal || !(exception instanceof BadUserRequestException));
		}

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return badRequest(text(refusal(exception)), this.headers);
		}

	}

}
