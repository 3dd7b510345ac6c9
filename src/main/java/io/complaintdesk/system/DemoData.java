package io.complaintdesk.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users, groups and Tasklist filters (CONTRACT "Demo users"); created once,
 * left alone on later starts. The {@code demo} administrator comes from
 * {@code camunda.bpm.admin-user}. Never active outside the demo profile.
 */
@Component
@Profile("demo")
class DemoData {

	private static final Map<String, String> GROUPS = new LinkedHashMap<>();

	private static final Map<String, List<String>> USERS = new LinkedHashMap<>();

	static {
		GROUPS.put(Groups.AGENTS, "Complaint handlers, level 1 (一级受理人)");
		GROUPS.put(Groups.SUPERVISORS, "Customer-service supervisors, level 2 (二级受理人)");
		GROUPS.put(Groups.DIRECTORS, "Directors, level 3 (三级受理人)");
		GROUPS.put(Groups.GM, "General manager (总经理)");
		GROUPS.put(Groups.CLERKS, "Records clerks (事务文员)");
		GROUPS.put(Groups.BRAND_LEGAL, "Brand and legal (品牌事业部, 法务部)");
		USERS.put("agent1", List.of(Groups.AGENTS));
		USERS.put("agent2", List.of(Groups.AGENTS));
		USERS.put("super1", List.of(Groups.SUPERVISORS));
		USERS.put("director1", List.of(Groups.DIRECTORS));
		USERS.put("gm1", List.of(Groups.GM));
		USERS.put("clerk1", List.of(Groups.CLERKS));
		USERS.put("legal1", List.of(Groups.BRAND_LEGAL));
		USERS.put("monitor", List.of(Groups.MONITORING));
	}

	private final IdentityService identity;

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	DemoData(IdentityService identity, FilterService filters, TaskService tasks,
			AuthorizationService authorizations) {
		this.identity = identity;
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Order(2)
	@EventListener(ApplicationStartedEvent.class)
	void create() {
		GROUPS.forEach(this::group);
		group(Groups.MONITORING, "Monitoring (reads /actuator/prometheus)");
		USERS.forEach(this::user);
		GROUPS.keySet().forEach(this::groupFilters);
	}

	/**
	 * The six Tasklist filters of a group, readable by that group only, sorted by priority (the
	 * task-priority decision) and then by due date.
	 */
	private void groupFilters(String group) {
		filter(group, "My open complaints", "Complaints I have claimed and not finished", 1,
				sorted(this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
		filter(group, "My group — unclaimed", "Complaint tasks my group may take and nobody has claimed yet", 2,
				sorted(this.tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").taskUnassigned()));
		filter(group, "Overdue", "Past their due date", 3,
				sorted(mine().dueBeforeExpression("${now()}")));
		filter(group, "Due today", "Due before the end of today", 4,
				sorted(mine().dueAfterExpression("${now()}")
					.dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")));
		filter(group, "VIP & preferred clients", "Four priorities (四优先): VIP and preferred clients first", 5,
				sorted(mine().processVariableValueEquals("priorityClient", true)));
		filter(group, "Major complaints", "Major complaints (重大投诉)", 6,
				sorted(mine().processVariableValueEquals("major", true)));
	}

	/** Tasks I may work: claimed by me or offered to me (directly or through my group). */
	private TaskQuery mine() {
		return this.tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks();
	}

	private static TaskQuery sorted(TaskQuery query) {
		return query.orderByTaskPriority().desc().orderByDueDate().asc();
	}

	private void group(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType("WORKFLOW");
			this.identity.saveGroup(group);
		}
	}

	private void user(String id, List<String> groups) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(id);
		user.setLastName("(demo)");
		user.setPassword(id);
		user.setEmail(id + "@complaint-desk.example");
		this.identity.saveUser(user);
		groups.forEach((group) -> this.identity.createMembership(id, group));
	}

	private void filter(String group, String name, String description, int priority, TaskQuery query) {
		boolean exists = this.filters.createFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.anyMatch((filter) -> group.equals(filter.getProperties().get("group")));
		if (exists) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("group", group);
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("variables", List.of(variable("caseNumber", "Case"), variable("customerName", "Customer"),
				variable("level", "Level"), variable("major", "Major")));
		Filter filter = this.filters.newTaskFilter(name).setQuery(query).setProperties(properties);
		this.filters.saveFilter(filter);
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(Resources.FILTER);
		authorization.setResourceId(filter.getId());
		authorization.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(authorization);
	}

	private static Map<String, String> variable(String name, String label) {
		return Map.of("name", name, "label", label);
	}

}
