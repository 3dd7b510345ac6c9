package io.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;

/**
 * CVE-2026-109432, performed: a logged-in agent smuggles a JUEL expression into a task query.
 * The expression calls a bean ({@code attackCanary}) that counts its calls, so the test sees
 * whether the server ran it. The flaw is that the engine's own check ("no expressions in ad-hoc
 * queries") is bypassed; this context switches that check off to stand for the flawed engine, and
 * the first test shows the payload then runs. Every way in — engine REST body and query string,
 * filter execution, filter creation, the web apps' engine API — is refused with 400 by
 * {@link TaskQueryExpressionGuard} and the canary stays untouched; the same queries without
 * expressions still work.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.generic-properties.properties.enable-expressions-in-adhoc-queries=true")
@ActiveProfiles("test")
class TaskQueryExpressionAttackTests {

	private static final String PAYLOAD = "${attackCanary.touch()}";

	@LocalServerPort
	int port;

	@Autowired
	AttackCanary canary;

	@Autowired
	IdentityService identity;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	private final HttpClient http = HttpClient.newHttpClient();

	private String filterId;

	@BeforeEach
	void setUp() {
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		this.canary.calls.set(0);
		Filter filter = this.filters.newTaskFilter("Attack target")
			.setOwner("agent1")
			.setQuery(this.tasks.createTaskQuery().taskCandidateGroup("agents"));
		// the engine grants the owner all permissions on the filter
		this.filterId = this.filters.saveFilter(filter).getId();
	}

	@AfterEach
	void tearDown() {
		this.filters.deleteFilter(this.filterId);
	}

	@Test
	void theAttackIsRealTheFlawedEngineRunsTheSmuggledExpression() {
		// what the REST layer hands the engine without the guard: an or-query with an expression
		TestUsers.authenticate(this.identity, "agent1");
		try {
			this.tasks.createTaskQuery().or().taskAssigneeExpression(PAYLOAD).endOr().listPage(0, 15);
		}
		finally {
			this.identity.clearAuthentication();
		}

		assertThat(this.canary.calls.get()).as("calls of the canary by the engine alone").isPositive();
		this.canary.calls.set(0);
	}

	@Test
	void engineRestTaskQueryWithExpressionInOrQueriesIsRefused() {
		HttpResponse<String> response = postAsAgent("/engine-rest/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}");

		assertRefused(response);
	}

	@Test
	void engineRestCountAndHistoryQueriesWithExpressionsAreRefused() {
		assertRefused(postAsAgent("/engine-rest/task/count",
				"{\"orQueries\":[{\"candidateUserExpression\":\"" + PAYLOAD + "\"}]}"));
		assertRefused(postAsAgent("/engine-rest/history/task",
				"{\"orQueries\":[{\"taskAssigneeExpression\":\"" + PAYLOAD + "\"}]}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\\u0024{attackCanary.touch()}", "#{attackCanary.touch()}", "$ {attackCanary.touch()}" })
	void escapedAndDeferredExpressionsAreRefusedToo(String payload) {
		HttpResponse<String> response = postAsAgent("/engine-rest/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + payload + "\"}]}");

		assertRefused(response);
	}

	@ParameterizedTest
	@ValueSource(strings = { "assigneeExpression=%24%7BattackCanary.touch()%7D",
			"dueBeforeExpression=%2524%257BattackCanary.touch()%257D" })
	void expressionsInTheQueryStringAreRefused(String query) {
		HttpResponse<String> response = send(asAgent("/engine-rest/task?" + query).GET().build());

		assertRefused(response);
	}

	@Test
	void executingAFilterWithAnExpressionInTheExtendingQueryIsRefused() {
		HttpResponse<String> response = postAsAgent("/engine-rest/filter/" + this.filterId + "/list",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}");

		assertRefused(response);
	}

	@Test
	void creatingAFilterWithAnExpressionThroughRestIsRefused() {
		long before = this.filters.createFilterQuery().count();

		HttpResponse<String> response = postAsAgent("/engine-rest/filter/create",
				"{\"resourceType\":\"Task\",\"name\":\"mine\",\"query\":{\"orQueries\":[{\"assigneeExpression\":\""
						+ PAYLOAD + "\"}]}}");

		assertRefused(response);
		assertThat(this.filters.createFilterQuery().count()).isEqualTo(before);
	}

	@Test
	void theWebAppsEngineApiRefusesTheSameAttack() {
		WebappClient tasklist = new WebappClient(this.port);
		assertThat(tasklist.login("agent1", "agent1").statusCode()).isEqualTo(200);

		HttpResponse<String> attack = tasklist.postJson("/camunda/api/engine/engine/default/task",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}");
		HttpResponse<String> viaFilter = tasklist.postJson(
				"/camunda/api/engine/engine/default/filter/" + this.filterId + "/list?firstResult=0&maxResults=15",
				"{\"orQueries\":[{\"assigneeExpression\":\"" + PAYLOAD + "\"}]}");
		HttpResponse<String> legitimate = tasklist.postJson(
				"/camunda/api/engine/engine/default/filter/" + this.filterId + "/list?firstResult=0&maxResults=15",
				"{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");

		assertRefused(attack);
		assertRefused(viaFilter);
		assertThat(legitimate.statusCode()).isEqualTo(200);
	}

	@Test
	void taskQueriesWithoutExpressionsStillWork() {
		HttpResponse<String> orQuery = postAsAgent("/engine-rest/task?firstResult=0&maxResults=15",
				"{\"orQueries\":[{\"candidateGroup\":\"agents\",\"assignee\":\"agent1\"}],"
						+ "\"processVariables\":[{\"name\":\"description\",\"operator\":\"like\",\"value\":\"%50% off%\"}]}");
		HttpResponse<String> filter = postAsAgent("/engine-rest/filter/" + this.filterId + "/list?maxResults=15", "{}");
		HttpResponse<String> get = send(asAgent("/engine-rest/task?candidateGroup=agents&maxResults=15").GET().build());

		assertThat(orQuery.statusCode()).as(orQuery.body()).isEqualTo(200);
		assertThat(filter.statusCode()).as(filter.body()).isEqualTo(200);
		assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
	}

	private void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("任务查询中不允许使用表达式").doesNotContain("Exception:").doesNotContain("at org.");
		assertThat(this.canary.calls).as("the smuggled expression ran on the server").hasValue(0);
	}

	private HttpResponse<String> postAsAgent(String path, String json) {
		return send(asAgent(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpRequest.Builder asAgent(String path) {
		String basic = Base64.getEncoder().encodeToString("agent1:agent1".getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + basic)
			.header("Accept", "application/json");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration
	static class Canary {

		@Bean
		AttackCanary attackCanary() {
			return new AttackCanary();
		}

	}

}
