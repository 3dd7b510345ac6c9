package io.complaintdesk.customer;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestUsers;
import io.complaintdesk.base.Groups;

/**
 * {@code /api/customers} with the Camunda users over HTTP Basic (CONTRACT "Project REST API",
 * POLICY §8, §9): the list and a single customer, contact details masked unless the reader is a
 * supervisor or above or handles a case of the customer, the access log of confidential records,
 * admission with its field errors and conflicts, and the blacklist.
 * <p>
 * The test database is shared with other test classes: every test makes customers of its own,
 * with fresh ids in a department of their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerApiTests {

	private static final String ADMIN = "customeradmin";

	private static final String PHONE = "13912345678";

	private static final String ADDRESS = "上海市浦东新区张杨路1000号";

	private static final String EMAIL = "zhang.wei@example.com";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CustomerDirectory directory;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	PlatformTransactionManager transactionManager;

	/** Fresh for every test: its customers' ids and department. */
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private int customers;

	private String department;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		createAdmin();
		this.department = "T-" + this.run;
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
		this.identity.clearAuthentication();
	}

	// ------------------------------------------------------------------ reading

	@Test
	void shouldListCustomersOfADepartmentAndTier() throws Exception {
		String vip = customer(ClientTier.VIP, false);
		String qualified = customer(ClientTier.QUALIFIED, false);

		read("/api/customers?department=" + this.department, "agent1").andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[*].customerId", contains(vip, qualified)))
			.andExpect(jsonPath("$[0].name").value("上海锦程商贸有限公司"))
			.andExpect(jsonPath("$[0].type").value("DISTRIBUTOR"))
			.andExpect(jsonPath("$[0].department").value(this.department))
			.andExpect(jsonPath("$[0].tier").value("VIP"))
			.andExpect(jsonPath("$[0].annualVolume").value(1200000.0))
			.andExpect(jsonPath("$[0].defaultCount").value(1))
			.andExpect(jsonPath("$[0].confidential").value(false))
			.andExpect(jsonPath("$[0].tierHistory").doesNotExist());
		read("/api/customers?tier=VIP&department=" + this.department, "clerk1")
			.andExpect(jsonPath("$[*].customerId", contains(vip)));
		read("/api/customers?tier=GOLD", "agent1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("tier"))
			.andExpect(jsonPath("$.errors[0].message").value("须为以下值之一：VIP, PREFERRED, QUALIFIED"));
		read("/api/customers", "agent1").andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.customerId == '" + vip + "')]").exists());
	}

	@Test
	void shouldShowOneCustomerWithTierHistory() throws Exception {
		String id = customer(ClientTier.QUALIFIED, false);
		TestClock.setCurrentTime(Date.from(Instant.parse("2031-01-15T02:00:00Z")));
		this.directory.changeTier(id, ClientTier.PREFERRED, "half-yearly review", "super1", "CTR-2031-H1");
		// the same tier again is no change
		this.directory.changeTier(id, ClientTier.PREFERRED, "half-yearly review", "super1", "CTR-2031-H1");

		JsonNode body = body(read("/api/customers/" + id, "agent1").andExpect(status().isOk())
			.andExpect(jsonPath("$.customerId").value(id))
			.andExpect(jsonPath("$.tier").value("PREFERRED"))
			.andExpect(jsonPath("$.tierHistory", hasSize(2)))
			.andExpect(jsonPath("$.tierHistory[0].toTier").value("QUALIFIED"))
			.andExpect(jsonPath("$.tierHistory[0].reason").value("客户准入"))
			.andExpect(jsonPath("$.tierHistory[1].fromTier").value("QUALIFIED"))
			.andExpect(jsonPath("$.tierHistory[1].toTier").value("PREFERRED"))
			.andExpect(jsonPath("$.tierHistory[1].changedAt").value("2031-01-15T02:00:00Z"))
			.andExpect(jsonPath("$.tierHistory[1].approvedBy").value("super1"))
			.andExpect(jsonPath("$.tierHistory[1].reviewKey").value("CTR-2031-H1")));
		assertThat(body.has("blacklistedUntil")).as("blacklistedUntil is always there").isTrue();
		assertThat(body.get("blacklistedUntil").isNull()).isTrue();

		read("/api/customers/NO-SUCH-" + suffix(), "agent1").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("未找到"))
			.andExpect(jsonPath("$.detail").value(startsWith("没有客户编号为 NO-SUCH-")));
		this.mvc.perform(get("/api/customers/" + id)).andExpect(status().isUnauthorized());
	}

	// ------------------------------------------------------------------ contact details

	@Test
	void shouldMaskContactDetailsForEveryoneBelowSupervisor() throws Exception {
		String id = customer(ClientTier.QUALIFIED, false);

		for (String user : List.of("agent1", "agent2", "clerk1", "legal1")) {
			read("/api/customers/" + id, user).andExpect(status().isOk())
				.andExpect(jsonPath("$.contactPhone").value("139****5678"))
				.andExpect(jsonPath("$.address").value("上海市浦东新****"))
				.andExpect(jsonPath("$.email").value("z***@example.com"))
				.andExpect(jsonPath("$.contactMasked").value(true));
			read("/api/customers?department=" + this.department, user)
				.andExpect(jsonPath("$[0].contactPhone").value("139****5678"));
		}
		for (String user : List.of("super1", "director1", "gm1", ADMIN)) {
			read("/api/customers/" + id, user).andExpect(status().isOk())
				.andExpect(jsonPath("$.contactPhone").value(PHONE))
				.andExpect(jsonPath("$.address").value(ADDRESS))
				.andExpect(jsonPath("$.email").value(EMAIL))
				.andExpect(jsonPath("$.contactMasked").value(false));
			read("/api/customers?department=" + this.department, user)
				.andExpect(jsonPath("$[0].contactPhone").value(PHONE));
		}
	}

	@Test
	void shouldShowContactDetailsToWhoeverHandlesACaseOfTheCustomer() throws Exception {
		String handled = customer(ClientTier.QUALIFIED, false);
		String other = customer(ClientTier.QUALIFIED, false);
		String processInstanceId = registerComplaint(handled);

		// verifyComplaint is offered to the group agents: agent1 and agent2 are candidates through it
		for (String user : List.of("agent1", "agent2")) {
			assertContact(handled, user, true);
			assertContact(other, user, false);
		}
		read("/api/customers?department=" + this.department, "agent1")
			.andExpect(jsonPath("$[?(@.customerId == '" + handled + "')].contactPhone").value(PHONE))
			.andExpect(jsonPath("$[?(@.customerId == '" + other + "')].contactPhone").value("139****5678"));

		// clerk1 is no candidate, until the task is offered to them by name; legal1 once it is theirs
		Task task = this.tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo("verifyComplaint");
		assertContact(handled, "clerk1", false);
		assertContact(handled, "legal1", false);
		this.tasks.addCandidateUser(task.getId(), "clerk1");
		assertContact(handled, "clerk1", true);
		this.tasks.setAssignee(task.getId(), "legal1");
		assertContact(handled, "legal1", true);
		// a claimed task keeps its candidates
		assertContact(handled, "agent1", true);

		// no open task of the customer: masked again
		this.runtime.deleteProcessInstance(processInstanceId, "customer api test");
		for (String user : List.of("agent1", "clerk1", "legal1")) {
			assertContact(handled, user, false);
		}
	}

	@Test
	void shouldKeepContactDetailsMaskedForBrandAndLegalWarnedOfAMajorComplaint() throws Exception {
		String id = customer(ClientTier.QUALIFIED, false);
		String processInstanceId = registerComplaint(id, Map.of("disturbance", true));
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.variableValueEquals("customerId", id)
			.count()).as("brand and legal are warned, with the customer id").isEqualTo(1);
		assertThat(this.tasks.createTaskQuery()
			.taskCandidateUser("legal1")
			.processVariableValueEquals("customerId", id)
			.count()).isEqualTo(1);

		// legal1 acknowledges the warning, but handles no task of the complaint itself
		assertContact(id, "legal1", false);
		assertContact(id, "agent1", true);

		this.runtime.deleteProcessInstance(processInstanceId, "customer api test");
		this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("major-complaint-warning")
			.variableValueEquals("customerId", id)
			.list()
			.forEach((warning) -> this.runtime.deleteProcessInstance(warning.getId(), "customer api test"));
	}

	// ------------------------------------------------------------------ access log

	@Test
	void shouldLogEveryReadOfAConfidentialCustomer() throws Exception {
		String confidential = customer(ClientTier.QUALIFIED, true);
		String open = customer(ClientTier.QUALIFIED, false);
		TestClock.setCurrentTime(Date.from(Instant.parse("2031-02-01T01:00:00Z")));
		read("/api/customers/" + confidential, "agent1").andExpect(status().isOk())
			.andExpect(jsonPath("$.confidential").value(true));
		TestClock.setCurrentTime(Date.from(Instant.parse("2031-02-01T02:00:00Z")));
		read("/api/customers/" + confidential, "super1").andExpect(status().isOk());
		TestClock.setCurrentTime(Date.from(Instant.parse("2031-02-01T03:00:00Z")));
		read("/api/customers?department=" + this.department, "agent2").andExpect(jsonPath("$", hasSize(2)));
		read("/api/customers/" + open, "agent1").andExpect(status().isOk());

		read("/api/customers/" + confidential + "/access-log", "director1").andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[*].readBy", contains("agent2", "super1", "agent1")))
			.andExpect(jsonPath("$[0].endpoint").value("GET /api/customers?department=" + this.department))
			.andExpect(jsonPath("$[0].readAt").value("2031-02-01T03:00:00Z"))
			.andExpect(jsonPath("$[1].endpoint").value("GET /api/customers/" + confidential))
			.andExpect(jsonPath("$[1].readAt").value("2031-02-01T02:00:00Z"))
			.andExpect(jsonPath("$[2].customerId").value(confidential));
		for (String user : List.of("gm1", ADMIN)) {
			read("/api/customers/access-log?customerId=" + confidential, user).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].readBy", contains("agent2", "super1", "agent1")));
		}
		read("/api/customers/access-log?customerId=" + open, "director1").andExpect(jsonPath("$", hasSize(0)));
		read("/api/customers/" + open + "/access-log", "director1").andExpect(jsonPath("$", hasSize(0)));
		read("/api/customers/NO-SUCH-" + suffix() + "/access-log", "director1").andExpect(status().isNotFound());

		for (String user : List.of("super1", "agent1", "clerk1")) {
			read("/api/customers/" + confidential + "/access-log", user).andExpect(status().isForbidden());
			read("/api/customers/access-log?customerId=" + confidential, user).andExpect(status().isForbidden());
			read("/api/customers/access-log", user).andExpect(status().isForbidden());
		}
		// reading the log is no read of the record
		assertThat(accessLogEntries(confidential)).isEqualTo(3);
	}

	// ------------------------------------------------------------------ admission

	@Test
	void shouldAdmitACustomerAsQualifiedWithTheFirstTierInItsHistory() throws Exception {
		String id = "CT-" + suffix();
		TestClock.setCurrentTime(Date.from(Instant.parse("2031-03-02T08:00:00Z")));
		Map<String, Object> body = validCustomer(id);
		body.remove("tier");

		admit(body, "super1").andExpect(status().isCreated())
			.andExpect(jsonPath("$.customerId").value(id))
			.andExpect(jsonPath("$.tier").value("QUALIFIED"))
			.andExpect(jsonPath("$.contactPhone").value("021-62781234"))
			.andExpect(jsonPath("$.tierHistory", hasSize(1)))
			.andExpect(jsonPath("$.tierHistory[0].fromTier").doesNotExist())
			.andExpect(jsonPath("$.tierHistory[0].toTier").value("QUALIFIED"))
			.andExpect(jsonPath("$.tierHistory[0].reason").value("客户准入"))
			.andExpect(jsonPath("$.tierHistory[0].approvedBy").value("super1"))
			.andExpect(jsonPath("$.tierHistory[0].changedAt").value("2031-03-02T08:00:00Z"));

		Customer stored = this.directory.find(id).orElseThrow();
		assertThat(stored.name()).isEqualTo("杭州西子家电连锁有限公司");
		assertThat(stored.type()).isEqualTo(CustomerType.FRANCHISEE);
		assertThat(stored.annualVolume()).isEqualByComparingTo("350000.50");
		assertThat(stored.defaultCount()).isZero();
		assertThat(stored.confidential()).isTrue();
		assertThat(stored.createdAt()).isEqualTo(Instant.parse("2031-03-02T08:00:00Z"));

		Map<String, Object> noEmail = validCustomer("CT-" + suffix());
		noEmail.put("email", "");
		admit(noEmail, "director1").andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").doesNotExist());
	}

	static Stream<Arguments> invalidCustomers() {
		return Stream.of(Arguments.of("customerId", null), Arguments.of("customerId", ""),
				Arguments.of("customerId", "C 0001"), Arguments.of("customerId", "C/0001"),
				Arguments.of("customerId", "C".repeat(65)), Arguments.of("customerId", "access-log"),
				Arguments.of("name", null), Arguments.of("name", "  "), Arguments.of("name", "名".repeat(201)),
				Arguments.of("type", null), Arguments.of("type", "SHOP"), Arguments.of("type", "consumer"),
				Arguments.of("department", null), Arguments.of("department", ""),
				Arguments.of("department", "D".repeat(65)), Arguments.of("contactPhone", "call me"),
				Arguments.of("contactPhone", "1".repeat(41)), Arguments.of("address", "路".repeat(401)),
				Arguments.of("email", "not-an-email"), Arguments.of("email", "a@" + (("b".repeat(50) + ".").repeat(4)) + "com"),
				Arguments.of("annualVolume", -1), Arguments.of("annualVolume", new BigDecimal("1000000000000.01")),
				Arguments.of("annualVolume", new BigDecimal("1.005")), Arguments.of("annualVolume", "lots"),
				Arguments.of("defaultCount", -1), Arguments.of("defaultCount", "many"),
				Arguments.of("confidential", "maybe"), Arguments.of("tier", "GOLD"), Arguments.of("tier", "VIP"),
				Arguments.of("tier", "QUALIFIED"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("invalidCustomers")
	void shouldRefuseBadInputWithAFieldErrorAndStoreNothing(String field, Object value) throws Exception {
		String id = "CT-" + suffix();
		Map<String, Object> body = validCustomer(id);
		body.put(field, value);

		admit(body, "super1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains(field)))
			.andExpect(jsonPath("$.errors[0].message").isString());
		String storedId = "customerId".equals(field) ? String.valueOf(value) : id;
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE customer_id IN (?, ?)",
				Integer.class, id, storedId)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM customer_tier_history WHERE customer_id IN (?, ?)",
				Integer.class, id, storedId)).isZero();
	}

	@Test
	void shouldListEveryFieldErrorOfAnEmptyBody() throws Exception {
		this.mvc
			.perform(post("/api/customers").with(httpBasic("super1", "super1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("customerId", "department", "name", "type")));
		this.mvc
			.perform(post("/api/customers").with(httpBasic("super1", "super1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("not json"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void shouldRefuseAnIdThatExists() throws Exception {
		String id = customer(ClientTier.VIP, false);

		admit(validCustomer(id), "super1").andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.errors[0].field").value("customerId"))
			.andExpect(jsonPath("$.detail").value("已有相同客户编号的客户"))
			.andExpect(jsonPath("$.errors[0].message").value("已存在"));
		Customer unchanged = this.directory.find(id).orElseThrow();
		assertThat(unchanged.name()).isEqualTo("上海锦程商贸有限公司");
		assertThat(unchanged.tier()).isEqualTo(ClientTier.VIP);
		assertThat(this.directory.history(id)).hasSize(1);
	}

	@Test
	void shouldRefuseABlacklistedIdOrOneProposedForTheBlacklist() throws Exception {
		Instant now = TestClock.now().toInstant();
		String active = "CT-" + suffix();
		String proposed = "CT-" + suffix();
		String expired = "CT-" + suffix();
		String ended = "CT-" + suffix();
		String rejected = "CT-" + suffix();
		blacklistEntry(active, "ACTIVE", now.plus(Duration.ofDays(120)));
		blacklistEntry(proposed, "PROPOSED", null);
		blacklistEntry(expired, "EXPIRED", now.minus(Duration.ofDays(1)));
		// ACTIVE still, but its six months are over
		blacklistEntry(ended, "ACTIVE", now.minus(Duration.ofDays(1)));
		blacklistEntry(rejected, "REJECTED", null);

		for (String id : List.of(active, proposed)) {
			admit(validCustomer(id), "super1").andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].field").value("customerId"))
				.andExpect(jsonPath("$.errors[0].message").value("已列入或被提议列入客户黑名单"));
			assertThat(this.directory.find(id)).isEmpty();
		}
		for (String id : List.of(expired, ended, rejected)) {
			admit(validCustomer(id), "super1").andExpect(status().isCreated());
		}
	}

	@Test
	void shouldLetOnlySupervisorsAndAboveAdmit() throws Exception {
		String id = "CT-" + suffix();
		for (String user : List.of("agent1", "clerk1", "legal1")) {
			admit(validCustomer(id), user).andExpect(status().isForbidden());
			// refused before the body is looked at: an invalid body is 403 too, not 400
			this.mvc
				.perform(post("/api/customers").with(httpBasic(user, user))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{}"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.directory.find(id)).isEmpty();
		admit(validCustomer(id), "gm1").andExpect(status().isCreated());
	}

	// ------------------------------------------------------------------ blacklist

	@Test
	void shouldShowBlacklistedUntilWhileTheEntryIsActive() throws Exception {
		String id = customer(ClientTier.PREFERRED, false);
		Instant start = Instant.parse("2031-04-01T00:00:00Z");
		Instant until = Instant.parse("2031-10-01T00:00:00Z");
		TestClock.setCurrentTime(Date.from(start));
		blacklistEntry(id, "PROPOSED", null);
		assertThat(this.directory.isBlacklisted(id)).as("a proposal is no blacklisting").isFalse();
		blacklistEntry(id, "ACTIVE", until);

		read("/api/customers/" + id, "agent1").andExpect(jsonPath("$.blacklistedUntil").value("2031-10-01T00:00:00Z"));
		read("/api/customers?department=" + this.department, "agent1")
			.andExpect(jsonPath("$[0].blacklistedUntil").value("2031-10-01T00:00:00Z"));
		assertThat(this.directory.blacklistedUntil(id)).contains(until);
		assertThat(this.directory.isBlacklisted(id)).isTrue();
		assertThat(this.directory.blacklisted()).containsEntry(id, until);

		TestClock.setCurrentTime(Date.from(until));
		JsonNode body = body(read("/api/customers/" + id, "agent1").andExpect(status().isOk()));
		assertThat(body.has("blacklistedUntil")).isTrue();
		assertThat(body.get("blacklistedUntil").isNull()).isTrue();
		JsonNode list = body(read("/api/customers?department=" + this.department, "agent1"));
		assertThat(list.get(0).get("blacklistedUntil").isNull()).isTrue();
		assertThat(this.directory.isBlacklisted(id)).isFalse();
		assertThat(this.directory.blacklisted()).doesNotContainKey(id);
	}

	// ------------------------------------------------------------------ the directory the processes use

	@Test
	void shouldListADepartmentByVolumeAndResetDefaultCountsInTheCallersTransaction() {
		String small = customer(ClientTier.QUALIFIED, false, new BigDecimal("20000"));
		String big = customer(ClientTier.QUALIFIED, false, new BigDecimal("3000000"));
		String middle = customer(ClientTier.QUALIFIED, false, new BigDecimal("300000"));
		assertThat(this.directory.byDepartment(this.department)).extracting(Customer::customerId)
			.containsExactly(big, middle, small);
		assertThat(this.directory.departments()).contains(this.department);

		// rolled back: other test classes share the database
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.directory.resetDefaultCounts();
			assertThat(this.directory.byDepartment(this.department)).extracting(Customer::defaultCount)
				.containsOnly(0);
			status.setRollbackOnly();
		});
		assertThat(this.directory.find(big).orElseThrow().defaultCount()).isEqualTo(1);
	}

	@Test
	void shouldChangeATierOnlyWithTheCallersTransaction() {
		String id = customer(ClientTier.VIP, false);
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.directory.changeTier(id, ClientTier.QUALIFIED, "defaults in the period", "super1", "CTR-1");
			status.setRollbackOnly();
		});
		assertThat(this.directory.find(id).orElseThrow().tier()).isEqualTo(ClientTier.VIP);
		assertThat(this.directory.history(id)).hasSize(1);

		this.directory.changeTier(id, ClientTier.QUALIFIED, "defaults in the period", "super1", "CTR-1");
		assertThat(this.directory.find(id).orElseThrow().tier()).isEqualTo(ClientTier.QUALIFIED);
		assertThat(this.directory.history(id)).extracting(TierChange::fromTier, TierChange::toTier)
			.containsExactly(tuple(null, ClientTier.VIP), tuple(ClientTier.VIP, ClientTier.QUALIFIED));
	}

	// ------------------------------------------------------------------ helpers

	private String customer(ClientTier tier, boolean confidential) {
		return customer(tier, confidential, new BigDecimal("1200000"));
	}

	private String customer(ClientTier tier, boolean confidential, BigDecimal volume) {
		String id = "CT-" + suffix();
		this.directory.create(new NewCustomer(id, "上海锦程商贸有限公司", CustomerType.DISTRIBUTOR, this.department, PHONE,
				ADDRESS, EMAIL, volume, 1, tier, confidential, "super1"));
		return id;
	}

	private Map<String, Object> validCustomer(String id) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", id);
		body.put("name", "杭州西子家电连锁有限公司");
		body.put("type", "FRANCHISEE");
		body.put("department", this.department);
		body.put("contactPhone", "021-62781234");
		body.put("address", "杭州市上城区解放路138号");
		body.put("email", "buyer@xizi.example.com");
		body.put("annualVolume", new BigDecimal("350000.50"));
		body.put("defaultCount", 0);
		body.put("confidential", true);
		return body;
	}

	/** Registers a complaint of the customer as agent1: its first task, verifyComplaint, is offered to agents. */
	private String registerComplaint(String customerId) throws Exception {
		return registerComplaint(customerId, Map.of());
	}

	private String registerComplaint(String customerId, Map<String, Object> flags) throws Exception {
		Map<String, Object> complaint = new LinkedHashMap<>(flags);
		complaint.put("customerId", customerId);
		complaint.put("customerName", "上海锦程商贸有限公司");
		complaint.put("contactPhone", PHONE);
		complaint.put("channel", "PHONE");
		complaint.put("complainantType", "FRANCHISEE");
		complaint.put("category", "DELIVERY");
		complaint.put("description", "Forty cartons short in the delivery of 3 March");
		complaint.put("demand", "REPLACE");
		String response = this.mvc
			.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(complaint)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(response).get("processInstanceId").asText();
	}

	private void assertContact(String customerId, String user, boolean full) throws Exception {
		read("/api/customers/" + customerId, user).andExpect(status().isOk())
			.andExpect(jsonPath("$.contactPhone").value(full ? PHONE : "139****5678"))
			.andExpect(jsonPath("$.address").value(full ? ADDRESS : "上海市浦东新****"))
			.andExpect(jsonPath("$.email").value(full ? EMAIL : "z***@example.com"))
			.andExpect(jsonPath("$.contactMasked").value(!full));
	}

	private void blacklistEntry(String customerId, String status, Instant until) {
		Timestamp now = Timestamp.from(TestClock.now().toInstant());
		this.jdbc.update("""
				INSERT INTO customer_blacklist (customer_id, status, reason, proposed_by, proposed_at, approved_by,
				    blacklisted_at, blacklisted_until)
				VALUES (?, ?, 'Serious loss: unpaid deliveries', 'super1', ?, ?, ?, ?)""", customerId, status, now,
				"ACTIVE".equals(status) ? "director1" : null, (until != null) ? now : null,
				(until != null) ? Timestamp.from(until) : null);
	}

	private int accessLogEntries(String customerId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM customer_access_log WHERE customer_id = ?",
				Integer.class, customerId);
	}

	private ResultActions read(String uri, String user) throws Exception {
		return this.mvc.perform(get(uri).with(httpBasic(user, user)));
	}

	private ResultActions admit(Map<String, Object> body, String user) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/customers").with(httpBasic(user, user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body));
		return this.mvc.perform(request);
	}

	private JsonNode body(ResultActions result) throws Exception {
		return this.json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	/** Ids in the order they are made, so that lists by id come in that order. */
	private String suffix() {
		return this.run + "-" + String.format("%02d", ++this.customers);
	}

	// the test users have no administrator; Groups.ADMINS is camunda-admin, as in the demo profile
	private void createAdmin() {
		if (this.identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
			this.identity.saveGroup(this.identity.newGroup(Groups.ADMINS));
		}
		if (this.identity.createUserQuery().userId(ADMIN).count() == 0) {
			User admin = this.identity.newUser(ADMIN);
			admin.setPassword(ADMIN);
			this.identity.saveUser(admin);
			this.identity.createMembership(ADMIN, Groups.ADMINS);
		}
	}

}
