package io.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;

/**
 * What a deployment must not lack, checked over HTTP: authentication on {@code /api},
 * {@code /engine-rest} and the metrics; the web apps' CSRF protection and security headers;
 * secure cookies behind a TLS proxy; no H2 console; no unbounded REST queries.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebappHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		// a desk that is set up: without an administrator the web apps send every visitor to Admin's setup
		DeskAdmin.setUp(this.identity);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/complaints/CMP-20261122-0001", "/api/customers", "/api/reports/weekly?week=2026-W47",
			"/engine-rest/task", "/engine-rest/user", "/engine-rest/process-definition", "/actuator/prometheus" })
	void everyApiNeedsAuthentication(String path) {
		HttpResponse<String> anonymous = send(request(path).GET().build());
		// an unknown user: wrong passwords for a real one would make the engine delay its next logins
		HttpResponse<String> wrongPassword = send(request(path).header("Authorization", basic("mallory", "guess")).GET().build());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(wrongPassword.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying((v) -> assertThat(v).startsWith("Basic"));
	}

	@Test
	void healthStaysOpenForLoadBalancers() {
		assertThat(send(request("/actuator/health").GET().build()).statusCode()).isEqualTo(200);
	}

	@Test
	void aWebAppLoginWithoutTheCsrfTokenIsRefused() {
		WebappClient browser = new WebappClient(this.port);
		browser.open();
		String form = "username=agent1&password=agent1";

		HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		HttpResponse<String> genuine = new WebappClient(this.port).login("agent1", "agent1");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
		assertThat(genuine.statusCode()).isEqualTo(200);
	}

	@Test
	void aModifyingWebAppRequestWithoutTheCsrfTokenIsRefusedEvenWhenLoggedIn() {
		WebappClient browser = new WebappClient(this.port);
		browser.login("agent1", "agent1");

		HttpResponse<String> genuine = browser.postJson("/camunda/api/engine/engine/default/task?maxResults=15", "{}", true);
		HttpResponse<String> forged = browser.postJson("/camunda/api/engine/engine/default/task?maxResults=15", "{}", false);
		HttpResponse<String> afterwards = browser.postJson("/camunda/api/engine/engine/default/task?maxResults=15", "{}", true);

		assertThat(genuine.statusCode()).isEqualTo(200);
		assertThat(forged.statusCode()).isEqualTo(403);
		// Camunda ends the session of a forged request: the user logs in again
		assertThat(afterwards.statusCode()).isEqualTo(401);
	}

	@Test
	void theWebAppsSendSecurityHeaders() {
		HttpResponse<String> page = new WebappClient(this.port).open();

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'").contains("object-src 'none'"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-XSS-Protection")).isPresent();
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
	}

	@Test
	void webAppCookiesAreSameSiteAndTheSessionCookieIsHttpOnly() {
		HttpResponse<String> page = new WebappClient(this.port).open();
		List<String> cookies = page.headers().allValues("Set-Cookie");

		assertThat(cookies).anySatisfy((c) -> assertThat(c).startsWith("XSRF-TOKEN=").containsIgnoringCase("SameSite=Lax"));
		assertThat(cookies).anySatisfy((c) -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly"));
	}

	@Test
	void behindATlsProxyTheSessionCookieIsSecure() {
		HttpResponse<String> viaProxy = send(request("/camunda/app/tasklist/default/").header("X-Forwarded-Proto", "https")
			.GET()
			.build());
		HttpResponse<String> plain = send(request("/camunda/app/tasklist/default/").GET().build());

		assertThat(viaProxy.headers().allValues("Set-Cookie"))
			.anySatisfy((c) -> assertThat(c).startsWith("JSESSIONID=").contains("Secure"));
		assertThat(plain.headers().allValues("Set-Cookie"))
			.allSatisfy((c) -> assertThat(c).doesNotContain("Secure"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/h2-console", "/h2-console/", "/h2-console/login.do" })
	void thereIsNoH2Console(String path) {
		HttpResponse<String> response = send(request(path).GET().build());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("H2 Console");
	}

	@Test
	void restQueriesAreLimitedTo2000Rows() {
		HttpResponse<String> tooMany = send(request("/engine-rest/task?maxResults=5000").header("Authorization", basic("agent1", "agent1")).GET().build());
		HttpResponse<String> unbounded = send(request("/engine-rest/history/process-instance").header("Authorization", basic("super1", "super1")).GET().build());
		HttpResponse<String> paged = send(request("/engine-rest/task?firstResult=0&maxResults=2000").header("Authorization", basic("agent1", "agent1")).GET().build());

		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("Max results limit of 2000 exceeded");
		assertThat(unbounded.statusCode()).isEqualTo(400);
		assertThat(unbounded.body()).contains("unbound number of results");
		assertThat(paged.statusCode()).isEqualTo(200);
	}

	@Test
	void webAppsOwnUnboundedListsArePagedWhileApiCallersKeepTheLimit() {
		WebappClient cockpit = new WebappClient(this.port);
		cockpit.login("super1", "super1");
		String versions = "/process-definition?key=complaint-handling&sortBy=version&sortOrder=desc";

		// what Cockpit's process page asks on every visit
		HttpResponse<String> webapp = cockpit.get("/camunda/api/engine/engine/default" + versions);
		HttpResponse<String> webappTooMany = cockpit.get("/camunda/api/engine/engine/default/task?maxResults=5000");
		HttpResponse<String> api = send(request("/engine-rest" + versions).header("Authorization", basic("super1", "super1")).GET().build());

		assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(200);
		assertThat(webapp.body()).contains("\"key\":\"complaint-handling\"");
		assertThat(webappTooMany.statusCode()).as("a page above the limit, from the web apps too").isEqualTo(400);
		assertThat(api.statusCode()).as("engine REST keeps the limit").isEqualTo(400);
		assertThat(api.body()).contains("unbound number of results");
	}

	@Test
	void cockpitsHumanTasksPageCountsTasksForSupervisorsOnly() {
		WebappClient supervisor = new WebappClient(this.port);
		supervisor.login("super1", "super1");
		WebappClient agent = new WebappClient(this.port);
		agent.login("agent1", "agent1");
		String report = "/camunda/api/engine/engine/default/task/report/candidate-group-count";

		HttpResponse<String> supervisors = supervisor.get(report);
		HttpResponse<String> agents = agent.get(report);

		assertThat(supervisors.statusCode()).as(supervisors.body()).isEqualTo(200);
		assertThat(supervisors.body()).startsWith("[");
		assertThat(agents.statusCode()).as("agents do not use Cockpit").isEqualTo(403);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
