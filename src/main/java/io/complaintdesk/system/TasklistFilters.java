package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of every staff group, in every profile: group ids are stable (CONTRACT)
 * even where the users come from a company directory, so a production desk opens Tasklist with
 * the same six filters as the demo. Created once per group and name, left alone afterwards (an
 * administrator may change them in Tasklist).
 */
@Component
class TasklistFilters {

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Order(3)
	@EventListener(ApplicationStartedEvent.class)
	void create() {
		Groups.STAFF.forEach(this::groupFilters);
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

	private void filter(String group, String name, String description, int priority, TaskQuery query) {
		boolean exists = this.filters.createFilterQuery()
			.filterName(name)
			.unlimitedList()
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
