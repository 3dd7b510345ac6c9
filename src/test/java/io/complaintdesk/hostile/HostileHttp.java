package io.complaintdesk.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Raw HTTP against the running server, so that the bytes, the path and the headers arrive exactly
 * as written (no client-side encoding or JSON serialization gets in the way), through the real
 * servlet stack, Spring Security and Jersey.
 */
final class HostileHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient client;

	private final String base;

	private final String authorization;

	private String csrfToken;

	private String language;

	private HostileHttp(String base, String user, boolean session) {
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
		if (session) {
			builder.cookieHandler(new CookieManager());
		}
		this.client = builder.build();
		this.base = base;
		this.authorization = (user != null && !session)
				? "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))
				: null;
	}

	/** HTTP Basic as the user (password = user id, as for the test users). */
	static HostileHttp as(int port, String user) {
		return new HostileHttp("http://localhost:" + port, user, false);
	}

	/** The same client, asking for answers in the language ({@code Accept-Language}), e.g. {@code en}. */
	HostileHttp acceptLanguage(String language) {
		this.language = language;
		return this;
	}

	/**
	 * Logs into the web apps as the user, like Tasklist does: a page sets the CSRF cookie, the login
	 * form posts with its token, and every later change sends the token of the new session.
	 */
	static HostileHttp tasklistSession(int port, String user) throws Exception {
		HostileHttp http = new HostileHttp("http://localhost:" + port, user, true);
		http.refreshCsrfToken();
		Answer login = http.send(HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + user + "&password=" + user)));
		assertThat(login.status()).as("Tasklist login of %s: %s", user, login.body()).isEqualTo(200);
		http.refreshCsrfToken();
		return http;
	}

	private void refreshCsrfToken() throws Exception {
		HttpResponse<String> page = this.client.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/"))
			.header("Accept", "application/json")
			.GET()
			.build(), BodyHandlers.ofString());
		page.headers().firstValue("X-XSRF-TOKEN").ifPresent((token) -> this.csrfToken = token);
	}

	Answer get(String rawPathAndQuery) throws Exception {
		return send(HttpRequest.newBuilder(uri(rawPathAndQuery)).header("Accept", "application/json").GET());
	}

	Answer post(String path, String contentType, byte[] body, boolean chunked) throws Exception {
		return send("POST", path, contentType, body, chunked);
	}

	/** A request with a body: {@code POST}, {@code PATCH}, … */
	Answer send(String method, String path, String contentType, byte[] body, boolean chunked) throws Exception {
		// a publisher from a stream has no length: the request goes out chunked
		BodyPublisher publisher = chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: BodyPublishers.ofByteArray(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request.method(method, publisher));
	}

	Answer postJson(String path, String json) throws Exception {
		return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), false);
	}

	private URI uri(String rawPathAndQuery) {
		return URI.create(this.base + rawPathAndQuery);
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (this.csrfToken != null) {
			request.header("X-XSRF-TOKEN", this.csrfToken);
		}
		if (this.language != null) {
			request.header("Accept-Language", this.language);
		}
		request.timeout(Duration.ofSeconds(60));
		HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	/** A response: status, content type and body as text. */
	record Answer(int status, String contentType, String body) {

		JsonNode json() throws Exception {
			return JSON.readTree(this.body);
		}

		/**
		 * A refusal a person can read: JSON with a message (a problem detail's {@code detail}, the
		 * engine REST's {@code message}, or for a path no controller serves the {@code error} of
		 * Spring Boot's error answer, "Not Found"), and nothing of the server's inside: no stack
		 * trace, no exception class, no SQL, no package names.
		 */
		Answer assertReadableRefusal() throws Exception {
			assertThat(this.contentType).as("content type of %s", this.body).contains("json");
			assertThat(message()).as("human message in %s", this.body).isNotBlank();
			return assertNoInternals();
		}

		/** No stack trace, no SQL, no class or package of the server's in the body. */
		Answer assertNoInternals() {
			assertThat(this.body).doesNotContain("\tat ", "at org.", "at io.", "at java.", "Caused by")
				.doesNotContainIgnoringCase("SQLException")
				.doesNotContain("SQLState", "JdbcSQL", "org.h2", "org.postgresql", "org.springframework",
						"org.camunda", "com.fasterxml", "io.complaintdesk", "jakarta.", "java.lang", "ENGINE-",
						"Tomcat");
			return this;
		}

		/** The message is written in Chinese (the default when no {@code Accept-Language} asks for English). */
		Answer assertChinese() throws Exception {
			assertThat(message()).as("Chinese message in %s", this.body)
				.matches((text) -> text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
						"has Chinese characters");
			return this;
		}

		/** Nothing in the body names an engine id (a task's, a process instance's): no UUID. */
		Answer assertNoUuid() {
			assertThat(this.body).as("no engine id in the answer")
				.doesNotContainPattern("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
			return this;
		}

		/** As {@link #assertReadableRefusal()}, and not even a simple exception class name. */
		Answer assertNoExceptionName() {
			assertThat(this.body).doesNotContain("Exception");
			return this;
		}

		String message() throws Exception {
			JsonNode json = json();
			for (String field : new String[] { "detail", "message", "error" }) {
				if (json.hasNonNull(field)) {
					return json.get(field).asText();
				}
			}
			return "";
		}

	}

}
