package io.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.complaintdesk.base.Groups;
import io.complaintdesk.system.TasklistFilters.DeskFilter;

/**
 * Without the demo profile (as in production) every staff group still gets its six filters, once,
 * named in Chinese; the English-named filters of an earlier version are renamed in place.
 */
@SpringBootTest
@ActiveProfiles("test")
class TasklistFiltersTests {

	static final List<String> NAMES = List.of("我的投诉", "本组待认领", "已逾期", "今日到期", "VIP 与优选客户", "重大投诉");

	/** What earlier versions created, and databases of them still hold. */
	static final List<String> OLD_NAMES = List.of("My open complaints", "My group — unclaimed", "Overdue", "Due today",
			"VIP & preferred clients", "Major complaints");

	@Autowired
	FilterService filters;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	TasklistFilters tasklistFilters;

	@Test
	void everyStaffGroupHasItsSixChineseFiltersWithoutDemoData() {
		for (String group : Groups.STAFF) {
			List<Filter> own = readableBy(group);
			assertThat(own).as(group).extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(NAMES);
			assertThat(own).as(group)
				.allSatisfy((filter) -> assertThat(filter.getProperties()).containsEntry("group", group)
					.containsKey(TasklistFilters.KEY_PROPERTY));
		}
		Filter unclaimed = named("agents", "本组待认领");
		assertThat(unclaimed.getProperties()).containsEntry("description", "本组可以处理、尚无人认领的投诉任务")
			.containsEntry("priority", 1)
			.containsEntry(TasklistFilters.KEY_PROPERTY, "unclaimed");
		assertThat(columns(unclaimed)).containsExactly("caseNumber=受理编号", "customerName=投诉人", "level=投诉级别",
				"major=重大投诉", "clientTier=客户分级");
		assertThat(named("clerks", "VIP 与优选客户").getProperties()).containsEntry("description",
				"四优先：VIP 客户和优选类客户的投诉优先处理");
	}

	@Test
	void anotherStartCreatesNoSecondSet() {
		long before = this.filters.createFilterQuery().count();

		this.tasklistFilters.create();

		assertThat(this.filters.createFilterQuery().count()).isEqualTo(before).isGreaterThanOrEqualTo(6L * Groups.STAFF.size());
	}

	/**
	 * A database of an earlier version: the six filters of a group under their English names, with
	 * English descriptions and column labels, one description changed by an administrator. The next
	 * start renames them in place — same ids, queries and authorizations, no second set.
	 */
	@Test
	void shouldRenameTheEnglishFiltersOfAnEarlierVersionInPlace() {
		String group = Groups.BRAND_LEGAL;
		readableBy(group).forEach((filter) -> this.filters.deleteFilter(filter.getId()));
		Map<String, String> oldIds = new LinkedHashMap<>();
		for (DeskFilter desk : this.tasklistFilters.deskFilters()) {
			String description = desk.key().equals("major") ? "Our own words for the major cases" : desk.oldDescription();
			oldIds.put(desk.oldName(), oldFilter(group, desk, description).getId());
		}
		assertThat(readableBy(group)).extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(OLD_NAMES);
		Map<String, String> queries = new LinkedHashMap<>();
		oldIds.values().forEach((id) -> queries.put(id, query(id)));
		long before = this.filters.createFilterQuery().count();

		this.tasklistFilters.create();

		assertThat(this.filters.createFilterQuery().count()).as("no second set").isEqualTo(before);
		List<Filter> renamed = readableBy(group);
		assertThat(renamed).extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(NAMES);
		assertThat(renamed).extracting(Filter::getId).containsExactlyInAnyOrderElementsOf(oldIds.values());
		Filter mine = this.filters.getFilter(oldIds.get("My open complaints"));
		assertThat(mine.getName()).isEqualTo("我的投诉");
		assertThat(mine.getProperties()).containsEntry("description", "我已认领、尚未办完的投诉任务")
			.containsEntry(TasklistFilters.KEY_PROPERTY, "mine")
			.containsEntry("group", group)
			.containsEntry("priority", 2);
		assertThat(columns(mine)).containsExactly("caseNumber=受理编号", "customerName=投诉人", "level=投诉级别",
				"major=重大投诉", "clientTier=客户分级");
		// each query is the one stored before, expressions and all
		queries.forEach((id, query) -> assertThat(query(id)).as(id).isEqualTo(query));
		assertThat(query(oldIds.get("Due today"))).contains("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}");
		// an administrator's own description stays
		assertThat(this.filters.getFilter(oldIds.get("Major complaints")).getProperties())
			.containsEntry("description", "Our own words for the major cases");
		// the group still reads them, and they still run
		this.identity.setAuthentication("someone-of-" + group, List.of(group));
		try {
			renamed.forEach((filter) -> this.filters.count(filter.getId()));
		}
		finally {
			this.identity.clearAuthentication();
		}

		// and the start after that changes nothing more
		this.tasklistFilters.create();
		assertThat(this.filters.createFilterQuery().count()).isEqualTo(before);
		assertThat(readableBy(group)).extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(NAMES);
	}

	@Test
	void shouldLeaveAFilterAnAdministratorRenamedAlone() {
		Filter overdue = named(Groups.CLERKS, "已逾期");
		this.filters.saveFilter(overdue.setName("逾期（文员）"));
		try {
			long before = this.filters.createFilterQuery().count();

			this.tasklistFilters.create();

			assertThat(this.filters.createFilterQuery().count()).isEqualTo(before);
			assertThat(this.filters.getFilter(overdue.getId()).getName()).isEqualTo("逾期（文员）");
		}
		finally {
			this.filters.saveFilter(this.filters.getFilter(overdue.getId()).setName("已逾期"));
		}
	}

	/** A filter as earlier versions created it: English name, description and labels, readable by the group. */
	private Filter oldFilter(String group, DeskFilter desk, String description) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("group", group);
		properties.put("description", description);
		properties.put("priority", desk.priority());
		properties.put("refresh", true);
		properties.put("variables", List.of(Map.of("name", "caseNumber", "label", "Case"),
				Map.of("name", "customerName", "label", "Customer"), Map.of("name", "level", "label", "Level"),
				Map.of("name", "major", "label", "Major")));
		Filter filter = this.filters.newTaskFilter(desk.oldName())
			.setQuery(desk.query().get().orderByTaskPriority().desc().orderByDueDate().asc())
			.setProperties(properties);
		this.filters.saveFilter(filter);
		Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		read.setGroupId(group);
		read.setResource(Resources.FILTER);
		read.setResourceId(filter.getId());
		read.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(read);
		return filter;
	}

	/** The filters the group may read, as Tasklist lists them for a member. */
	private List<Filter> readableBy(String group) {
		this.identity.setAuthentication("someone-of-" + group, List.of(group));
		try {
			return this.filters.createFilterQuery().listPage(0, 50);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private Filter named(String group, String name) {
		return readableBy(group).stream().filter((filter) -> name.equals(filter.getName())).findFirst().orElseThrow();
	}

	/** The stored query, as JSON. */
	private String query(String filterId) {
		return ((FilterEntity) this.filters.getFilter(filterId)).getQueryInternal();
	}

	@SuppressWarnings("unchecked")
	private static List<String> columns(Filter filter) {
		return ((List<Map<String, String>>) filter.getProperties().get("variables")).stream()
			.map((column) -> column.get("name") + "=" + column.get("label"))
			.toList();
	}

}
