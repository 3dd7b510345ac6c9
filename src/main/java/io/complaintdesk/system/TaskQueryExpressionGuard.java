package io.complaintdesk.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * Mitigation of CVE-2026-109432: JUEL expressions smuggled into a task query (for example into
 * its {@code orQueries}) are evaluated on the server, where Spring beans are in reach. Camunda
 * 7.24 CE gets no fix, so every task query that reaches the engine from outside — engine REST
 * ({@code /engine-rest/task}, {@code /history/task}, {@code /filter/…}) and the web apps' own copy
 * of it ({@code /camunda/api/engine/engine/{engine}/…}) — is refused with 400 when any query
 * parameter or any name or text value of its JSON body holds {@code ${} or {@code #{}.
 * <p>
 * Expressions in the desk's own Tasklist filters ("今日到期", due today) are written by
 * {@code DemoData} through the Java API and keep working; creating or changing a filter with an
 * expression through REST is refused like any other task query.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {

	/** Task queries under engine REST and the web apps' engine API, with or without engine name. */
	static final Pattern TASK_QUERY_PATH = Pattern
		.compile("/(engine-rest|camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?/(task(/count)?|history/task(/count)?|filter(/.*)?)/?");

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");

	/** A task query is small; anything bigger is refused rather than buffered. */
	static final int MAX_BODY_BYTES = 256 * 1024;

	private static final Logger log = LoggerFactory.getLogger(TaskQueryExpressionGuard.class);

	private final ObjectMapper json;

	TaskQueryExpressionGuard(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !TASK_QUERY_PATH.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (hasExpression(request.getParameterMap()) || hasExpression(request.getQueryString())) {
			refuse(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			writeError(request, response, Text.of("rest.taskQuery.tooLarge", MAX_BODY_BYTES / 1024));
			return;
		}
		if (body.length > 0 && bodyHasExpression(body)) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private boolean bodyHasExpression(byte[] body) {
		try {
			return hasExpression(this.json.readTree(body));
		}
		catch (JsonProcessingException ex) {
			// not JSON: the engine refuses it as malformed before any query runs; look at the raw text anyway
			return hasExpression(new String(body, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static boolean hasExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return hasExpression(node.asText());
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (hasExpression(field.getKey()) || hasExpression(field.getValue())) {
					return true;
				}
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (hasExpression(element)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasExpression(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (hasExpression(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (hasExpression(value)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Also looks through one more level of percent-encoding ({@code %24%7B}). */
	private static boolean hasExpression(String text) {
		if (text == null) {
			return false;
		}
		if (EXPRESSION.matcher(text).find()) {
			return true;
		}
		try {
			return EXPRESSION.matcher(URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8)).find();
		}
		catch (IllegalArgumentException ex) {
			// a plain '%' in a search text ("50% off"): nothing encoded to look through
			return false;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("Refused a task query with an expression from {} ({} {})", request.getRemoteAddr(),
				request.getMethod(), request.getRequestURI());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		writeError(request, response, Text.of("rest.taskQuery.expression"));
	}

	private void writeError(HttpServletRequest request, HttpServletResponse response, Text message)
			throws IOException {
		// the engine REST API's error shape, so Tasklist shows the message; in the caller's language
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.json.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message",
				Messages.render(message, Messages.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))));
	}

	/** The request with its body read once and served again to the engine. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : StandardCharsets.UTF_8.name();
			return new java.io.BufferedReader(
					new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
