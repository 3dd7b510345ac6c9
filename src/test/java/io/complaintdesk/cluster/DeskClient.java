package io.complaintdesk.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** HTTP calls to one node as one user (HTTP Basic), JSON in and out. */
final class DeskClient {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String baseUrl;

	private final String authorization;

	DeskClient(String baseUrl, String user, String password) {
		this.baseUrl = baseUrl;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	Response get(String path) throws IOException {
		return send(request(path).GET());
	}

	Response post(String path, Object body) throws IOException {
		return send(request(path).POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	Response put(String path, Object body) throws IOException {
		return send(request(path).PUT(BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
	}

	private static Response send(HttpRequest.Builder request) throws IOException {
		try {
			var response = HTTP.send(request.build(), BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = (body == null || body.isBlank()) ? MissingNode.getInstance() : JSON.readTree(body);
			return new Response(response.statusCode(), json);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	/** A status and the JSON answer ({@link MissingNode} when there was none). */
	record Response(int status, JsonNode body) {

		Response expect(int expected) {
			if (this.status != expected) {
				throw new AssertionError("Expected HTTP " + expected + " but got " + this.status + ": " + this.body);
			}
			return this;
		}

	}

}
