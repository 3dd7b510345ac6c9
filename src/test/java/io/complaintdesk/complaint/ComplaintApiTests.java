package io.complaintdesk.complaint;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestUsers;

/**
 * {@code /api/complaints} end to end (CONTRACT "Project REST API"): HTTP Basic with the Camunda
 * users, validation with field errors and nothing stored, the registry row, the process instance
 * and its first task, and the security of {@code /engine-rest} and {@code /actuator}.
 * <p>
 * A real server port because {@code /engine-rest} is served by Jersey, which MockMvc (Spring
 * MVC's DispatcherServlet only) cannot reach; {@code /api} and {@code /actuator} go through
 * MockMvc.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ComplaintApiTests {

	private static final String CASE_NUMBER = "CMP-\\d{8}-\\d{4}";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
	}

	@AfterEach
	void tearDown() {
		this.identity.clearAuthentication();
	}

	// ------------------------------------------------------------------ registration

	@Test
	void shouldRegisterValidComplaint() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(validComplaint())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.caseNumber").isString())
			.andExpect(jsonPath("$.processInstanceId").isString())
			.andExpect(jsonPath("$.level").value(1))
			.andExpect(jsonPath("$.major").value(false))
			.andReturn();
		JsonNode body = this.json.readTree(result.getResponse().getContentAsString());
		String caseNumber = body.get("caseNumber").asText();
		String processInstanceId = body.get("processInstanceId").asText();
		assertThat(caseNumber).matches(CASE_NUMBER);

		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM complaint WHERE case_number = ?", caseNumber);
		assertThat(row).containsEntry("PROCESS_INSTANCE_ID", processInstanceId)
			.containsEntry("STATUS", "OPEN")
			.containsEntry("CHANNEL", "PHONE")
			.containsEntry("CUSTOMER_NAME", "Li Wei")
			.containsEntry("REGISTERED_BY", "agent1")
			.containsEntry("COMPLAINT_LEVEL", 1)
			.containsEntry("MAJOR", false)
			.containsEntry("CURRENT_ROUND", 1);

		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		assertThat(instance).isNotNull();
		assertThat(instance.getBusinessKey()).isEqualTo(caseNumber);
		assertThat(instance.isEnded()).isFalse();

		// agent1 sees the task with the engine's authorization checks on, as in Tasklist
		TestUsers.authenticate(this.identity, "agent1");
		List<Task> visible;
		try {
			// the first page, as Tasklist asks for it (unbounded lists are refused to users: queryMaxResultsLimit)
			visible = this.tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).listPage(0, 15);
		}
		finally {
			this.identity.clearAuthentication();
		}
		assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("verifyComplaint");
		assertThat(this.tasks.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskCandidateUser("agent1")
			.taskDefinitionKey("verifyComplaint")
			.count()).isEqualTo(1);
		assertThat(this.tasks.getIdentityLinksForTask(visible.get(0).getId()))
			.filteredOn((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.extracting(IdentityLink::getGroupId)
			.containsExactly("agents");
	}

	@Test
	void shouldRaiseComplaintFromRegulatorToLevelThree() throws Exception {
		JsonNode body = register("agent1", complaintFrom("REGULATOR"));
		assertThat(body.get("caseNumber").asText()).matches(CASE_NUMBER);
		assertThat(body.get("level").asInt()).isEqualTo(3);
		assertThat(registryLevel(body.get("caseNumber").asText())).isEqualTo(3);
	}

	@Test
	void shouldMarkComplaintFromMediaAsMajor() throws Exception {
		JsonNode body = register("agent1", complaintFrom("MEDIA"));
		assertThat(body.get("major").asBoolean()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT major FROM complaint WHERE case_number = ?", Boolean.class,
				body.get("caseNumber").asText()))
			.isTrue();
	}

	// ------------------------------------------------------------------ bad input: 400, nothing stored

	static Stream<Arguments> invalidComplaints() {
		return Stream.of(
				Arguments.of("unknown channel", with("channel", "PIGEON"), List.of("channel")),
				Arguments.of("negative claim", with("claimAmount", -1), List.of("claimAmount")),
				Arguments.of("claim above 10,000,000", with("claimAmount", 10_000_000.01), List.of("claimAmount")),
				Arguments.of("description over 4000 characters", with("description", "x".repeat(4001)),
						List.of("description")),
				Arguments.of("bad phone number", with("contactPhone", "call me maybe"), List.of("contactPhone")),
				Arguments.of("malformed related case number", with("relatedCaseNumber", "CMP-2026-7"),
						List.of("relatedCaseNumber")),
				Arguments.of("related case number longer than the registry keeps",
						with("relatedCaseNumber", "CMP-20260101-" + "1".repeat(25)), List.of("relatedCaseNumber")),
				Arguments.of("flag that is not a boolean", with("emotional", "maybe"), List.of("emotional")),
				Arguments.of("missing required fields", Map.of(), List.of("customerName", "contactPhone", "channel",
						"complainantType", "category", "description", "demand")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidComplaints")
	void shouldRefuseInvalidComplaintAndStoreNothing(String name, Map<String, Object> body, List<String> fields)
			throws Exception {
		StoredState before = storedState();
		MvcResult result = this.mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors").isArray())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems(fields.toArray(String[]::new))))
			.andReturn();
		assertNoStackTrace(result);
		assertThat(storedState()).isEqualTo(before);
	}

	@Test
	void shouldRefuseBodyThatIsNotJson() throws Exception {
		StoredState before = storedState();
		MvcResult result = this.mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("customerName=Li Wei&channel=PHONE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andReturn();
		assertNoStackTrace(result);
		assertThat(storedState()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ who may call

	@Test
	void shouldRequireCredentials() throws Exception {
		StoredState before = storedState();
		this.mvc
			.perform(post("/api/complaints").contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(validComplaint())))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/complaints/CMP-20260101-0001")).andExpect(status().isUnauthorized());
		assertThat(storedState()).isEqualTo(before);
	}

	@Test
	void shouldRefuseWrongPassword() throws Exception {
		// a failed login delays the next one of the same user: legal1 is used nowhere else here
		StoredState before = storedState();
		this.mvc
			.perform(post("/api/complaints").with(httpBasic("legal1", "wrong-password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(validComplaint())))
			.andExpect(status().isUnauthorized());
		assertThat(storedState()).isEqualTo(before);
	}

	@Test
	void shouldForbidClerkToRegisterButLetClerkReadCase() throws Exception {
		StoredState before = storedState();
		this.mvc
			.perform(post("/api/complaints").with(httpBasic("clerk1", "clerk1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(validComplaint())))
			.andExpect(status().isForbidden());
		assertThat(storedState()).isEqualTo(before);

		String caseNumber = register("agent1", validComplaint()).get("caseNumber").asText();
		this.mvc.perform(get("/api/complaints/{caseNumber}", caseNumber).with(httpBasic("clerk1", "clerk1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseNumber").value(caseNumber));
	}

	// ------------------------------------------------------------------ reading a case

	@Test
	void shouldShowRegisteredCase() throws Exception {
		JsonNode registered = register("agent1", validComplaint());
		String caseNumber = registered.get("caseNumber").asText();
		MvcResult result = this.mvc
			.perform(get("/api/complaints/{caseNumber}", caseNumber).with(httpBasic("agent1", "agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseNumber").value(caseNumber))
			.andExpect(jsonPath("$.processInstanceId").value(registered.get("processInstanceId").asText()))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.level").value(1))
			.andExpect(jsonPath("$.major").value(false))
			.andExpect(jsonPath("$.round").value(1))
			.andExpect(jsonPath("$.deadlines.closeBy").isString())
			.andExpect(jsonPath("$.deadlines.overdue").value(false))
			.andExpect(jsonPath("$.openTasks[0].taskDefinitionKey").value("verifyComplaint"))
			.andReturn();
		JsonNode view = this.json.readTree(result.getResponse().getContentAsString());
		Instant receivedAt = Instant.parse(view.get("receivedAt").asText());
		Instant closeBy = Instant.parse(view.get("deadlines").get("closeBy").asText());
		assertThat(closeBy).isEqualTo(receivedAt.plus(Duration.ofDays(7)));
		assertThat(view.get("outcome")).isNull();
	}

	@Test
	void shouldAnswerNotFoundForUnknownCase() throws Exception {
		this.mvc.perform(get("/api/complaints/{caseNumber}", "CMP-19990101-9999").with(httpBasic("agent1", "agent1")))
			.andExpect(status().isNotFound());
	}

	@Test
	void shouldKeepSpringMvcErrorsAsClientErrors() throws Exception {
		this.mvc.perform(delete("/api/complaints/{caseNumber}", "CMP-19990101-9999").with(httpBasic("agent1", "agent1")))
			.andExpect(status().isMethodNotAllowed());
		this.mvc.perform(get("/api/no-such-thing").with(httpBasic("agent1", "agent1")))
			.andExpect(status().isNotFound());
	}

	// ------------------------------------------------------------------ engine REST and actuator

	@Test
	void shouldProtectEngineRest() throws Exception {
		String caseNumber = register("agent1", validComplaint()).get("caseNumber").asText();

		ResponseEntity<String> anonymous = this.rest.getForEntity("/engine-rest/task", String.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		ResponseEntity<String> agent = this.rest.withBasicAuth("agent1", "agent1")
			.getForEntity("/engine-rest/task?processInstanceBusinessKey={caseNumber}&maxResults=15", String.class, caseNumber);
		assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.json.readTree(agent.getBody()).findValuesAsText("taskDefinitionKey"))
			.containsExactly("verifyComplaint");
	}

	@Test
	void shouldLeaveHealthOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	// ------------------------------------------------------------------ helpers

	private JsonNode register(String user, Map<String, Object> complaint) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/api/complaints").with(httpBasic(user, user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(complaint)))
			.andExpect(status().isCreated())
			.andReturn();
		return this.json.readTree(result.getResponse().getContentAsString());
	}

	private int registryLevel(String caseNumber) {
		return this.jdbc.queryForObject("SELECT complaint_level FROM complaint WHERE case_number = ?", Integer.class,
				caseNumber);
	}

	private static void assertNoStackTrace(MvcResult result) throws Exception {
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain("at io.").doesNotContain("Exception").doesNotContain("\tat ");
	}

	/** A complaint the desk accepts: an ordinary consumer complaint by phone (level 1, not major). */
	static Map<String, Object> validComplaint() {
		Map<String, Object> complaint = new LinkedHashMap<>();
		complaint.put("customerId", ComplaintScenario.newCustomerId()); // never a repeat complaint
		complaint.put("customerName", "Li Wei");
		complaint.put("contactPhone", "+86 139 1234 5678");
		complaint.put("channel", "PHONE");
		complaint.put("complainantType", "CONSUMER");
		complaint.put("category", "PRODUCT_QUALITY");
		complaint.put("description", "Kettle stopped heating two days after purchase");
		complaint.put("demand", "REPAIR");
		complaint.put("claimAmount", 199.0);
		complaint.put("productCode", "KT-200");
		complaint.put("storeCode", "SH-01");
		complaint.put("repeatComplaint", false);
		complaint.put("emotional", false);
		return complaint;
	}

	static Map<String, Object> complaintFrom(String channel) {
		return with("channel", channel);
	}

	static Map<String, Object> with(String field, Object value) {
		Map<String, Object> complaint = validComplaint();
		complaint.put(field, value);
		return complaint;
	}

	private StoredState storedState() {
		return new StoredState(this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM case_number_sequence", Long.class),
				this.jdbc.queryForObject("SELECT COALESCE(SUM(last_value), 0) FROM case_number_sequence", Long.class),
				this.runtime.createProcessInstanceQuery().count(),
				this.history.createHistoricProcessInstanceQuery().count());
	}

	/** What a refused request must leave as it was. */
	record StoredState(long complaints, long sequenceDays, long sequenceValues, long processInstances,
			long historicProcessInstances) {
	}

}
