package io.complaintdesk.hostile;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.hostile.HostileHttp.Answer;

/**
 * Valid text with characters that break naive systems is data (issue "Bad input"): stored and
 * returned verbatim — characters beyond the Basic Multilingual Plane, right-to-left scripts,
 * combining marks and joiners, markup, SQL and expression-language fragments, line breaks and
 * tabs in free text — and an expression in it is never evaluated, by the engine, a notification or
 * a form.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExoticTextTests {

	/** What an evaluated expression of the texts below would produce; it must appear nowhere. */
	private static final String EVALUATED = "pwned";

	static final String NAME = "王𠜎 Ĺï 😀 محمد‎ O'Brien-<b>";

	static final String DESCRIPTION = String.join("\n", "Kettle 𠜎😀👨‍👩‍👧 stopped heating: עברית العربية",
			"<script>alert(1)</script><img src=x onerror=alert(1)>", "'; DROP TABLE complaint;--",
			"\" OR 1=1 --", "${7*7} #{7*7} ${\"pw\".concat(\"ned\")} #{'pw'.concat('ned')} %{7*7} {{7*7}}",
			"\ttabbed\tline, combining é, zero width\u200bspace, bidi \u202eoverride\u202c, BOM \ufeff.", "\\u0000");

	static final String CODE = "${'pw'.concat('ned')}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	ComplaintRegistry registry;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		HostileApiInputTests.registerPenaltyCase(this.registry);
	}

	@Test
	void shouldStoreAndReturnExoticComplaintTextVerbatimAndEvaluateNothing() throws Exception {
		Map<String, Object> body = HostileApiInputTests.complaint();
		body.put("customerName", NAME);
		body.put("description", DESCRIPTION);
		body.put("productCode", CODE);
		body.put("storeCode", "#{7*7}");
		// from the media: major, so brand and legal are warned and mails are written about it
		body.put("channel", "MEDIA");
		Answer registered = HostileHttp.as(this.port, "agent1")
			.postJson("/api/complaints", HostileApiInputTests.json(body));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String caseNumber = registered.json().get("caseNumber").asText();
		String processInstanceId = registered.json().get("processInstanceId").asText();

		Answer read = HostileHttp.as(this.port, "super1").get("/api/complaints/" + caseNumber);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode view = read.json();
		assertThat(view.get("customerName").asText()).isEqualTo(NAME);
		assertThat(view.get("description").asText()).isEqualTo(DESCRIPTION);
		assertThat(view.get("productCode").asText()).isEqualTo(CODE);
		assertThat(view.get("storeCode").asText()).isEqualTo("#{7*7}");

		assertThat(this.jdbc.queryForMap(
				"SELECT customer_name, description, product_code, store_code FROM complaint WHERE case_number = ?",
				caseNumber))
			.containsEntry("CUSTOMER_NAME", NAME)
			.containsEntry("DESCRIPTION", DESCRIPTION)
			.containsEntry("PRODUCT_CODE", CODE)
			.containsEntry("STORE_CODE", "#{7*7}");
		Map<String, Object> variables = this.runtime.getVariables(processInstanceId);
		assertThat(variables).containsEntry("customerName", NAME)
			.containsEntry("description", DESCRIPTION)
			.containsEntry("productCode", CODE)
			.containsEntry("storeCode", "#{7*7}");

		// nothing anywhere evaluated an expression of the text: the case, the tasks and their forms'
		// variables through the engine REST, every notification written about the case
		List<String> surfaces = new ArrayList<>();
		surfaces.add(read.body());
		for (Task task : this.tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
			surfaces.add(task.getName() + " " + task.getDescription());
		}
		Answer restTasks = HostileHttp.as(this.port, "legal1")
			.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + caseNumber);
		assertThat(restTasks.status()).isEqualTo(200);
		surfaces.add(restTasks.body());
		Answer restVariables = HostileHttp.as(this.port, "agent1")
			.get("/engine-rest/process-instance/" + processInstanceId + "/variables");
		surfaces.add(restVariables.body());
		List<Map<String, Object>> notifications = this.jdbc
			.queryForList("SELECT subject, body FROM notification_outbox WHERE case_number = ?", caseNumber);
		assertThat(notifications).as("the major-complaint warning is written").isNotEmpty();
		notifications.forEach((row) -> surfaces.add(row.get("SUBJECT") + " " + row.get("BODY")));
		assertThat(surfaces).allSatisfy((text) -> assertThat(text).doesNotContain(EVALUATED));
		assertThat(String.join(" ", surfaces)).contains("${7*7}").doesNotContain(" 49 ");
	}

	@Test
	void shouldAcceptDescriptionAtItsLimitInCharactersBeyondTheBasicPlane() throws Exception {
		// 2,000 emoji are 4,000 UTF-16 code units: the limit the column and the engine's text variable have
		String description = "😀".repeat(2000);
		Answer registered = HostileHttp.as(this.port, "agent1")
			.postJson("/api/complaints",
					HostileApiInputTests.json(HostileApiInputTests.with(HostileApiInputTests.complaint(), "description",
							description)));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String caseNumber = registered.json().get("caseNumber").asText();
		assertThat(HostileHttp.as(this.port, "agent1").get("/api/complaints/" + caseNumber).json().get("description")
			.asText()).isEqualTo(description);
	}

	@Test
	void shouldStoreAndReturnExoticCustomerTextVerbatim() throws Exception {
		Map<String, Object> body = HostileApiInputTests.customer();
		String customerId = (String) body.get("customerId");
		body.put("name", NAME);
		body.put("department", "${7*7}");
		body.put("address", "Rue de l'Église 1\n<script>alert(1)</script>\n'; DROP TABLE customer;--\n𠜎😀");
		Answer admitted = HostileHttp.as(this.port, "super1")
			.postJson("/api/customers", HostileApiInputTests.json(body));
		assertThat(admitted.status()).as(admitted.body()).isEqualTo(201);

		JsonNode customer = HostileHttp.as(this.port, "super1").get("/api/customers/" + customerId).json();
		assertThat(customer.get("name").asText()).isEqualTo(NAME);
		assertThat(customer.get("department").asText()).isEqualTo("${7*7}");
		assertThat(customer.get("address").asText()).isEqualTo(body.get("address"));
		Answer byDepartment = HostileHttp.as(this.port, "super1").get("/api/customers?department=%24%7B7*7%7D");
		assertThat(byDepartment.json().findValuesAsText("customerId")).contains(customerId);
	}

	@Test
	void shouldStoreAndReturnExoticPenaltyTextVerbatim() throws Exception {
		Map<String, Object> body = HostileApiInputTests.penalty();
		body.put("detail", DESCRIPTION);
		Answer recorded = HostileHttp.as(this.port, "super1")
			.postJson("/api/penalties", HostileApiInputTests.json(body));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().get("detail").asText()).isEqualTo(DESCRIPTION);
		long id = recorded.json().get("id").asLong();

		Answer voided = HostileHttp.as(this.port, "super1")
			.postJson("/api/penalties/" + id + "/void", HostileApiInputTests.json(Map.of("reason", NAME)));
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(voided.json().get("voidReason").asText()).isEqualTo(NAME);
	}

}
