package io.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile's users, their Tasklist filters and what each group may open. */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
class DemoDataTests {

	@Autowired
	ProcessEngine engine;

	@ParameterizedTest
	@CsvSource({ "agent1, agents", "agent2, agents", "super1, supervisors", "director1, directors", "gm1, gm",
			"clerk1, clerks", "legal1, brand-legal" })
	void shouldGiveEachDemoUserTheSixFiltersOfTheirGroupOnly(String user, String group) {
		assertThat(this.engine.getIdentityService().checkPassword(user, user)).isTrue();
		this.engine.getIdentityService().setAuthentication(user, List.of(group));
		try {
			List<Filter> filters = this.engine.getFilterService().createFilterQuery().listPage(0, 50);
			assertThat(filters).extracting(Filter::getName)
				.containsExactlyInAnyOrderElementsOf(TasklistFiltersTests.NAMES);
			assertThat(filters).allSatisfy((filter) -> assertThat(filter.getProperties()).containsEntry("group", group));
			// every filter can be run by its readers (expressions such as dateTime() resolve)
			filters.forEach((filter) -> this.engine.getFilterService().count(filter.getId()));
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	@ParameterizedTest
	@CsvSource({ "agent1, agents, true, false, false", "super1, supervisors, true, true, false",
			"director1, directors, true, true, false", "gm1, gm, true, true, false", "clerk1, clerks, true, false, false",
			"legal1, brand-legal, true, false, false", "demo, camunda-admin, true, true, true" })
	void shouldOpenTheWebAppsEachGroupNeedsAndAdminOnlyToAdministrators(String user, String group, boolean tasklist,
			boolean cockpit, boolean admin) {
		var authorizations = this.engine.getAuthorizationService();
		assertThat(authorizations.isUserAuthorized(user, List.of(group), Permissions.ACCESS, Resources.APPLICATION,
				"tasklist")).isEqualTo(tasklist);
		assertThat(authorizations.isUserAuthorized(user, List.of(group), Permissions.ACCESS, Resources.APPLICATION,
				"cockpit")).isEqualTo(cockpit);
		assertThat(authorizations.isUserAuthorized(user, List.of(group), Permissions.ACCESS, Resources.APPLICATION,
				"admin")).isEqualTo(admin);
	}

	@ParameterizedTest
	@CsvSource({ "agent1, agents, true", "super1, supervisors, true", "director1, directors, true", "gm1, gm, true",
			"clerk1, clerks, false", "legal1, brand-legal, false" })
	void shouldLetTheFrontDeskAndAboveRegisterComplaints(String user, String group, boolean mayStart) {
		assertThat(this.engine.getAuthorizationService()
			.isUserAuthorized(user, List.of(group), org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
					Resources.PROCESS_DEFINITION, "complaint-handling")).isEqualTo(mayStart);
	}

	@ParameterizedTest
	@CsvSource({ "super1, supervisors, true", "agent1, agents, false", "director1, directors, false",
			"clerk1, clerks, false" })
	void shouldLetSupervisorsStartTheTierReviewAndBlacklistProposals(String user, String group, boolean mayStart) {
		for (String process : List.of("client-tier-review", "customer-blacklist")) {
			assertThat(this.engine.getAuthorizationService()
				.isUserAuthorized(user, List.of(group),
						org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE,
						Resources.PROCESS_DEFINITION, process))
				.as("%s may start %s", user, process)
				.isEqualTo(mayStart);
		}
	}

}
