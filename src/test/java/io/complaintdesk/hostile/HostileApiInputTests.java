package io.complaintdesk.hostile;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.Category;
import io.complaintdesk.complaint.Channel;
import io.complaintdesk.complaint.ComplainantType;
import io.complaintdesk.complaint.ComplaintRegistry;
import io.complaintdesk.customer.Customer;
import io.complaintdesk.customer.CustomerDirectory;
import io.complaintdesk.customer.CustomerType;
import io.complaintdesk.customer.NewCustomer;
import io.complaintdesk.complaint.RegistryRows;
import io.complaintdesk.complaint.Demand;
import io.complaintdesk.hostile.HostileHttp.Answer;

/**
 * Hostile input at every {@code /api} endpoint (issue "Bad input"): each refused request gets a
 * clear 4xx with a readable JSON message — in Chinese, unless {@code Accept-Language} asks for
 * English — and changes nothing — no complaint, case number, process
 * instance, customer, penalty or notification more than before.
 * <p>
 * Bodies: every write endpoint × every kind of bad body (malformed JSON, wrong types, unknown enum
 * values, text longer than its column, control characters, unpaired surrogates, deep nesting,
 * numbers out of range, bodies over 64 KiB with and without a length, wrong content types).
 * Paths and queries: hostile path variables and query parameters of the read endpoints.
 * <p>
 * Same Spring configuration as the other API tests, so the application context is shared.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HostileApiInputTests {

	/** A registry row of its own (no process) for the penalty endpoints. */
	static final String CASE = "CMP-20310501-0001";

	/** Answered by the application: a JSON problem detail. */
	static final boolean APPLICATION = true;

	/** Refused by the servlet container before the application sees it. */
	static final boolean CONTAINER = false;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	ComplaintRegistry registry;

	@Autowired
	CustomerDirectory directory;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
		registerPenaltyCase(this.registry);
		admitPatchedCustomer(this.directory);
	}

	/** The customer the hostile changes aim at ({@code PATCH /api/customers/{customerId}}). */
	static final String PATCHED_CUSTOMER = "HOSTILE-PATCHED";

	static void admitPatchedCustomer(CustomerDirectory directory) {
		if (directory.find(PATCHED_CUSTOMER).isEmpty()) {
			directory.create(new NewCustomer(PATCHED_CUSTOMER, "Wang Fang", CustomerType.CONSUMER, "EAST", null,
					"1 Nanjing Road, Shanghai", null, new BigDecimal("1000.00"), 0, null, false, "super1"));
		}
	}

	/** The registry row of {@link #CASE}, which penalties are recorded against. */
	static void registerPenaltyCase(ComplaintRegistry registry) {
		if (registry.find(CASE).isEmpty()) {
			registry.register(RegistryRows.row(CASE, "hostile-input-tests", Instant.now(), "agent1", Channel.PHONE,
					ComplainantType.CONSUMER, Category.DELIVERY, null, "Li Wei", "13900000000", "Parcel arrived late",
					Demand.APOLOGY, null, null, null, null, null, 1, false));
		}
	}

	// ------------------------------------------------------------------ bodies

	/**
	 * A write endpoint with a body it accepts and the fields the hostile kinds aim at ({@code null}
	 * where the body has no such field).
	 */
	record Endpoint(String name, String user, String path, Map<String, Object> valid, String line, String text,
			int textMax, String number, String enumField) {

		@Override
		public String toString() {
			return this.name;
		}

		/** {@code POST}, {@code PATCH}: the first word of the name. */
		String method() {
			return this.name.substring(0, this.name.indexOf(' '));
		}

	}

	/** A kind of hostile body, made from the endpoint's valid one. */
	record Kind(String name, int status, String contentType, boolean chunked, String field,
			Function<Endpoint, String> body) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Endpoint> endpoints() {
		return List.of(
				new Endpoint("POST /api/complaints", "agent1", "/api/complaints", complaint(), "customerName",
						"description", 4000, "claimAmount", "channel"),
				new Endpoint("POST /api/customers", "super1", "/api/customers", customer(), "name", "address", 400,
						"annualVolume", "type"),
				new Endpoint("POST /api/penalties", "super1", "/api/penalties", penalty(), "person", "detail", 1000,
						"amount", "rule"),
				new Endpoint("POST /api/penalties/{id}/void", "super1", "/api/penalties/{id}/void",
						new LinkedHashMap<>(Map.of("reason", "Entered twice")), null, "reason", 1000, null, null),
				new Endpoint("PATCH /api/customers/{customerId}", "super1", "/api/customers/" + PATCHED_CUSTOMER,
						customerChange(), "department", "address", 400, "annualVolume", null));
	}

	static List<Kind> kinds() {
		List<Kind> kinds = new ArrayList<>();
		kinds.add(new Kind("malformed JSON", 400, "application/json", false, null,
				(e) -> json(e.valid()).substring(0, json(e.valid()).length() / 2)));
		kinds.add(new Kind("empty body", 400, "application/json", false, null, (e) -> ""));
		kinds.add(new Kind("JSON null", 400, "application/json", false, null, (e) -> "null"));
		kinds.add(new Kind("JSON array instead of an object", 400, "application/json", false, null, (e) -> "[{}]"));
		kinds.add(new Kind("JSON string instead of an object", 400, "application/json", false, null,
				(e) -> "\"DROP TABLE complaint\""));
		kinds.add(new Kind("trailing garbage after the object", 400, "application/json", false, null,
				(e) -> json(e.valid()) + " {\"x\": 1}"));
		kinds.add(new Kind("single quotes instead of JSON strings", 400, "application/json", false, null,
				(e) -> json(e.valid()).replace('"', '\'')));
		kinds.add(new Kind("deeply nested JSON", 400, "application/json", false, null,
				(e) -> "{\"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}"));
		kinds.add(new Kind("object for the text field", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), Map.of("$gt", "")))));
		kinds.add(new Kind("array for the text field", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), List.of("a", "b")))));
		kinds.add(new Kind("text too long for its column", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), "x".repeat(e.textMax() + 1)))));
		kinds.add(new Kind("NUL in the text", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), "before\u0000after"))));
		kinds.add(new Kind("bell and escape in the text", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), "ring\u0007\u001b[2J"))));
		kinds.add(new Kind("C1 control in the text", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), "next\u0085line"))));
		kinds.add(new Kind("unpaired surrogate in the text", 400, "application/json", false, "text",
				(e) -> json(with(e.valid(), e.text(), "LONE")).replace("LONE", "half \\ud83d of an emoji")));
		kinds.add(new Kind("line break in a single-line field", 400, "application/json", false, "line",
				(e) -> json(with(e.valid(), e.line(), "Li\r\nSet-Cookie: x=y"))));
		kinds.add(new Kind("tab in a single-line field", 400, "application/json", false, "line",
				(e) -> json(with(e.valid(), e.line(), "Li\tWei"))));
		kinds.add(new Kind("number field as text", 400, "application/json", false, "number",
				(e) -> json(with(e.valid(), e.number(), "a lot"))));
		kinds.add(new Kind("number beyond double range", 400, "application/json", false, "number",
				(e) -> json(with(e.valid(), e.number(), "PLACEHOLDER")).replace("\"PLACEHOLDER\"", "1e400")));
		// longer than Jackson reads a number at all: not valid JSON, whatever the field
		kinds.add(new Kind("number with a thousand digits", 400, "application/json", false, null,
				(e) -> json(with(e.valid(), "claimAmount", "PLACEHOLDER")).replace("\"PLACEHOLDER\"", "9".repeat(1001))));
		kinds.add(new Kind("unknown enum value", 400, "application/json", false, "enumField",
				(e) -> json(with(e.valid(), e.enumField(), "<script>alert(1)</script>"))));
		kinds.add(new Kind("enum value in lower case", 400, "application/json", false, "enumField",
				(e) -> json(with(e.valid(), e.enumField(), String.valueOf(e.valid().get(e.enumField())).toLowerCase()))));
		kinds.add(new Kind("body over 64 KiB", 413, "application/json", false, null,
				(e) -> json(with(e.valid(), "padding", "x".repeat(70 * 1024)))));
		kinds.add(new Kind("body over 64 KiB, chunked", 413, "application/json", true, null,
				(e) -> json(with(e.valid(), "padding", "x".repeat(70 * 1024)))));
		kinds.add(new Kind("1 MiB body", 413, "application/json", false, null,
				(e) -> json(with(e.valid(), "padding", "x".repeat(1024 * 1024)))));
		kinds.add(new Kind("text/plain", 415, "text/plain", false, null, (e) -> json(e.valid())));
		kinds.add(new Kind("XML", 415, "application/xml", false, null,
				(e) -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
		kinds.add(new Kind("form data", 415, "application/x-www-form-urlencoded", false, null,
				(e) -> "customerName=Li+Wei&channel=PHONE"));
		kinds.add(new Kind("no content type", 415, null, false, null, (e) -> json(e.valid())));
		return kinds;
	}

	static Stream<Arguments> hostileBodies() {
		return endpoints().stream()
			.flatMap((endpoint) -> kinds().stream()
				.filter((kind) -> kind.field() == null || fieldOf(endpoint, kind) != null)
				.map((kind) -> Arguments.of(endpoint, kind)));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("hostileBodies")
	void shouldRefuseHostileBodyAndChangeNothing(Endpoint endpoint, Kind kind) throws Exception {
		String path = endpoint.path().replace("{id}", String.valueOf(penaltyEntry()));
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = HostileHttp.as(this.port, endpoint.user())
			.send(endpoint.method(), path, kind.contentType(),
					kind.body().apply(endpoint).getBytes(StandardCharsets.UTF_8), kind.chunked());

		assertThat(answer.status()).as("%s %s: %s", endpoint, kind, answer.body()).isEqualTo(kind.status());
		answer.assertReadableRefusal().assertNoExceptionName().assertChinese();
		String field = fieldOf(endpoint, kind);
		if (field != null) {
			assertThat(answer.json().get("errors").findValuesAsText("field")).as(answer.body()).contains(field);
		}
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldNameAllowedValuesOfAnUnknownEnumValue() throws Exception {
		Answer complaint = HostileHttp.as(this.port, "agent1")
			.postJson("/api/complaints", json(with(complaint(), "channel", "PIGEON")));
		assertThat(complaint.status()).isEqualTo(400);
		assertThat(complaint.json().get("title").asText()).isEqualTo("请求有误");
		assertThat(complaint.json().get("detail").asText()).isEqualTo("请求中有字段填写不正确");
		assertThat(complaint.json().get("errors").get(0).get("message").asText())
			.startsWith("须为以下值之一：PHONE, ")
			.contains("MEDIA");

		// an enum-typed field of a record (not @EnumName) says the same
		Answer penalty = HostileHttp.as(this.port, "super1")
			.postJson("/api/penalties", json(with(penalty(), "rule", "SPEEDING")));
		assertThat(penalty.status()).isEqualTo(400);
		assertThat(penalty.json().get("errors").get(0).get("message").asText()).startsWith("须为以下值之一：")
			.contains("RULE_BREACH");
	}

	@Test
	void shouldNameAllowedValuesInEnglishWhenAskedFor() throws Exception {
		Answer complaint = HostileHttp.as(this.port, "agent1")
			.acceptLanguage("en-US,en;q=0.9")
			.postJson("/api/complaints", json(with(complaint(), "channel", "PIGEON")));
		assertThat(complaint.status()).isEqualTo(400);
		assertThat(complaint.json().get("title").asText()).isEqualTo("Bad Request");
		assertThat(complaint.json().get("detail").asText()).isEqualTo("The request has invalid fields");
		assertThat(complaint.json().get("errors").get(0).get("message").asText())
			.startsWith("must be one of PHONE, ")
			.contains("MEDIA");
	}

	@Test
	void shouldSayWhereTheControlCharacterIs() throws Exception {
		Answer answer = HostileHttp.as(this.port, "agent1")
			.postJson("/api/complaints", json(with(complaint(), "description", "abc\u0000")));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors").get(0).get("message").asText())
			.isEqualTo("不能包含控制字符 U+0000（第 4 个字符）；只允许制表符和换行");

		Answer english = HostileHttp.as(this.port, "agent1")
			.acceptLanguage("en")
			.postJson("/api/complaints", json(with(complaint(), "description", "abc\u0000")));
		assertThat(english.json().get("errors").get(0).get("message").asText())
			.isEqualTo("must not contain the control character U+0000 (position 4); only tab and line breaks are allowed");
	}

	@Test
	void shouldAnswerEveryFieldOfABadComplaintInChineseAndNothingElse() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(complaint());
		body.remove("customerName");
		body.put("contactPhone", "call me");
		body.put("relatedCaseNumber", "case 7");
		body.put("accusedEmployee", "li wei!");
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = HostileHttp.as(this.port, "agent1").postJson("/api/complaints", json(body));

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		Map<String, String> errors = new LinkedHashMap<>();
		answer.json().get("errors").forEach((error) -> errors.put(error.get("field").asText(), error.get("message").asText()));
		assertThat(errors).containsExactly(entry("accusedEmployee", "须为用户名：只能包含字母、数字和“.”“_”“@”“-”"),
				entry("contactPhone", "须为电话号码（11 位手机号或带区号的座机号）"), entry("customerName", "不能为空白"),
				entry("relatedCaseNumber", "须为受理编号，如 CMP-20261122-0007"));
		// no regular expression reaches a person
		assertThat(answer.body()).doesNotContain("[A-Za-z", "\\d", "{4,38}");
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldAnswerAnUnknownCaseInTheCallersLanguage() throws Exception {
		Answer chinese = HostileHttp.as(this.port, "agent1").get("/api/complaints/CMP-20000101-0001");
		assertThat(chinese.status()).isEqualTo(404);
		assertThat(chinese.json().get("title").asText()).isEqualTo("未找到");
		assertThat(chinese.json().get("detail").asText()).isEqualTo("没有受理编号为 CMP-20000101-0001 的投诉");

		Answer english = HostileHttp.as(this.port, "agent1")
			.acceptLanguage("en")
			.get("/api/complaints/CMP-20000101-0001");
		assertThat(english.json().get("title").asText()).isEqualTo("Not Found");
		assertThat(english.json().get("detail").asText()).isEqualTo("No complaint CMP-20000101-0001");

		// neither Chinese nor English asked for: Chinese
		Answer other = HostileHttp.as(this.port, "agent1")
			.acceptLanguage("de-DE,fr;q=0.8")
			.get("/api/complaints/CMP-20000101-0001");
		assertThat(other.json().get("detail").asText()).isEqualTo("没有受理编号为 CMP-20000101-0001 的投诉");
	}

	@Test
	void shouldIgnoreUnknownPropertiesAndStoreNoneOfThem() throws Exception {
		// documented choice: clients may send more than the start variables; nothing unknown is kept
		Map<String, Object> body = complaint();
		body.put("caseNumber", "CMP-20000101-0001");
		body.put("status", "CLOSED");
		body.put("registeredBy", "gm1");
		Answer answer = HostileHttp.as(this.port, "agent1").postJson("/api/complaints", json(body));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		String caseNumber = answer.json().get("caseNumber").asText();
		assertThat(caseNumber).isNotEqualTo("CMP-20000101-0001");
		assertThat(this.jdbc.queryForMap("SELECT status, registered_by FROM complaint WHERE case_number = ?",
				caseNumber))
			.containsEntry("STATUS", "OPEN")
			.containsEntry("REGISTERED_BY", "agent1");
	}

	// ------------------------------------------------------------------ paths and queries

	static Stream<Arguments> hostileReads() {
		String longId = "A".repeat(3000);
		return Stream.of(
				Arguments.of("agent1", "/api/complaints/%00", 400, CONTAINER),
				Arguments.of("agent1", "/api/complaints/..%2F..%2Fengine-rest%2Fuser", 400, CONTAINER),
				Arguments.of("agent1", "/api/complaints/%FF%FE", 400, CONTAINER),
				Arguments.of("agent1", "/api/customers/%00", 400, CONTAINER),
				Arguments.of("agent1", "/api/complaints/CMP-20260101-0001%0d%0aSet-Cookie:%20x=y", 400, APPLICATION),
				Arguments.of("agent1", "/api/complaints/%2e%2e/%2e%2e/actuator/env", 400, APPLICATION),
				Arguments.of("agent1", "/api/complaints/%5C..%5Cactuator", 400, CONTAINER),
				Arguments.of("agent1", "/api/complaints/%01", 400, APPLICATION),
				Arguments.of("agent1", "/api/complaints/" + longId, 400, APPLICATION),
				Arguments.of("agent1", "/api/complaints/'%20OR%20'1'='1", 404, APPLICATION),
				Arguments.of("agent1", "/api/complaints/%3Cimg%20src=x%20onerror=alert(1)%3E", 404, APPLICATION),
				Arguments.of("agent1", "/api/complaints/%24%7B7*7%7D", 404, APPLICATION),
				Arguments.of("agent1", "/api/complaints/%F0%9F%98%80", 404, APPLICATION),
				Arguments.of("agent1", "/api/customers/%1b", 400, APPLICATION),
				Arguments.of("agent1", "/api/customers/" + longId, 400, APPLICATION),
				Arguments.of("agent1", "/api/customers?tier=GOLD", 400, APPLICATION),
				Arguments.of("agent1", "/api/customers?department=" + "D".repeat(65), 400, APPLICATION),
				Arguments.of("agent1", "/api/customers?department=%00", 400, APPLICATION),
				Arguments.of("agent1", "/api/customers?department=EAST%1b", 400, APPLICATION),
				Arguments.of("director1", "/api/customers/%01/access-log", 400, APPLICATION),
				Arguments.of("director1", "/api/customers/" + longId + "/access-log", 400, APPLICATION),
				Arguments.of("director1", "/api/customers/access-log?customerId=%00", 400, APPLICATION),
				Arguments.of("director1", "/api/customers/access-log?readBy=agent1%07", 400, APPLICATION),
				Arguments.of("director1", "/api/customers/access-log?readBy=" + longId, 400, APPLICATION),
				Arguments.of("super1", "/api/notifications?caseNumber=%00", 400, APPLICATION),
				Arguments.of("super1", "/api/notifications?caseNumber=" + longId, 400, APPLICATION),
				Arguments.of("super1", "/api/penalties?month=13", 400, APPLICATION),
				Arguments.of("super1", "/api/penalties?month=2026-13", 400, APPLICATION),
				Arguments.of("super1", "/api/penalties?month=2026-11%00", 400, APPLICATION),
				Arguments.of("super1", "/api/penalties?month=", 400, APPLICATION),
				Arguments.of("super1", "/api/penalties/abc/void", 405, APPLICATION),
				Arguments.of("clerk1", "/api/reports/weekly?week=2026-W99", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/weekly?week=2026-W00", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/weekly?week=9999999999-W01", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/weekly?week=%3Cscript%3E", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/monthly?month=13", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/monthly?month=2026-13", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/monthly?month=2026-00", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/monthly?month=-2026-11", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/monthly?month=2026-11%00", 400, APPLICATION),
				Arguments.of("clerk1", "/api/reports/monthly?month=" + longId, 400, APPLICATION),
				Arguments.of("agent1", "/api/no-such-endpoint", 404, APPLICATION));
	}

	@ParameterizedTest(name = "{0} GET {1}")
	@MethodSource("hostileReads")
	void shouldRefuseHostilePathOrQueryAndChangeNothing(String user, String pathAndQuery, int status,
			boolean application) throws Exception {
		DeskState before = DeskState.of(this.jdbc);
		long accessLog = accessLogEntries();

		Answer answer = HostileHttp.as(this.port, user).get(pathAndQuery);

		assertThat(answer.status()).as("%s: %s", pathAndQuery, answer.body()).isEqualTo(status);
		assertRefusal(answer, application);
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
		assertThat(accessLogEntries()).isEqualTo(accessLog);
	}

	static Stream<Arguments> hostileWritePaths() {
		return Stream.of(Arguments.of("/api/penalties/abc/void", 400, APPLICATION),
				Arguments.of("/api/penalties/99999999999999999999/void", 400, APPLICATION),
				Arguments.of("/api/penalties/-1/void", 404, APPLICATION),
				Arguments.of("/api/penalties/1e3/void", 400, APPLICATION),
				Arguments.of("/api/penalties/%00/void", 400, CONTAINER),
				Arguments.of("/api/penalties/1%0a/void", 400, APPLICATION),
				Arguments.of("/api/complaints/CMP-20260101-0001", 405, APPLICATION));
	}

	@ParameterizedTest(name = "POST {0}")
	@MethodSource("hostileWritePaths")
	void shouldRefuseHostileWritePathAndChangeNothing(String path, int status, boolean application)
			throws Exception {
		DeskState before = DeskState.of(this.jdbc);

		Answer answer = HostileHttp.as(this.port, "super1").postJson(path, "{\"reason\": \"Entered twice\"}");

		assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(status);
		assertRefusal(answer, application);
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * The application's answer (JSON problem detail), or Tomcat's own plain 400 page for a URL it
	 * refuses before any filter runs (an encoded NUL or slash, bytes that are not UTF-8): a clear
	 * status without anything of the server's inside either way.
	 */
	private static void assertRefusal(Answer answer, boolean application) throws Exception {
		if (application) {
			answer.assertReadableRefusal().assertNoExceptionName().assertChinese();
		}
		else {
			answer.assertNoInternals();
		}
	}

	private long penaltyEntry() {
		List<Long> ids = this.jdbc.queryForList(
				"SELECT id FROM penalty_entry WHERE case_number = ? AND voided_at IS NULL", Long.class, CASE);
		if (!ids.isEmpty()) {
			return ids.get(0);
		}
		Answer created = null;
		try {
			created = HostileHttp.as(this.port, "super1").postJson("/api/penalties", json(penalty()));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			return created.json().get("id").asLong();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not record a penalty to void: " + created, ex);
		}
	}

	private long accessLogEntries() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM customer_access_log", Long.class);
	}

	private static String fieldOf(Endpoint endpoint, Kind kind) {
		if (kind.field() == null) {
			return null;
		}
		return switch (kind.field()) {
			case "line" -> endpoint.line();
			case "text" -> endpoint.text();
			case "number" -> endpoint.number();
			case "enumField" -> endpoint.enumField();
			default -> throw new IllegalArgumentException(kind.field());
		};
	}

	static Map<String, Object> complaint() {
		Map<String, Object> complaint = new LinkedHashMap<>();
		complaint.put("customerName", "Li Wei");
		complaint.put("contactPhone", "+86 139 1234 5678");
		complaint.put("channel", "PHONE");
		complaint.put("complainantType", "CONSUMER");
		complaint.put("category", "PRODUCT_QUALITY");
		complaint.put("description", "Kettle stopped heating two days after purchase");
		complaint.put("demand", "REPAIR");
		complaint.put("claimAmount", 199.0);
		complaint.put("productCode", "KT-200");
		return complaint;
	}

	static Map<String, Object> customer() {
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("customerId", "HOSTILE-" + System.nanoTime());
		customer.put("name", "Wang Fang");
		customer.put("type", "CONSUMER");
		customer.put("department", "EAST");
		customer.put("address", "1 Nanjing Road, Shanghai");
		customer.put("annualVolume", new BigDecimal("1000.00"));
		return customer;
	}

	static Map<String, Object> customerChange() {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("department", "EAST");
		change.put("address", "2 Nanjing Road, Shanghai");
		change.put("annualVolume", new BigDecimal("2000.00"));
		return change;
	}

	// ------------------------------------------------------------------ the intake and customer fields of issue 14

	static Stream<Arguments> hostileIntakeAndCustomerFields() {
		String now = java.time.OffsetDateTime.now().withNano(0).toString();
		return Stream.of(
				Arguments.of("POST", "/api/complaints", "agent1",
						json(with(complaint(), "receivedAt", java.time.OffsetDateTime.now().plusMinutes(5).toString())),
						"receivedAt", "不能晚于现在"),
				Arguments.of("POST", "/api/complaints", "agent1",
						json(with(complaint(), "receivedAt", java.time.OffsetDateTime.now().minusDays(31).toString())),
						"receivedAt", "不能早于 30 天前"),
				Arguments.of("POST", "/api/complaints", "agent1",
						json(with(complaint(), "receivedAt", "2026-02-30T10:00:00+08:00")), "receivedAt", "ISO-8601"),
				Arguments.of("POST", "/api/complaints", "agent1", json(with(complaint(), "receivedAt", 1700000000)),
						"receivedAt", "ISO-8601"),
				Arguments.of("POST", "/api/complaints", "agent1",
						json(with(complaint(), "receivedAt", now + "\u0007")), "receivedAt", null),
				Arguments.of("POST", "/api/complaints", "agent1",
						json(with(complaint(), "receivedAt", List.of(now))), "receivedAt", null),
				Arguments.of("POST", "/api/complaints", "agent1", json(with(complaint(), "anonymous", "maybe")),
						"anonymous", null),
				Arguments.of("POST", "/api/complaints", "agent1",
						json(with(complaint(), "contactEmail", "a@b.example\r\nBcc: x@y.example")), "contactEmail", null),
				Arguments.of("POST", "/api/complaints", "agent1", json(with(complaint(), "wholeProduct", "yes")),
						"wholeProduct", null),
				Arguments.of("POST", "/api/complaints", "agent1", json(with(complaint(), "complainantType", "SHOP")),
						"complainantType", "INSTITUTION"),
				Arguments.of("POST", "/api/customers", "super1", json(with(customer(), "tier", "VIP")), "tier",
						"客户分级不能填写"),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1", json(Map.of("tier", "VIP")),
						"tier", "客户分级不能填写"),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1",
						json(Map.of("annualVolume", "lots")), "annualVolume", null),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1",
						json(Map.of("defaultCount", "2x")), "defaultCount", null),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1",
						json(Map.of("department", List.of("EAST"))), "department", null),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1",
						json(Map.of("contactPhone", Map.of("$gt", ""))), "contactPhone", null),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1",
						json(Map.of("name", "<script>alert(1)</script>")), "name", "不能修改"),
				Arguments.of("PATCH", "/api/customers/" + PATCHED_CUSTOMER, "super1",
						json(Map.of("customerId", "OTHER", "annualVolume", 5)), "customerId", "不能修改"));
	}

	@ParameterizedTest(name = "{0} {1}: {3}")
	@MethodSource("hostileIntakeAndCustomerFields")
	void shouldRefuseHostileIntakeAndCustomerFieldsAndChangeNothing(String method, String path, String user,
			String body, String field, String message) throws Exception {
		DeskState before = DeskState.of(this.jdbc);
		Customer patched = this.directory.find(PATCHED_CUSTOMER).orElseThrow();

		Answer answer = HostileHttp.as(this.port, user)
			.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), false);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		answer.assertReadableRefusal().assertNoExceptionName().assertChinese();
		assertThat(answer.json().get("errors").findValuesAsText("field")).as(answer.body()).contains(field);
		if (message != null) {
			assertThat(answer.body()).contains(message);
		}
		assertThat(DeskState.of(this.jdbc)).isEqualTo(before);
		assertThat(this.directory.find(PATCHED_CUSTOMER).orElseThrow()).isEqualTo(patched);
	}

	static Map<String, Object> penalty() {
		Map<String, Object> penalty = new LinkedHashMap<>();
		penalty.put("caseNumber", CASE);
		penalty.put("person", "agent2");
		penalty.put("rule", "RULE_BREACH");
		penalty.put("amount", 30);
		penalty.put("detail", "Promised a refund without approval");
		return penalty;
	}

	static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>(valid);
		body.put(field, value);
		return body;
	}

	static String json(Object value) {
		try {
			return HostileHttp.JSON.writeValueAsString(value);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
