package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Without the demo profile (as in production) every staff group still gets its six filters, once. */
@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTests {

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	TasklistFilters tasklistFilters;

	@Test
	void everyStaffGroupHasItsSixFiltersWithoutDemoData() {
		for (String group : Groups.STAFF) {
			this.identity.setAuthentication("someone-of-" + group, List.of(group));
			try {
				assertThat(this.filters.createFilterQuery().listPage(0, 50)).as(group)
					.extracting(Filter::getName)
					.containsExactlyInAnyOrder("My open complaints", "My group — unclaimed", "Overdue", "Due today",
							"VIP & preferred clients", "Major complaints");
			}
			finally {
				this.identity.clearAuthentication();
			}
		}
	}

	@Test
	void anotherStartCreatesNoSecondSet() {
		long before = this.filters.createFilterQuery().count();

		this.tasklistFilters.create();

		assertThat(this.filters.createFilterQuery().count()).isEqualTo(before).isGreaterThanOrEqualTo(6L * Groups.STAFF.size());
	}

}
