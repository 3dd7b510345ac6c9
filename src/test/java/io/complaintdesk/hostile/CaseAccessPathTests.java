package io.complaintdesk.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintdesk.TestUsers;

/**
 * Who may read a case (POLICY §9, README "Who may read a case"), on every path a person or a program
 * reads a case through: the project API (the case, the search), engine REST (tasks, process
 * instances, variables, history) and the engine API of the web apps (Tasklist's tasks, Cockpit's
 * instances). The employee a case is about and brand/legal on an ordinary case get nothing — 404 for
 * the case, nothing in any list or count — while the case's rightful readers get it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseAccessPathTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void users() {
		TestUsers.create(this.identity);
	}

	/** An ordinary complaint about agent2, registered by agent1. */
	private Case caseAbout(String accused, String channel) throws Exception {
		HostileHttp.Answer created = HostileHttp.as(this.port, "agent1").postJson("/api/complaints", """
				{"customerName": "Li Wei", "contactPhone": "13912345678", "channel": "%s",
				 "complainantType": "CONSUMER", "category": "SERVICE_ATTITUDE",
				 "description": "Rude answer at the counter", "demand": "APOLOGY", "storeCode": "SH-01"%s}"""
			.formatted(channel, (accused != null) ? ", \"accusedEmployee\": \"" + accused + "\"" : ""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		return new Case(body.get("caseNumber").asText(), body.get("processInstanceId").asText());
	}

	@Test
	void shouldHideACaseFromTheEmployeeItIsAboutOnEveryPath() throws Exception {
		Case about = caseAbout("agent2", "PHONE");

		assertThat(reads("agent2", about)).as("the accused employee").isEqualTo(Reads.NOTHING);
		assertThat(reads("agent1", about)).as("a colleague who verifies it").isEqualTo(Reads.EVERYTHING);
		assertThat(tasklistTasks("agent2", about)).as("Tasklist's engine API, accused").isZero();
		assertThat(tasklistTasks("agent1", about)).as("Tasklist's engine API, colleague").isOne();
	}

	@Test
	void shouldHideACaseAboutASupervisorFromThatSupervisorInCockpit() throws Exception {
		Case about = caseAbout("super1", "PHONE");

		assertThat(reads("super1", about)).as("the accused supervisor").isEqualTo(Reads.NOTHING);
		assertThat(reads("director1", about)).as("a director").isEqualTo(Reads.EVERYTHING);
		assertThat(cockpitInstances("super1", about)).as("Cockpit, accused supervisor").isZero();
		assertThat(cockpitInstances("director1", about)).as("Cockpit, director").isOne();
	}

	@Test
	void shouldShowBrandAndLegalMajorComplaintsOnly() throws Exception {
		Case ordinary = caseAbout(null, "PHONE");
		Case major = caseAbout(null, "MEDIA");

		assertThat(reads("legal1", ordinary)).as("brand/legal, ordinary case").isEqualTo(Reads.NOTHING);
		Reads legalOnMajor = reads("legal1", major);
		assertThat(legalOnMajor.api()).as("brand/legal reads a major case through the API").isTrue();
		assertThat(legalOnMajor.instances() + legalOnMajor.variables() + legalOnMajor.history())
			.as("instances, variables and history of the major case").isEqualTo(3);
		assertThat(legalOnMajor.tasks()).as("brand/legal does not work complaint tasks").isZero();
		for (String reader : List.of("agent1", "clerk1", "super1", "director1", "gm1")) {
			assertThat(reads(reader, ordinary)).as(reader + ", ordinary case").isEqualTo(Reads.EVERYTHING);
		}
	}

	@Test
	void shouldGiveAnOutsider404ForACaseAndNothingInTheSearch() throws Exception {
		Case ordinary = caseAbout(null, "PHONE");
		HostileHttp legal = HostileHttp.as(this.port, "legal1");

		legal.get("/api/complaints/" + ordinary.caseNumber()).assertReadableRefusal();
		assertThat(legal.get("/api/complaints/" + ordinary.caseNumber()).status()).isEqualTo(404);
		assertThat(legal.get("/api/complaints/CMP-20990101-9999").status())
			.as("a case that does not exist looks the same").isEqualTo(404);
		assertThat(legal.get("/api/complaints?q=" + ordinary.caseNumber()).json().get("total").asLong()).isZero();
	}

	/** What a user reads of the case on each path. */
	private Reads reads(String user, Case c) throws Exception {
		HostileHttp http = HostileHttp.as(this.port, user);
		boolean api = http.get("/api/complaints/" + c.caseNumber()).status() == 200;
		long found = http.get("/api/complaints?q=" + c.caseNumber()).json().get("total").asLong();
		int tasks = size(http.get(paged("/engine-rest/task?processDefinitionKey=complaint-handling&processInstanceBusinessKey=" + c.caseNumber())));
		int instances = size(http.get(paged("/engine-rest/process-instance?processDefinitionKey=complaint-handling&businessKey=" + c.caseNumber())));
		int variables = Math.min(1, size(http.get(paged("/engine-rest/variable-instance?processInstanceIdIn=" + c.processInstanceId()))));
		int history = size(http.get(paged("/engine-rest/history/process-instance?processDefinitionKey=complaint-handling&processInstanceBusinessKey=" + c.caseNumber())));
		int historicTasks = size(http.get(paged("/engine-rest/history/task?processDefinitionKey=complaint-handling"
				+ "&processInstanceBusinessKey=" + c.caseNumber())));
		assertThat(api).as("API answer and search agree for %s", user).isEqualTo(found == 1);
		// the case's task history belongs to the case: read with it (brand/legal too, on a major case)
		assertThat(historicTasks > 0).as("historic tasks %s reads", user).isEqualTo(api);
		return new Reads(api, tasks, instances, variables, history);
	}

	private long tasklistTasks(String user, Case c) throws Exception {
		HostileHttp tasklist = HostileHttp.tasklistSession(this.port, user);
		return size(tasklist.get(paged("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + c.caseNumber())));
	}

	private long cockpitInstances(String user, Case c) throws Exception {
		HostileHttp cockpit = HostileHttp.tasklistSession(this.port, user);
		HostileHttp.Answer answer = cockpit.get(paged("/camunda/api/engine/engine/default/process-instance?processDefinitionKey=complaint-handling&businessKey="
				+ c.caseNumber()));
		return size(answer);
	}

	/** Engine list queries are paged (queryMaxResultsLimit), as Tasklist and Cockpit page them. */
	private static String paged(String url) {
		return url + "&firstResult=0&maxResults=50";
	}

	private static int size(HostileHttp.Answer answer) throws Exception {
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().size();
	}

	record Case(String caseNumber, String processInstanceId) {
	}

	record Reads(boolean api, int tasks, int instances, int variables, int history) {

		static final Reads NOTHING = new Reads(false, 0, 0, 0, 0);

		static final Reads EVERYTHING = new Reads(true, 1, 1, 1, 1);

	}

}
