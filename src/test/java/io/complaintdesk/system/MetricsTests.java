package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import io.complaintdesk.TestUsers;
import io.complaintdesk.complaint.intake.ComplaintIntake;
import io.complaintdesk.complaint.intake.ComplaintRequest;

/** The complaint metrics at /actuator/prometheus, for monitoring users only. */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@ActiveProfiles("test")
class MetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Autowired
	ComplaintIntake intake;

	@BeforeEach
	void monitoringUser() {
		TestUsers.create(this.identity);
		if (this.identity.createUserQuery().userId("monitor").count() == 0) {
			var user = this.identity.newUser("monitor");
			user.setPassword("monitor");
			this.identity.saveUser(user);
			if (this.identity.createGroupQuery().groupId(Groups.MONITORING).count() == 0) {
				this.identity.saveGroup(this.identity.newGroup(Groups.MONITORING));
			}
			this.identity.createMembership("monitor", Groups.MONITORING);
		}
	}

	@Test
	void shouldServeComplaintMetricsToMonitoringUsers() throws Exception {
		this.intake.register(new ComplaintRequest(null, "Li Wei", "13912345678", "FAX", "CONSUMER", "OTHER",
				"Invoice missing", "EXPLANATION", null, null, null, null, null, false, false, false, false, false,
				false).toNewComplaint());

		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("monitor", "monitor")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("complaints_registered_total{channel=\"FAX\",level=\"1\"}")))
			.andExpect(content().string(Matchers.containsString("complaints_open{level=\"1\"}")))
			.andExpect(content().string(Matchers.containsString("camunda_jobs_executable")));
	}

	@Test
	void shouldKeepMetricsFromEveryoneElse() throws Exception {
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("agent1", "agent1")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

}
