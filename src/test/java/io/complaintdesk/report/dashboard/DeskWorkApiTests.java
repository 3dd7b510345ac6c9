package io.complaintdesk.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestUsers;

/**
 * {@code GET /api/reports/dashboard/work}, the supervisors' panels of the Cockpit dashboard, on real
 * complaints: the first-contact, solution and callback clocks coming due (the tasks' due dates),
 * compensations waiting for approval with their amounts, each handler's workload; the access rule
 * (a case about the reader is not in their panels) and who may read it at all.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:desk-work-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeskWorkApiTests {

	private static final String WORK = "/api/reports/dashboard/work";

	@Autowired
	MockMvc mvc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void setUp() {
		this.engine.getIdentityService().clearAuthentication();
		TestUsers.create(this.engine.getIdentityService());
	}

	@Test
	void shouldShowTheClocksComingDueThePendingApprovalsAndTheWorkload() throws Exception {
		String waitingForContact = register(null);
		String waitingForApproval = register(null);
		complete(waitingForApproval, "verifyComplaint", "agent1", Map.of("valid", true));
		complete(waitingForApproval, "handleComplaint", "agent1", Map.of("resolution", "Refund of the repair costs",
				"compensationAmount", 123456.5, "companyAtFault", true, "responsibleDepartment", "售后服务部"));
		String claimed = register(null);
		complete(claimed, "verifyComplaint", "agent1", Map.of("valid", true));
		this.engine.getTaskService().claim(task(claimed).getId(), "agent2");

		JsonNode work = work("super1");

		JsonNode firstContact = clock(work, "firstContact");
		assertThat(firstContact.get("count").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(caseNumbers(firstContact.get("tasks"))).contains(waitingForContact)
			.doesNotContain(waitingForApproval);
		assertThat(caseNumbers(clock(work, "solution").get("tasks"))).contains(claimed);
		assertThat(clock(work, "callback").get("count").asLong()).isZero();

		JsonNode approvals = work.get("approvals");
		assertThat(approvals.get("count").asLong()).isOne();
		assertThat(approvals.get("totalAmount").decimalValue()).isEqualByComparingTo("123456.5");
		JsonNode approval = approvals.get("cases").get(0);
		assertThat(approval.get("caseNumber").asText()).isEqualTo(waitingForApproval);
		assertThat(approval.get("approverGroup").asText()).isEqualTo("gm");
		assertThat(approval.get("handledBy").asText()).isEqualTo("agent1");

		assertThat(work.get("workload").get("handlers").findValuesAsText("userId")).contains("agent2");
		assertThat(work.get("workload").get("unclaimed").findValuesAsText("group")).contains("agents", "supervisors");
	}

	@Test
	void shouldNotShowTheClocksOfACaseWaitingForTheCustomer() throws Exception {
		String waiting = register(null);
		String running = register(null);
		long before = clock(work("super1"), "firstContact").get("count").asLong();

		this.mvc
			.perform(post("/api/complaints/{c}/pause", waiting).with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"等客户提供购买发票\"}"))
			.andExpect(status().isOk());
		JsonNode paused = clock(work("super1"), "firstContact");
		assertThat(paused.get("count").asLong()).isEqualTo(before - 1);
		assertThat(caseNumbers(paused.get("tasks"))).contains(running).doesNotContain(waiting);

		this.mvc.perform(post("/api/complaints/{c}/resume", waiting).with(httpBasic("agent1", "agent1")))
			.andExpect(status().isOk());
		JsonNode resumed = clock(work("super1"), "firstContact");
		assertThat(resumed.get("count").asLong()).isEqualTo(before);
		assertThat(caseNumbers(resumed.get("tasks"))).contains(waiting, running);
	}

	@Test
	void shouldLeaveOutTheCasesAboutTheReaderAndRefuseOtherStaff() throws Exception {
		String aboutSuper1 = register("super1");
		complete(aboutSuper1, "verifyComplaint", "agent1", Map.of("valid", true));
		complete(aboutSuper1, "handleComplaint", "agent1",
				Map.of("resolution", "Apology and voucher", "compensationAmount", 300.0, "companyAtFault", true,
						"responsibleDepartment", "门店"));

		JsonNode accused = work("super1");
		JsonNode director = work("director1");

		assertThat(caseNumbers(accused.get("approvals").get("cases"))).doesNotContain(aboutSuper1);
		assertThat(caseNumbers(director.get("approvals").get("cases"))).contains(aboutSuper1);
		for (String user : List.of("agent1", "clerk1", "legal1")) {
			this.mvc.perform(get(WORK).with(httpBasic(user, user))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get(WORK)).andExpect(status().isUnauthorized());
	}

	private JsonNode work(String user) throws Exception {
		String body = this.mvc.perform(get(WORK).with(httpBasic(user, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private static JsonNode clock(JsonNode work, String name) {
		for (JsonNode clock : work.get("clocks")) {
			if (name.equals(clock.get("clock").asText())) {
				return clock;
			}
		}
		throw new AssertionError("no clock " + name + " in " + work);
	}

	private static List<String> caseNumbers(JsonNode lines) {
		return lines.findValuesAsText("caseNumber");
	}

	@SuppressWarnings("unchecked")
	private String register(String accusedEmployee) throws Exception {
		Map<String, Object> complaint = new java.util.HashMap<>(Map.of("customerName", "Han Mei", "contactPhone",
				"13800001111", "channel", "PHONE", "complainantType", "CONSUMER", "category", "PRODUCT_QUALITY",
				"description", "Fridge door seal torn", "demand", "COMPENSATION", "productCode", "FR-1", "storeCode",
				"SH-09"));
		if (accusedEmployee != null) {
			complaint.put("accusedEmployee", accusedEmployee);
		}
		String body = this.mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(complaint)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Map<String, Object>) this.json.readValue(body, Map.class)).get("caseNumber").toString();
	}

	private Task task(String caseNumber) {
		return this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

	private void complete(String caseNumber, String taskKey, String user, Map<String, Object> variables) {
		Task task = task(caseNumber);
		assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
		TestUsers.authenticate(this.engine.getIdentityService(), user);
		try {
			this.engine.getTaskService().complete(task.getId(), variables);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

}
