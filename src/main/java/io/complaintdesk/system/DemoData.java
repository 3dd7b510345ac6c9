package io.complaintdesk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
		USERS.forEach(this::user);
		List<String> everyone = new ArrayList<>(Groups.STAFF);
		filter("My tasks", "Tasks assigned to me", -10, this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
				everyone);
		filter("Open to me", "Every task I may claim, including cases where a colleague is excluded", -20,
				this.tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks(),
				everyone);
		GROUPS.forEach((group, name) -> filter("Queue: " + group, name, -30,
				this.tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks(), List.of(group)));
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

	private void filter(String name, String description, int priority, TaskQuery query, List<String> readers) {
		if (this.filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("description", description);
		properties.put("priority", priority);
		properties.put("refresh", true);
		properties.put("variables", List.of(variable("caseNumber", "Case"), variable("customerName", "Customer"),
				variable("level", "Level"), variable("major", "Major")));
		Filter filter = this.filters.newTaskFilter(name).setQuery(query).setProperties(properties);
		this.filters.saveFilter(filter);
		for (String group : readers) {
			var authorization = this.authorizations.createNewAuthorization(
					org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(Resources.FILTER);
			authorization.setResourceId(filter.getId());
			authorization.addPermission(Permissions.READ);
			this.authorizations.saveAuthorization(authorization);
		}
	}

	private static Map<String, String> variable(String name, String label) {
		return Map.of("name", name, "label", label);
	}

}
