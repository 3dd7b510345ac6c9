package io.complaintdesk.notification;

import io.complaintdesk.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.complaintdesk.TestUsers;
import io.complaintdesk.notification.Notification.Status;

/**
 * The demo default: no {@code spring.mail.host}, so no mail sender; notifications stay PENDING
 * and are read through {@code GET /api/notifications} by supervisors and above only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	OutboxSender sender;

	@Autowired
	ApplicationContext context;

	@Autowired
	IdentityService identity;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void setUp() {
		TestClock.reset();
		this.identity.clearAuthentication();
		TestUsers.create(this.identity);
	}

	@Test
	void shouldKeepNotificationPendingWhenMailIsOff() {
		assertThat(this.context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
		String caseNumber = notifySupervisors();

		assertThat(this.sender.sendPending()).isZero();

		assertThat(this.notifications.find(caseNumber)).singleElement().satisfies((n) -> {
			assertThat(n.status()).isEqualTo(Status.PENDING);
			assertThat(n.attempts()).isZero();
			assertThat(n.claimedBy()).isNull();
			assertThat(n.lastError()).isNull();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "super1", "director1", "gm1" })
	void shouldListTheNotificationsOfACaseForSupervisorsAndUp(String user) throws Exception {
		String caseNumber = notifySupervisors();
		this.sender.sendPending();

		this.mvc.perform(get("/api/notifications").param("caseNumber", caseNumber).with(httpBasic(user, user)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].dedupKey").value(caseNumber + ":major-warning"))
			.andExpect(jsonPath("$[0].caseNumber").value(caseNumber))
			.andExpect(jsonPath("$[0].recipientGroup").value("supervisors"))
			.andExpect(jsonPath("$[0].subject").value("Major complaint " + caseNumber))
			.andExpect(jsonPath("$[0].body").value("Warn brand and legal within 24 hours."))
			.andExpect(jsonPath("$[0].status").value("PENDING"))
			.andExpect(jsonPath("$[0].attempts").value(0))
			.andExpect(jsonPath("$[0].createdAt").isString());
	}

	@Test
	void shouldListRecentNotificationsWithoutCaseNumber() throws Exception {
		String caseNumber = notifySupervisors();

		this.mvc.perform(get("/api/notifications").with(httpBasic("super1", "super1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].caseNumber").value(caseNumber));
	}

	@ParameterizedTest
	@ValueSource(strings = { "agent1", "clerk1", "legal1" })
	void shouldRefuseNotificationsToOtherStaff(String user) throws Exception {
		String caseNumber = notifySupervisors();

		this.mvc.perform(get("/api/notifications").param("caseNumber", caseNumber).with(httpBasic(user, user)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403));
	}

	@Test
	void shouldRequireLogin() throws Exception {
		this.mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
	}

	private String notifySupervisors() {
		String caseNumber = "NTF-" + UUID.randomUUID().toString().substring(0, 13);
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.notifications.notifyGroup(caseNumber + ":major-warning", caseNumber,
					"supervisors", "Major complaint " + caseNumber, "Warn brand and legal within 24 hours."));
		return caseNumber;
	}

}
