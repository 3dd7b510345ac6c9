package io.complaintdesk.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The desk over real HTTP, as its clients call it: Tasklist with a web session (login form, session
 * cookie, Camunda's CSRF token {@code XSRF-TOKEN} sent back as {@code X-XSRF-TOKEN}), sending what
 * Tasklist 7.24 sends (camunda-bpm-sdk-js {@code Filter.getTasks}, {@code Task.claim},
 * {@code Task.submitForm}); and the project API with HTTP Basic.
 */
final class DeskHttp {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final String ENGINE = "/camunda/api/engine/engine/default";

	/** What camunda-bpm-sdk-js asks for (http-client.js), so the filter list answers HAL. */
	private static final String HAL = "application/hal+json, application/json; q=0.5";

	/**
	 * The body of Tasklist's task-list request (cam-tasklist-view-ctrl.js {@code taskListQuery}): the
	 * (empty) search, paging, the list's default sorting "created, descending" and {@code active}.
	 * The engine appends this sorting to the filter's own (priority descending, due date ascending),
	 * so the list comes in the filter's order.
	 */
	static final String TASKLIST_QUERY = """
			{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
			"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

	/**
	 * What Tasklist's Camunda Forms renderer submits for the verification form (verifyComplaint.form)
	 * answered "valid": the enabled fields — {@code valid} and the five flags; the disabled case
	 * fields are not submitted, the reasoned answer is hidden while valid is true.
	 */
	static final String VERIFY_FORM = """
			{"variables":{"valid":{"value":true},"emotional":{"value":false},"beyondAuthority":{"value":false},\
			"batchIssue":{"value":false},"disturbance":{"value":false},"reputationRisk":{"value":false}}}""";

	private final String base;

	private final String user;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private final String basic;

	private DeskHttp(int port, String user, boolean session) {
		this.base = "http://localhost:" + port;
		this.user = user;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10));
		if (session) {
			builder.cookieHandler(this.cookies);
		}
		this.http = builder.build();
		this.basic = session ? null
				: "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	/** The project API as the user, HTTP Basic (password = user id, as for the benchmark's users). */
	static DeskHttp basic(int port, String user) {
		return new DeskHttp(port, user, false);
	}

	/** Logs into Tasklist as the user, as the login page does. */
	static DeskHttp tasklist(int port, String user) {
		DeskHttp client = new DeskHttp(port, user, true);
		client.open();
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(user, StandardCharsets.UTF_8);
		client.expect(200, "Tasklist login of " + user,
				HttpRequest.newBuilder(client.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", client.csrfToken())
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		client.open(); // the login starts a new session; its CSRF token comes with the next page
		return client;
	}

	String user() {
		return this.user;
	}

	private void open() {
		send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).header("Accept", "text/html").GET());
	}

	private String csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	/**
	 * The id of the group's queue "My group — unclaimed" among the filters the user may read, found
	 * by what it is (the group's filter of unassigned tasks offered to the current user), not by its
	 * name, which translators change.
	 */
	String queueFilterId(String group) {
		JsonNode filters = json(expect(200, "filter list",
				HttpRequest.newBuilder(uri(ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task")).header("Accept", "application/json").GET()));
		List<String> found = new ArrayList<>();
		for (JsonNode filter : filters) {
			JsonNode query = filter.path("query");
			if (group.equals(filter.path("properties").path("group").asText())
					&& query.path("unassigned").asBoolean(false)
					&& query.path("candidateUserExpression").asText("").contains("currentUser()")) {
				found.add(filter.path("id").asText());
			}
		}
		if (found.size() != 1) {
			throw new IllegalStateException(this.user + ": expected one queue filter of " + group + ", found " + found
					+ " among " + filters);
		}
		return found.get(0);
	}

	/** Tasklist's list of a filter: the first page of 15, HAL with the filter's variables. */
	QueuePage firstPage(String filterId) {
		JsonNode page = json(expect(200, "filter list",
				HttpRequest.newBuilder(uri(ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
					.header("Accept", HAL)
					.header("Content-Type", "application/json")
					.header("X-XSRF-TOKEN", csrfToken())
					.POST(HttpRequest.BodyPublishers.ofString(TASKLIST_QUERY))));
		List<String> ids = new ArrayList<>();
		page.path("_embedded").path("task").forEach((task) -> ids.add(task.path("id").asText()));
		int variables = 0;
		for (JsonNode task : page.path("_embedded").path("task")) {
			variables += task.path("_embedded").path("variable").size();
		}
		return new QueuePage(page.path("count").asLong(), ids, variables);
	}

	/** The filter's count, as Tasklist asks it. */
	long count(String filterId) {
		return json(expect(200, "filter count",
				HttpRequest.newBuilder(uri(ENGINE + "/filter/" + filterId + "/count")).header("Accept", HAL).GET()))
			.path("count")
			.asLong();
	}

	/** Tasklist's "Claim" button. */
	void claim(String taskId) {
		expect(204, "claim", HttpRequest.newBuilder(uri(ENGINE + "/task/" + taskId + "/claim"))
			.header("Accept", HAL)
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + this.user + "\"}")));
	}

	/** Tasklist's "Complete" on the verification form, answered "valid". */
	void submitVerification(String taskId) {
		expect(204, "submit-form", HttpRequest.newBuilder(uri(ENGINE + "/task/" + taskId + "/submit-form"))
			.header("Accept", HAL)
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(VERIFY_FORM)));
	}

	/** {@code GET /api/complaints/{caseNumber}}: the case, which must be there for this reader. */
	JsonNode complaint(String caseNumber) {
		return json(expect(200, "case " + caseNumber, apiGet("/api/complaints/" + caseNumber)));
	}

	/** {@code GET /api/complaints?q=…}: the search's first page (20) and total. */
	JsonNode search(String q) {
		return json(expect(200, "search " + q,
				apiGet("/api/complaints?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))));
	}

	/** A GET of the project API that must answer 200, e.g. the Cockpit dashboard's figures. */
	JsonNode getJson(String path) {
		return json(expect(200, path, apiGet(path)));
	}

	/** {@code GET /api/complaints/{caseNumber}/timeline}: the case file's timeline. */
	JsonNode timeline(String caseNumber) {
		return json(expect(200, "timeline " + caseNumber, apiGet("/api/complaints/" + caseNumber + "/timeline")));
	}

	/** {@code GET /api/complaints/{caseNumber}/attachments}: the case file's attachments (no bytes). */
	JsonNode attachments(String caseNumber) {
		return json(expect(200, "attachments " + caseNumber, apiGet("/api/complaints/" + caseNumber + "/attachments")));
	}

	/** {@code POST /api/complaints/{caseNumber}/notes}. */
	void addNote(String caseNumber, String text) {
		expect(201, "note", HttpRequest.newBuilder(uri("/api/complaints/" + caseNumber + "/notes"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}")));
	}

	/** {@code POST /api/complaints/{caseNumber}/attachments}: one file as multipart/form-data. */
	void upload(String caseNumber, String fileName, byte[] content) {
		String boundary = "----bench" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		expect(201, "upload", HttpRequest.newBuilder(uri("/api/complaints/" + caseNumber + "/attachments"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
	}

	/** A GET of the project API, answered with any status (for probing). */
	int status(String path) {
		return send(apiGet(path)).statusCode();
	}

	private HttpRequest.Builder apiGet(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET();
	}

	private String expect(int status, String what, HttpRequest.Builder request) {
		HttpResponse<String> response = send(request);
		if (response.statusCode() != status) {
			throw new IllegalStateException(this.user + ": " + what + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(500, response.body().length())));
		}
		return response.body();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (this.basic != null) {
			request.header("Authorization", this.basic);
		}
		request.timeout(Duration.ofMinutes(2));
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("not JSON: " + body, ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	/** One page of a Tasklist filter: the count in the answer, the task ids, the variables embedded. */
	record QueuePage(long count, List<String> taskIds, int variables) {
	}

}
