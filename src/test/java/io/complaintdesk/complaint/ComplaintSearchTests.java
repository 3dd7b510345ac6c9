package io.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
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
 * {@code GET /api/complaints?q=&status=&level=&customerId=&from=&to=&page=&size=} (CONTRACT): finds
 * cases by number, customer name, phone (whole or its last four digits), product and store code,
 * filters by status, level, customer and date, pages with a total, and leaves out what the reader
 * may not see. Bad parameters are a 400 that changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ComplaintSearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	IdentityService identity;

	private String store;

	@BeforeEach
	void users() {
		TestUsers.create(this.identity);
		this.store = "ST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	private String register(String name, String phone, String channel, String accused) throws Exception {
		String body = """
				{"customerName": "%s", "contactPhone": "%s", "channel": "%s", "complainantType": "CONSUMER",
				 "category": "PRODUCT_QUALITY", "description": "Kettle stopped heating", "demand": "REPAIR",
				 "productCode": "KT-200", "storeCode": "%s"%s}""".formatted(name, phone, channel, this.store,
				(accused != null) ? ", \"accusedEmployee\": \"" + accused + "\"" : "");
		String answer = this.mvc.perform(post("/api/complaints").with(httpBasic("agent1", "agent1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return this.json.readTree(answer).get("caseNumber").asText();
	}

	private JsonNode search(String user, String query) throws Exception {
		String answer = this.mvc.perform(get("/api/complaints?" + query).with(httpBasic(user, user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer);
	}

	private static List<String> numbers(JsonNode page) {
		return page.get("items").findValuesAsText("caseNumber");
	}

	@Test
	void shouldFindCasesByNumberNamePhoneAndStore() throws Exception {
		String liWei = register("李伟", "139 1234 5678", "PHONE", null);
		String wang = register("王芳", "13800004321", "LETTER", null);

		assertThat(numbers(search("agent2", "q=" + liWei))).containsExactly(liWei);
		assertThat(numbers(search("agent2", "q=5678")))
			.as("last four digits of the phone").contains(liWei).doesNotContain(wang);
		assertThat(numbers(search("agent2", "q=李"))).as("the name from its start").contains(liWei);
		assertThat(numbers(search("agent2", "q=13800004321"))).as("the whole phone").contains(wang);
		JsonNode byStore = search("agent2", "q=" + this.store);
		assertThat(numbers(byStore)).containsExactly(wang, liWei);
		assertThat(byStore.get("total").asLong()).isEqualTo(2);
	}

	@Test
	void shouldPageWithTheTotalAndFilterByStatusAndLevel() throws Exception {
		for (int i = 0; i < 3; i++) {
			register("Page " + i, "1390000000" + i, "PHONE", null);
		}
		String regulator = register("Zhao", "13700001111", "REGULATOR", null);

		JsonNode first = search("super1", "q=" + this.store + "&size=2&page=0");
		JsonNode second = search("super1", "q=" + this.store + "&size=2&page=1");
		assertThat(first.get("total").asLong()).isEqualTo(4);
		assertThat(numbers(first)).hasSize(2);
		assertThat(numbers(second)).hasSize(2).doesNotContainAnyElementsOf(numbers(first));
		assertThat(numbers(search("super1", "q=" + this.store + "&level=3"))).containsExactly(regulator);
		assertThat(search("super1", "q=" + this.store + "&status=CLOSED").get("total").asLong()).isZero();
		assertThat(search("super1", "q=" + this.store + "&status=OPEN").get("total").asLong()).isEqualTo(4);
	}

	@Test
	void shouldLeaveOutWhatTheReaderMayNotSee() throws Exception {
		String aboutAgent2 = register("Sun", "13600002222", "PHONE", "agent2");
		String ordinary = register("Qian", "13600003333", "PHONE", null);

		assertThat(numbers(search("agent2", "q=" + this.store))).containsExactly(ordinary);
		assertThat(numbers(search("agent1", "q=" + this.store))).containsExactly(ordinary, aboutAgent2);
		assertThat(search("legal1", "q=" + this.store).get("total").asLong()).as("brand/legal, ordinary cases")
			.isZero();
	}

	@Test
	void shouldRefuseBadParametersWithoutAnswering() throws Exception {
		for (String query : List.of("level=4", "status=LOST", "size=1000", "page=-1", "from=yesterday",
				"customerId=a%20b")) {
			this.mvc.perform(get("/api/complaints?" + query).with(httpBasic("agent1", "agent1")))
				.andExpect(status().isBadRequest());
		}
	}

}
