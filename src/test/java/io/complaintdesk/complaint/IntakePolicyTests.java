package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestClock;
import io.complaintdesk.TestUsers;
import io.complaintdesk.base.Reader;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintIntake.RegisteredComplaint;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/**
 * Intake as POLICY §2 has it (issue 14, items 3, 5, 9 and 13): a further report of an open case is
 * added to that case, only a closed one makes a repeat complaint; anonymous complaints; the time of
 * receipt of a late letter and the deadlines counted from it; the complainant type from the
 * customer master; a claim beyond the supervisor's authority and a demand to return the whole
 * product as the level table decides them. Through {@code POST /api/complaints} and as Tasklist's
 * start form starts the process.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IntakePolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	ComplaintRegistry registry;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		BpmnAwareTests.init(this.engine);
		this.engine.getIdentityService().clearAuthentication();
		TestUsers.create(this.engine.getIdentityService());
	}

	@AfterEach
	void tearDown() {
		this.engine.getIdentityService().clearAuthentication();
		TestClock.reset();
		BpmnAwareTests.reset();
	}

	// ------------------------------------------------------------------ A. the same matter, open or closed

	@Test
	void shouldAddAFurtherReportOfAnOpenCaseToThatCase() throws Exception {
		Map<String, Object> first = complaint();
		JsonNode created = register("agent1", first, status().isCreated());
		String caseNumber = created.get("caseNumber").asText();
		assertThat(created.get("duplicate").asBoolean()).isFalse();
		long instances = openInstances();
		long cases = count("SELECT COUNT(*) FROM complaint");
		String receivedAt = OffsetDateTime.now().minusDays(2).withNano(0).toString();

		Map<String, Object> again = complaint();
		again.put("customerId", first.get("customerId"));
		again.put("channel", "LETTER");
		again.put("description", "我已经打过电话，现在再写信：水壶还是不加热");
		again.put("relatedCaseNumber", caseNumber);
		again.put("receivedAt", receivedAt);
		JsonNode duplicate = register("agent2", again, status().isOk());

		// CONTRACT: 200 with the open case's answer and "duplicate": true
		assertThat(duplicate.get("caseNumber").asText()).isEqualTo(caseNumber);
		assertThat(duplicate.get("processInstanceId").asText()).isEqualTo(created.get("processInstanceId").asText());
		assertThat(duplicate.get("level").asInt()).isEqualTo(1);
		assertThat(duplicate.get("major").asBoolean()).isFalse();
		assertThat(duplicate.get("duplicate").asBoolean()).isTrue();
		// no new case, no new instance, nothing raised
		assertThat(openInstances()).isEqualTo(instances);
		assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(cases);
		ProcessInstance instance = instance(caseNumber);
		assertThat(instance).isWaitingAt("verifyComplaint");
		assertThat(variables(instance)).containsEntry("repeatComplaint", false).containsEntry("major", false)
			.containsEntry("level", 1);
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.processInstanceBusinessKey(caseNumber)
			.count()).isZero();
		// the report is on the case's record: channel, time received and words
		List<Map<String, Object>> reports = this.jdbc.queryForList(
				"SELECT channel, received_at, recorded_by, description FROM complaint_duplicate_report WHERE case_number = ?",
				caseNumber);
		assertThat(reports).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("CHANNEL", "LETTER")
				.containsEntry("RECORDED_BY", "agent2")
				.containsEntry("DESCRIPTION", "我已经打过电话，现在再写信：水壶还是不加热");
			assertThat(((java.sql.Timestamp) row.get("RECEIVED_AT")).toInstant())
				.isEqualTo(OffsetDateTime.parse(receivedAt).toInstant());
		});
		this.mvc.perform(get("/api/complaints/" + caseNumber).with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.duplicateReports[0].channel").value("LETTER"))
			.andExpect(jsonPath("$.duplicateReports[0].recordedBy").value("agent2"))
			.andExpect(jsonPath("$.duplicateReports[0].contactEmail").doesNotExist());
	}

	@Test
	void shouldRecogniseTheSameCustomerByTheContactPhone() throws Exception {
		Map<String, Object> first = complaint();
		first.remove("customerId");
		first.put("contactPhone", "139 1234 5678");
		String caseNumber = register("agent1", first, status().isCreated()).get("caseNumber").asText();

		Map<String, Object> again = complaint();
		again.remove("customerId");
		again.put("contactPhone", "13912345678");
		again.put("channel", "SMS");
		again.put("relatedCaseNumber", caseNumber);
		JsonNode duplicate = register("agent1", again, status().isOk());

		assertThat(duplicate.get("caseNumber").asText()).isEqualTo(caseNumber);
		assertThat(duplicate.get("duplicate").asBoolean()).isTrue();
		assertThat(duplicateReports(caseNumber)).isEqualTo(1);
	}

	@Test
	void shouldMakeAComplaintAboutAClosedCaseARepeatComplaint() throws Exception {
		Map<String, Object> first = complaint();
		String caseNumber = register("agent1", first, status().isCreated()).get("caseNumber").asText();
		this.registry.close(caseNumber, "clerk1", Instant.now());

		Map<String, Object> again = complaint();
		again.put("customerId", first.get("customerId"));
		again.put("relatedCaseNumber", caseNumber);
		JsonNode repeat = register("agent1", again, status().isCreated());

		// POLICY §2, §4: 二次投诉 — serious and major
		assertThat(repeat.get("caseNumber").asText()).isNotEqualTo(caseNumber);
		assertThat(repeat.get("duplicate").asBoolean()).isFalse();
		assertThat(repeat.get("level").asInt()).isEqualTo(2);
		assertThat(repeat.get("major").asBoolean()).isTrue();
		assertThat(variables(instance(repeat.get("caseNumber").asText()))).containsEntry("repeatComplaint", true);
		assertThat(duplicateReports(caseNumber)).isZero();
	}

	@Test
	void shouldTreatACaseOfAnotherCustomerAsUnrelated() throws Exception {
		String caseNumber = register("agent1", complaint(), status().isCreated()).get("caseNumber").asText();

		Map<String, Object> other = complaint(); // another customer id and another phone
		other.put("contactPhone", "13700009999");
		other.put("relatedCaseNumber", caseNumber);
		JsonNode answer = register("agent1", other, status().isCreated());
		assertThat(answer.get("caseNumber").asText()).isNotEqualTo(caseNumber);
		assertThat(answer.get("level").asInt()).isEqualTo(1);
		assertThat(answer.get("major").asBoolean()).isFalse();

		// closed, it still is not this customer's repeat complaint
		this.registry.close(caseNumber, "clerk1", Instant.now());
		Map<String, Object> later = complaint();
		later.put("contactPhone", "13700009998");
		later.put("relatedCaseNumber", caseNumber);
		JsonNode notRepeat = register("agent1", later, status().isCreated());
		assertThat(notRepeat.get("level").asInt()).isEqualTo(1);
		assertThat(notRepeat.get("major").asBoolean()).isFalse();
		assertThat(duplicateReports(caseNumber)).isZero();
	}

	@Test
	void shouldNotShowTheAccusedEmployeeTheCaseAboutThem() throws Exception {
		Map<String, Object> first = complaint();
		first.put("accusedEmployee", "agent2");
		String caseNumber = register("agent1", first, status().isCreated()).get("caseNumber").asText();

		// agent2 may not read the case: naming it is as if no case were named (nothing of it in the answer)
		Map<String, Object> again = complaint();
		again.put("customerId", first.get("customerId"));
		again.put("relatedCaseNumber", caseNumber);
		JsonNode answer = register("agent2", again, status().isCreated());
		assertThat(answer.get("caseNumber").asText()).isNotEqualTo(caseNumber);
		assertThat(answer.get("duplicate").asBoolean()).isFalse();
		assertThat(duplicateReports(caseNumber)).isZero();
		this.mvc.perform(get("/api/complaints/" + caseNumber).with(httpBasic("agent2", "agent2")))
			.andExpect(status().isNotFound());
		// closed, it does not make agent2's report a repeat complaint either: level and flag would tell
		this.registry.close(caseNumber, "clerk1", Instant.now());
		JsonNode afterClosing = register("agent2", again, status().isCreated());
		assertThat(afterClosing.get("level").asInt()).isEqualTo(1);
		assertThat(afterClosing.get("major").asBoolean()).isFalse();
		assertThat(variables(instance(afterClosing.get("caseNumber").asText()))).containsEntry("repeatComplaint", false);
		// the same report by agent1, who may read the case, is a repeat complaint
		assertThat(register("agent1", again, status().isCreated()).get("major").asBoolean()).isTrue();

		// brand and legal do not register complaints at all
		long cases = count("SELECT COUNT(*) FROM complaint");
		this.mvc
			.perform(post("/api/complaints").with(httpBasic("legal1", "legal1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(again)))
			.andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(cases);
		assertThat(duplicateReports(caseNumber)).isZero();
	}

	@Test
	void shouldAddAFurtherReportStartedFromTheTasklistFormToTheOpenCase() throws Exception {
		Map<String, Object> first = complaint();
		String caseNumber = register("agent1", first, status().isCreated()).get("caseNumber").asText();
		long instances = openInstances();

		Map<String, Object> form = startForm();
		form.put("customerId", first.get("customerId"));
		form.put("channel", "FAX");
		form.put("relatedCaseNumber", caseNumber);
		TestUsers.authenticate(this.engine.getIdentityService(), "agent1");
		try {
			assertThatThrownBy(() -> this.engine.getRuntimeService().startProcessInstanceByKey("complaint-handling", form))
				.isInstanceOf(Refusal.class)
				.hasMessageContaining(caseNumber)
				.hasMessageContaining("duplicate report");
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		assertThat(openInstances()).isEqualTo(instances);
		assertThat(this.jdbc.queryForList("SELECT channel, recorded_by FROM complaint_duplicate_report WHERE case_number = ?",
				caseNumber))
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("CHANNEL", "FAX").containsEntry("RECORDED_BY", "agent1"));
	}

	@Test
	void shouldRecordEveryOneOfParallelReportsOfTheSameMatter() throws Exception {
		Map<String, Object> first = complaint();
		RegisteredComplaint created = this.intake.register(request(first).toNewComplaint(), null);
		long instances = openInstances();
		Reader agent = new Reader("agent1", java.util.Set.of("agents"));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<RegisteredComplaint>> reports = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Map<String, Object> again = complaint();
				again.put("customerId", first.get("customerId"));
				again.put("description", "Report " + i);
				again.put("relatedCaseNumber", created.caseNumber());
				reports.add(() -> this.intake.register(request(again).toNewComplaint(), agent));
			}
			for (Future<RegisteredComplaint> answer : pool.invokeAll(reports)) {
				assertThat(answer.get().caseNumber()).isEqualTo(created.caseNumber());
				assertThat(answer.get().duplicate()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(duplicateReports(created.caseNumber())).isEqualTo(8);
		assertThat(openInstances()).isEqualTo(instances);
	}

	// ------------------------------------------------------------------ C. anonymous complaints, late receipt

	@Test
	void shouldRegisterAnAnonymousComplaint() throws Exception {
		Map<String, Object> body = complaint();
		body.remove("customerId");
		body.remove("customerName");
		body.remove("contactPhone");
		body.put("anonymous", true);
		body.put("contactEmail", "someone@example.com");
		body.put("productCode", "ANON-KT-1");
		JsonNode created = register("agent1", body, status().isCreated());
		String caseNumber = created.get("caseNumber").asText();

		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT anonymous, customer_name, contact_phone, phone_last4, contact_email FROM complaint WHERE case_number = ?",
				caseNumber);
		assertThat(row).containsEntry("ANONYMOUS", true)
			.containsEntry("CUSTOMER_NAME", null)
			.containsEntry("CONTACT_PHONE", null)
			.containsEntry("PHONE_LAST4", null)
			.containsEntry("CONTACT_EMAIL", "someone@example.com");
		ProcessInstance instance = instance(caseNumber);
		assertThat(instance).isWaitingAt("verifyComplaint");
		assertThat(variables(instance)).containsEntry("anonymous", true)
			.containsEntry("contactEmail", "someone@example.com")
			.doesNotContainKeys("customerName", "contactPhone");
		// the case and the search cope with no name and no phone
		this.mvc.perform(get("/api/complaints/" + caseNumber).with(httpBasic("agent1", "agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.anonymous").value(true))
			.andExpect(jsonPath("$.customerName").doesNotExist());
		this.mvc.perform(get("/api/complaints").param("q", "ANON-KT-1").with(httpBasic("agent1", "agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].caseNumber").value(hasItem(caseNumber)));
	}

	@Test
	void shouldRecordANamedComplaintAsNotAnonymous() throws Exception {
		String caseNumber = register("agent1", complaint(), status().isCreated()).get("caseNumber").asText();
		assertThat(variables(instance(caseNumber))).containsEntry("anonymous", false);
		assertThat(this.jdbc.queryForObject("SELECT anonymous FROM complaint WHERE case_number = ?", Boolean.class,
				caseNumber)).isFalse();
	}

	static Stream<Arguments> badIntakes() {
		Map<String, Object> unnamed = complaint();
		unnamed.remove("customerName");
		unnamed.put("contactPhone", " ");
		Map<String, Object> notAnonymous = new HashMap<>(unnamed);
		notAnonymous.put("anonymous", false);
		return Stream.of(Arguments.of("no name, no phone, not anonymous", unnamed, "contactPhone", "不能为空白"),
				Arguments.of("anonymous: false", notAnonymous, "customerName", "不能为空白"),
				Arguments.of("e-mail", with("contactEmail", "not-an-email"), "contactEmail", "电子邮件"),
				Arguments.of("received in an hour", with("receivedAt", OffsetDateTime.now().plusHours(1).toString()),
						"receivedAt", "不能晚于现在"),
				Arguments.of("received 31 days ago", with("receivedAt", OffsetDateTime.now().minusDays(31).toString()),
						"receivedAt", "不能早于 30 天前"),
				Arguments.of("received without offset", with("receivedAt", "2026-11-20T10:00"), "receivedAt",
						"ISO-8601"),
				Arguments.of("received: not a time", with("receivedAt", "昨天下午"), "receivedAt", "ISO-8601"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badIntakes")
	void shouldRefuseBadIntakeWithAChineseFieldErrorAndStoreNothing(String name, Map<String, Object> body, String field,
			String message) throws Exception {
		long cases = count("SELECT COUNT(*) FROM complaint");
		long instances = openInstances();
		String answer = this.mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(answer).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(count("SELECT COUNT(*) FROM complaint")).isEqualTo(cases);
		assertThat(openInstances()).isEqualTo(instances);
	}

	@Test
	void shouldCountEveryDeadlineFromTheTimeOfReceipt() throws Exception {
		// Wednesday 2026-11-25 10:00; the letter arrived on Monday 2026-11-23 at 10:00
		TestClock.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T10:00:00+08:00").toInstant()));
		Map<String, Object> letter = with("channel", "LETTER");
		letter.put("receivedAt", "2026-11-23T10:00:00+08:00");
		String caseNumber = register("agent1", letter, status().isCreated()).get("caseNumber").asText();

		Instant received = OffsetDateTime.parse("2026-11-23T10:00:00+08:00").toInstant();
		Instant closeBy = OffsetDateTime.parse("2026-11-30T10:00:00+08:00").toInstant();
		Instant firstContact = OffsetDateTime.parse("2026-11-24T10:00:00+08:00").toInstant();
		assertThat(caseNumber).startsWith("CMP-20261123-");
		assertThat(this.registry.find(caseNumber).orElseThrow().receivedAt()).isEqualTo(received);
		ProcessInstance instance = instance(caseNumber);
		assertThat(variables(instance)).containsEntry("receivedAt", Date.from(received))
			.containsEntry("closeBy", Date.from(closeBy))
			.containsEntry("receivedOn", "2026-11-23 10:00")
			.containsEntry("closeOn", "2026-11-30 10:00");
		Task verify = this.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(verify.getDueDate().toInstant()).isEqualTo(firstContact);
		Map<String, Instant> timers = new HashMap<>();
		for (Job job : this.engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list()) {
			timers.put(this.engine.getManagementService()
				.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId(), job.getDuedate().toInstant());
		}
		assertThat(timers).containsEntry("caseOverdue", closeBy).containsEntry("firstContactOverdue", firstContact);
		this.mvc.perform(get("/api/complaints/" + caseNumber).with(httpBasic("agent1", "agent1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receivedAt").value(startsWith("2026-11-23T02:00")));
	}

	@Test
	void shouldTakeTheTimeOfReceiptAndAnonymityFromTheTasklistStartForm() {
		Map<String, Object> form = startForm();
		form.remove("customerName");
		form.remove("contactPhone");
		form.put("anonymous", true);
		String receivedAt = OffsetDateTime.now().minusHours(30).withNano(0).toString();
		form.put("receivedAt", receivedAt);
		TestUsers.authenticate(this.engine.getIdentityService(), "agent1");
		ProcessInstance instance;
		try {
			instance = this.engine.getRuntimeService().startProcessInstanceByKey("complaint-handling", form);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		assertThat(instance).isWaitingAt("verifyComplaint");
		assertThat(variables(instance)).containsEntry("anonymous", true)
			.containsEntry("receivedAt", Date.from(OffsetDateTime.parse(receivedAt).toInstant()))
			.containsEntry("registeredBy", "agent1");
		assertThat(this.registry.find(instance.getBusinessKey()).orElseThrow().receivedAt())
			.isEqualTo(OffsetDateTime.parse(receivedAt).toInstant());
	}

	@Test
	void shouldRefuseAStartFormWithATimeOfReceiptInTheFuture() {
		Map<String, Object> form = startForm();
		form.put("receivedAt", OffsetDateTime.now().plusDays(1).toString());
		long instances = openInstances();
		assertThatThrownBy(() -> this.engine.getRuntimeService().startProcessInstanceByKey("complaint-handling", form))
			.isInstanceOf(Refusal.class)
			.hasMessageContaining("receivedAt")
			.hasMessageContaining("must not be in the future");
		assertThat(openInstances()).isEqualTo(instances);
	}

	// ------------------------------------------------------------------ E. complainant type from the master

	@Test
	void shouldTakeTheComplainantTypeFromTheCustomerMaster() throws Exception {
		String customerId = ComplaintScenario.newCustomerId();
		this.jdbc.update("INSERT INTO customer (customer_id, name, customer_type, department, contact_phone, annual_volume,"
				+ " default_count, tier, confidential, created_at, updated_at) VALUES (?, '华东五金经销部', 'DISTRIBUTOR', 'EAST',"
				+ " '13912345678', 500000, 0, 'PREFERRED', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", customerId);
		Map<String, Object> body = complaint();
		body.put("customerId", customerId);
		body.put("complainantType", "CONSUMER"); // typed in wrongly: the master wins
		body.put("category", "SERVICE_QUALITY");
		JsonNode created = register("agent1", body, status().isCreated());

		// a distributor unhappy with service quality is treated like a franchisee: level 2
		assertThat(created.get("level").asInt()).isEqualTo(2);
		String caseNumber = created.get("caseNumber").asText();
		assertThat(this.registry.find(caseNumber).orElseThrow().complainantType())
			.isEqualTo(ComplainantType.DISTRIBUTOR);
		assertThat(variables(instance(caseNumber))).containsEntry("complainantType", "DISTRIBUTOR")
			.containsEntry("clientTier", "PREFERRED");
	}

	@Test
	void shouldKeepTheTypedComplainantTypeOfACustomerNotInTheMaster() throws Exception {
		Map<String, Object> body = complaint();
		body.put("complainantType", "INSTITUTION");
		body.put("category", "DEPARTMENT_INACTION");
		JsonNode created = register("agent1", body, status().isCreated());
		assertThat(created.get("level").asInt()).isEqualTo(3);
		assertThat(this.registry.find(created.get("caseNumber").asText()).orElseThrow().complainantType())
			.isEqualTo(ComplainantType.INSTITUTION);
	}

	// ------------------------------------------------------------------ B. the claim and the whole product

	@Test
	void shouldRaiseAClaimBeyondTheSupervisorsAuthorityToLevelTwo() throws Exception {
		JsonNode within = register("agent1", with("claimAmount", 1000.0), status().isCreated());
		assertThat(within.get("level").asInt()).isEqualTo(1);
		assertThat(variables(instance(within.get("caseNumber").asText()))).containsEntry("claimApproverGroup",
				"supervisors");

		JsonNode beyond = register("agent1", with("claimAmount", 1000.01), status().isCreated());
		assertThat(beyond.get("level").asInt()).isEqualTo(2);
		assertThat(beyond.get("major").asBoolean()).isFalse();
		assertThat(variables(instance(beyond.get("caseNumber").asText())))
			.containsEntry("claimApproverGroup", "directors")
			.containsEntry("beyondAuthority", false);

		JsonNode none = register("agent1", with("claimAmount", null), status().isCreated());
		assertThat(none.get("level").asInt()).isEqualTo(1);
		assertThat(variables(instance(none.get("caseNumber").asText()))).containsEntry("claimApproverGroup", null);
	}

	@Test
	void shouldMakeADemandToReturnTheWholeProductMajor() throws Exception {
		Map<String, Object> whole = with("demand", "RETURN");
		whole.put("wholeProduct", true);
		JsonNode major = register("agent1", whole, status().isCreated());
		assertThat(major.get("major").asBoolean()).isTrue();
		assertThat(this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.processInstanceBusinessKey(major.get("caseNumber").asText())
			.count()).isEqualTo(1);

		JsonNode part = register("agent1", with("demand", "REPLACE"), status().isCreated());
		assertThat(part.get("major").asBoolean()).isFalse();
	}

	// ------------------------------------------------------------------ helpers

	private JsonNode register(String user, Map<String, Object> body, ResultMatcher expected) throws Exception {
		String answer = this.mvc
			.perform(post("/api/complaints").with(httpBasic(user, user))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(expected)
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return this.json.readTree(answer);
	}

	private ComplaintRequest request(Map<String, Object> body) {
		return this.json.convertValue(body, ComplaintRequest.class);
	}

	private ProcessInstance instance(String caseNumber) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("complaint-handling")
			.processInstanceBusinessKey(caseNumber)
			.singleResult();
	}

	private Map<String, Object> variables(ProcessInstance instance) {
		return this.engine.getRuntimeService().getVariables(instance.getId());
	}

	private long openInstances() {
		return this.engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("complaint-handling")
			.count();
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0;
	}

	private long duplicateReports(String caseNumber) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM complaint_duplicate_report WHERE case_number = ?",
				Long.class, caseNumber);
		return (count != null) ? count : 0;
	}

	/** An ordinary consumer complaint by phone from a customer of its own (level 1, not major). */
	static Map<String, Object> complaint() {
		Map<String, Object> complaint = new LinkedHashMap<>();
		complaint.put("customerId", ComplaintScenario.newCustomerId());
		complaint.put("customerName", "李伟");
		complaint.put("contactPhone", "+86 139 1234 5678");
		complaint.put("channel", "PHONE");
		complaint.put("complainantType", "CONSUMER");
		complaint.put("category", "PRODUCT_QUALITY");
		complaint.put("description", "水壶买了两天就不加热了");
		complaint.put("demand", "REPAIR");
		complaint.put("productCode", "KT-200");
		complaint.put("storeCode", "SH-01");
		return complaint;
	}

	static Map<String, Object> with(String field, Object value) {
		Map<String, Object> complaint = complaint();
		complaint.put(field, value);
		return complaint;
	}

	/** The variables Tasklist's start form submits: text fields as text, empty optional fields as "". */
	static Map<String, Object> startForm() {
		Map<String, Object> form = new HashMap<>();
		form.put("customerId", ComplaintScenario.newCustomerId());
		form.put("customerName", "王芳");
		form.put("contactPhone", "13800001111");
		form.put("contactEmail", "");
		form.put("channel", "PHONE");
		form.put("complainantType", "CONSUMER");
		form.put("category", "PRODUCT_QUALITY");
		form.put("description", "搅拌机用了一周就坏了");
		form.put("demand", "REPAIR");
		form.put("productCode", "BL-9");
		form.put("storeCode", "");
		form.put("accusedEmployee", "");
		form.put("relatedCaseNumber", "");
		form.put("receivedAt", "");
		form.put("anonymous", false);
		form.put("repeatComplaint", false);
		form.put("emotional", false);
		return form;
	}

}
