package io.complaintdesk.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A browser's view of the Camunda web apps over plain HTTP: a cookie jar, Camunda's CSRF token
 * (cookie {@code XSRF-TOKEN} sent back as header {@code X-XSRF-TOKEN}) and the web-app login.
 */
final class WebappClient {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	WebappClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	/** Opens Tasklist's start page, as a browser does first: the session gets its CSRF token. */
	HttpResponse<String> open() {
		return get("/camunda/app/tasklist/default/");
	}

	Optional<String> csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	/** Logs into Tasklist with the token, as the login form does. */
	HttpResponse<String> login(String user, String password) {
		open();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", csrfToken().orElse(""))
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build());
		// the login starts a new session, which gets a new CSRF token with the next page
		open();
		return response;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build());
	}

	/** A modifying request with the session's CSRF token, as the web apps send it. */
	HttpResponse<String> postJson(String path, String json) {
		return postJson(path, json, true);
	}

	HttpResponse<String> postJson(String path, String json, boolean withCsrfToken) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (withCsrfToken) {
			request.header("X-XSRF-TOKEN", csrfToken().orElse(""));
		}
		return send(request.build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	URI uri(String path) {
		return URI.create(this.base + path);
	}

}
