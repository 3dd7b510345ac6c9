package io.complaintdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.complaintdesk.TestClock;
import io.complaintdesk.TestUsers;

/**
 * The customer master kept current (POLICY §8, issue 14 item 12): {@code PATCH /api/customers/{id}}
 * for supervisors and above — contact details, department, annual volume and defaults, validated,
 * recorded in {@code customer_change}, the tier never — and the tier at admission decided by the
 * {@code client-tier} table and the department's quotas, never typed in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CustomerChangeApiTests {

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

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private int customers;

	private String department;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		this.department = "T-" + this.run;
	}

	@AfterEach
	void tearDown() {
		TestClock.reset();
	}

	// ------------------------------------------------------------------ PATCH

	@Test
	void shouldLetSupervisorsAndAboveChangeFiguresAndContactsButNeverTheTier() throws Exception {
		String id = customer(ClientTier.QUALIFIED, new BigDecimal("200000"), 0);
		// "address": null clears it (JSON merge patch); the test's ObjectMapper would leave a null out
		this.mvc
			.perform(patch("/api/customers/" + id).with(httpBasic("super1", "super1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"annualVolume\": 1500000, \"defaultCount\": 2, \"contactPhone\": \"021-62780000\","
						+ " \"address\": null}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerId").value(id))
			.andExpect(jsonPath("$.annualVolume").value(1500000))
			.andExpect(jsonPath("$.defaultCount").value(2))
			.andExpect(jsonPath("$.contactPhone").value("021-62780000"))
			.andExpect(jsonPath("$.address").doesNotExist())
			.andExpect(jsonPath("$.tier").value("QUALIFIED"));

		Customer stored = this.directory.find(id).orElseThrow();
		assertThat(stored.annualVolume()).isEqualByComparingTo("1500000");
		assertThat(stored.defaultCount()).isEqualTo(2);
		assertThat(stored.contactPhone()).isEqualTo("021-62780000");
		assertThat(stored.address()).isNull();
		assertThat(stored.email()).isEqualTo("buyer@example.com"); // left out: unchanged
		assertThat(stored.department()).isEqualTo(this.department);
		assertThat(stored.tier()).isEqualTo(ClientTier.QUALIFIED);
		assertThat(this.directory.history(id)).hasSize(1);
		// who changed what; contact details never in clear
		List<Map<String, Object>> log = this.jdbc
			.queryForList("SELECT changed_by, changes FROM customer_change WHERE customer_id = ?", id);
		assertThat(log).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("CHANGED_BY", "super1");
			assertThat((String) row.get("CHANGES")).contains("annualVolume: 200000 -> 1500000")
				.contains("defaultCount: 0 -> 2")
				.contains("contactPhone: changed")
				.contains("address: changed")
				.doesNotContain("021-62780000");
		});

		for (String user : List.of("director1", "gm1")) {
			patchAs(user, id, Map.of("department", "WEST-" + this.run)).andExpect(status().isOk())
				.andExpect(jsonPath("$.department").value("WEST-" + this.run));
		}
		assertThat(this.jdbc.queryForList("SELECT changed_by FROM customer_change WHERE customer_id = ? ORDER BY id",
				String.class, id)).containsExactly("super1", "director1", "gm1");
	}

	@Test
	void shouldRefuseAgentsClerksAndBrandLegalAndStoreNothing() throws Exception {
		String id = customer(ClientTier.QUALIFIED, new BigDecimal("200000"), 0);
		for (String user : List.of("agent1", "clerk1", "legal1")) {
			patchAs(user, id, Map.of("annualVolume", 1)).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value("只有客服主管、总监和总经理可以修改客户资料"));
			// refused before the body is read: bad input of an outsider is 403 too
			patchAs(user, id, Map.of("tier", "VIP")).andExpect(status().isForbidden());
		}
		assertThat(this.directory.find(id).orElseThrow().annualVolume()).isEqualByComparingTo("200000");
		assertThat(changes(id)).isZero();
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownCustomer() throws Exception {
		patchAs("super1", "NO-SUCH-" + this.run, Map.of("defaultCount", 1)).andExpect(status().isNotFound());
		assertThat(changes("NO-SUCH-" + this.run)).isZero();
	}

	static Stream<Arguments> badChanges() {
		return Stream.of(Arguments.of(Map.of("tier", "VIP"), "tier"), Arguments.of(Map.of("tier", "QUALIFIED"), "tier"),
				Arguments.of(Map.of("customerId", "OTHER"), "customerId"), Arguments.of(Map.of("name", "新名称"), "name"),
				Arguments.of(Map.of("type", "CONSUMER"), "type"), Arguments.of(Map.of("confidential", false), "confidential"),
				Arguments.of(Map.of("annualVolume", "lots"), "annualVolume"),
				Arguments.of(Map.of("annualVolume", -1), "annualVolume"),
				Arguments.of(Map.of("annualVolume", new BigDecimal("1.005")), "annualVolume"),
				Arguments.of(Map.of("defaultCount", "many"), "defaultCount"),
				Arguments.of(Map.of("defaultCount", -1), "defaultCount"),
				Arguments.of(Map.of("contactPhone", "call me"), "contactPhone"),
				Arguments.of(Map.of("email", "not-an-email"), "email"),
				Arguments.of(Map.of("department", ""), "department"),
				Arguments.of(Map.of("address", "路".repeat(401)), "address"),
				Arguments.of(Map.of("address", "楼\u0000"), "address"), Arguments.of(Map.of(), "body"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badChanges")
	void shouldRefuseABadChangeWithAFieldErrorAndStoreNothing(Map<String, Object> change, String field)
			throws Exception {
		String id = customer(ClientTier.QUALIFIED, new BigDecimal("200000"), 0);
		Customer before = this.directory.find(id).orElseThrow();
		patchAs("super1", id, change).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)))
			.andExpect(jsonPath("$.errors[0].message").isString());
		assertThat(this.directory.find(id).orElseThrow()).isEqualTo(before);
		assertThat(changes(id)).isZero();
	}

	@Test
	void shouldRefuseADeclaredNullForARequiredFigure() throws Exception {
		String id = customer(ClientTier.QUALIFIED, new BigDecimal("200000"), 0);
		this.mvc
			.perform(patch("/api/customers/" + id).with(httpBasic("super1", "super1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"annualVolume\": null, \"tier\": null}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("annualVolume", "tier")))
			.andExpect(jsonPath("$.errors[1].message").value(
					"客户分级不能填写：准入时按客户分级规则（年业务量、违约次数）和分级名额确定，此后由半年评审调整"));
		assertThat(changes(id)).isZero();
	}

	// ------------------------------------------------------------------ the tier at admission

	@Test
	void shouldAdmitWithTheTierOfTheClientTierTableWithinTheQuotas() throws Exception {
		// nine qualified clients: with the tenth, the department may have 1 VIP (15 %) and 3 preferred (30 %)
		for (int i = 0; i < 9; i++) {
			customer(ClientTier.QUALIFIED, new BigDecimal("100000"), 0);
		}
		admit(newCustomer(new BigDecimal("1200000"), 0)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.tier").value("VIP"))
			.andExpect(jsonPath("$.tierHistory[0].toTier").value("VIP"))
			.andExpect(jsonPath("$.tierHistory[0].reason").value("客户准入"));
		// the VIP place is taken (1 of 11): the next who qualifies for VIP is admitted as preferred
		admit(newCustomer(new BigDecimal("2000000"), 0)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.tier").value("PREFERRED"));
		// the table: 300,000 with no default is preferred, with a default qualified
		admit(newCustomer(new BigDecimal("300000"), 0)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.tier").value("PREFERRED"));
		admit(newCustomer(new BigDecimal("5000000"), 1)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.tier").value("QUALIFIED"));
	}

	@Test
	void shouldAdmitTheFirstClientOfADepartmentAsQualifiedWhateverItsVolume() throws Exception {
		// a department of one client has no VIP or preferred place (15 % and 30 % of 1, rounded down)
		admit(newCustomer(new BigDecimal("3000000"), 0)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.tier").value("QUALIFIED"));
	}

	@Test
	void shouldRefuseATierTypedInAtAdmission() throws Exception {
		Map<String, Object> body = newCustomer(new BigDecimal("1200000"), 0);
		body.put("tier", "VIP");
		admit(body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", contains("tier")));
		assertThat(this.directory.find((String) body.get("customerId"))).isEmpty();
	}

	// ------------------------------------------------------------------ helpers

	private ResultActions patchAs(String user, String id, Map<String, Object> change) throws Exception {
		return this.mvc.perform(patch("/api/customers/" + id).with(httpBasic(user, user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(change)));
	}

	private ResultActions admit(Map<String, Object> body) throws Exception {
		return this.mvc.perform(post("/api/customers").with(httpBasic("super1", "super1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)));
	}

	private Map<String, Object> newCustomer(BigDecimal volume, int defaults) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", "CC-" + this.run + "-" + (++this.customers));
		body.put("name", "苏州东吴酒店管理有限公司");
		body.put("type", "INSTITUTION");
		body.put("department", this.department);
		body.put("annualVolume", volume);
		body.put("defaultCount", defaults);
		return body;
	}

	private String customer(ClientTier tier, BigDecimal volume, int defaults) {
		String id = "CC-" + this.run + "-" + (++this.customers);
		this.directory.create(new NewCustomer(id, "上海锦程商贸有限公司", CustomerType.DISTRIBUTOR, this.department,
				"13912345678", "上海市浦东新区张杨路1000号", "buyer@example.com", volume, defaults, tier, false, "super1"));
		return id;
	}

	private int changes(String id) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM customer_change WHERE customer_id = ?",
				Integer.class, id);
		return (count != null) ? count : 0;
	}

}
