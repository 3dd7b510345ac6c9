package io.complaintdesk.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.complaintdesk.TestUsers;

/**
 * A straight intake (README "Architecture"): a complaint registered through
 * {@code POST /api/complaints} or through a start form (engine REST {@code submit-form}, what
 * Tasklist's "Start process" sends) is checked once at its edge, typed once, and its registry row
 * is inserted once, with its level, and not updated in the registering transaction. Every statement
 * the application sends is recorded through a datasource-proxy around the one DataSource.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeStatementsTests {

	private static final Pattern INSERT = Pattern.compile("(?is)^\\s*insert\\s+into\\s+complaint\\s*\\(.*");

	private static final Pattern UPDATE = Pattern.compile("(?is)^\\s*update\\s+complaint\\s+set\\b.*");

	static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

	@Autowired
	TestRestTemplate rest;

	@MockitoSpyBean
	StartFormInput startForm;

	@TestConfiguration
	static class RecordStatements {

		@Bean
		static BeanPostProcessor recordingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(dataSource)
							.name("intake-statements")
							.afterQuery((execution, queries) -> queries.forEach((q) -> STATEMENTS.add(q.getQuery())))
							.build();
					}
					return bean;
				}
			};
		}

	}

	@Autowired
	IdentityService identity;

	@BeforeEach
	void forgetEarlierStatements() {
		TestUsers.create(this.identity);
		STATEMENTS.clear();
		clearInvocations(this.startForm);
	}

	@Test
	void shouldRegisterAnApiComplaintWithOneInsertAndNoUpdate() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> answer = this.rest.withBasicAuth("agent1", "agent1")
			.postForEntity("/api/complaints", new HttpEntity<>("""
					{"customerName": "Li Wei", "contactPhone": "13912345678", "channel": "REGULATOR",
					 "complainantType": "CONSUMER", "category": "PRODUCT_QUALITY",
					 "description": "Kettle stopped heating", "demand": "REPAIR"}""", headers), String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer.getBody()).contains("\"level\":3");
		assertOneInsertWithTheLevelAndNoUpdate();
		// checked by Bean Validation at the API; the process does not read the form variables back
		verify(this.startForm, never()).read(any());
	}

	@Test
	void shouldRegisterAStartFormComplaintWithOneInsertAndNoUpdate() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> answer = this.rest.withBasicAuth("agent1", "agent1")
			.postForEntity("/engine-rest/process-definition/key/complaint-handling/submit-form", new HttpEntity<>("""
					{"variables": {"customerName": {"value": "Li Wei"}, "contactPhone": {"value": "13912345678"},
					 "channel": {"value": "REGULATOR"}, "complainantType": {"value": "CONSUMER"},
					 "category": {"value": "PRODUCT_QUALITY"}, "description": {"value": "Kettle stopped heating"},
					 "demand": {"value": "REPAIR"}, "productCode": {"value": ""}}}""", headers), String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertOneInsertWithTheLevelAndNoUpdate();
		verify(this.startForm, times(1)).read(any());
	}

	private static void assertOneInsertWithTheLevelAndNoUpdate() {
		List<String> inserts = STATEMENTS.stream().filter((sql) -> INSERT.matcher(sql).matches()).toList();
		List<String> updates = STATEMENTS.stream().filter((sql) -> UPDATE.matcher(sql).matches()).toList();
		assertThat(inserts).as("registry row inserts").hasSize(1);
		assertThat(inserts.get(0)).contains("complaint_level, major");
		assertThat(updates).as("registry row updates in the registering transaction").isEmpty();
	}

}
