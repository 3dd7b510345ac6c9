package io.complaintdesk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Groups;
import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Text;

/**
 * The Tasklist filters of every staff group, in every profile: group ids are stable (CONTRACT)
 * even where the users come from a company directory, so a production desk opens Tasklist with
 * the same six filters as the demo. Names, descriptions and column labels are Chinese (GLOSSARY;
 * {@code filter.*} in the message bundles). Created once per group, left alone afterwards (an
 * administrator may change them in Tasklist): each filter carries its desk key
 * ({@value #KEY_PROPERTY}) so that it is found again under any name.
 * <p>
 * Databases of earlier versions hold the six filters under their English names ("My open
 * complaints", …), without a key. Such a filter is renamed in place — same id, query and
 * authorization — and gets the Chinese description and column labels where it still has the English
 * ones (an administrator's own description stays), so no second set appears.
 */
@Component
class TasklistFilters {

	private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

	/** The filter property naming which of the desk's filters it is. */
	static final String KEY_PROPERTY = "deskFilter";

	/** The filter's columns: variable → its label's key. */
	private static final List<String> COLUMNS = List.of("caseNumber", "customerName", "level", "major", "clientTier");

	/** The columns of earlier versions: such a filter gets the columns added since (Tasklist's badges read them). */
	private static final List<String> EARLIER_COLUMNS = List.of("caseNumber", "customerName", "level", "major");

	/** The English column labels of earlier versions. */
	private static final Map<String, String> OLD_LABELS = Map.of("caseNumber", "Case", "customerName", "Customer",
			"level", "Level", "major", "Major");

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
	 * The six filters of the desk: key, the English name and description of earlier versions, the
	 * order in Tasklist and the query (sorted by priority, the task-priority decision, then by due date).
	 */
	List<DeskFilter> deskFilters() {
		return List.of(
				new DeskFilter("mine", "My open complaints", "Complaints I have claimed and not finished", 2,
						() -> this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
				new DeskFilter("unclaimed", "My group — unclaimed",
						"Complaint tasks my group may take and nobody has claimed yet", 1,
						() -> this.tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").taskUnassigned()),
				new DeskFilter("overdue", "Overdue", "Past their due date", 3,
						() -> mine().dueBeforeExpression("${now()}")),
				new DeskFilter("dueToday", "Due today", "Due before the end of today", 4,
						() -> mine().dueAfterExpression("${now()}")
							.dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")),
				new DeskFilter("priorityClients", "VIP & preferred clients",
						"Four priorities (四优先): VIP and preferred clients first", 5,
						() -> mine().processVariableValueEquals("priorityClient", true)),
				new DeskFilter("major", "Major complaints", "Major complaints (重大投诉)", 6,
						() -> mine().processVariableValueEquals("major", true)));
	}

	/** The six Tasklist filters of a group, readable by that group only. */
	private void groupFilters(String group) {
		List<Filter> existing = this.filters.createFilterQuery()
			.unlimitedList()
			.stream()
			.filter((filter) -> group.equals(filter.getProperties().get("group")))
			.toList();
		for (DeskFilter desk : deskFilters()) {
			Optional<Filter> keyed = existing.stream()
				.filter((filter) -> desk.key().equals(filter.getProperties().get(KEY_PROPERTY)))
				.findFirst();
			if (keyed.isPresent()) {
				addNewColumns(keyed.get());
				continue;
			}
			Optional<Filter> earlier = existing.stream()
				.filter((filter) -> filter.getProperties().get(KEY_PROPERTY) == null)
				.filter((filter) -> desk.oldName().equals(filter.getName()) || desk.name().equals(filter.getName()))
				.findFirst();
			if (earlier.isPresent()) {
				rename(earlier.get(), desk, group);
			}
			else {
				create(group, desk);
			}
		}
	}

	/** Tasks I may work: claimed by me or offered to me (directly or through my group). */
	private TaskQuery mine() {
		return this.tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}").includeAssignedTasks();
	}

	private static TaskQuery sorted(TaskQuery query) {
		return query.orderByTaskPriority().desc().orderByDueDate().asc();
	}

	private void create(String group, DeskFilter desk) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("group", group);
		properties.put(KEY_PROPERTY, desk.key());
		properties.put("description", desk.description());
		properties.put("priority", desk.priority());
		properties.put("refresh", true);
		properties.put("variables", COLUMNS.stream().map((name) -> column(name, label(name))).toList());
		Filter filter = this.filters.newTaskFilter(desk.name())
			.setQuery(sorted(desk.query().get()))
			.setProperties(properties);
		this.filters.saveFilter(filter);
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(Resources.FILTER);
		authorization.setResourceId(filter.getId());
		authorization.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(authorization);
	}

	/**
	 * An earlier version's filter in place: the Chinese name and key; the Chinese description and
	 * column labels where the English ones are still there. Query, authorization and anything an
	 * administrator changed stay.
	 */
	private void rename(Filter filter, DeskFilter desk, String group) {
		Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
		properties.put(KEY_PROPERTY, desk.key());
		if (desk.oldDescription().equals(properties.get("description"))) {
			properties.put("description", desk.description());
		}
		if (properties.get("variables") instanceof List<?> columns) {
			properties.put("variables", columns.stream().map(TasklistFilters::relabelled).toList());
		}
		log.info("Tasklist filter '{}' of {} renamed to '{}'", filter.getName(), group, desk.name());
		this.filters.saveFilter(filter.setName(desk.name()).setProperties(withNewColumns(properties)));
	}

	/**
	 * A filter of the desk that still has exactly the columns of an earlier version gets those added
	 * since; the group's queue (本组待认领) comes first, where the two first filters still have the
	 * earlier order (Tasklist opens the first filter after the login: the queue, where the day starts).
	 */
	private void addNewColumns(Filter filter) {
		Map<String, Object> properties = withQueueFirst(withNewColumns(filter.getProperties()));
		if (!properties.equals(filter.getProperties())) {
			this.filters.saveFilter(filter.setProperties(properties));
		}
	}

	/** Earlier versions had 我的投诉 first (1) and the queue second (2): swapped, unless changed since. */
	private static Map<String, Object> withQueueFirst(Map<String, Object> properties) {
		Object key = properties.get(KEY_PROPERTY);
		Object priority = properties.get("priority");
		int earlier = "mine".equals(key) ? 1 : "unclaimed".equals(key) ? 2 : 0;
		if (earlier == 0 || !(priority instanceof Number number) || number.intValue() != earlier) {
			return properties;
		}
		Map<String, Object> changed = new LinkedHashMap<>(properties);
		changed.put("priority", 3 - earlier);
		return changed;
	}

	/**
	 * The properties with the columns added since an earlier version, where the columns are still
	 * exactly those of that version; columns an administrator chose stay as they are.
	 */
	private static Map<String, Object> withNewColumns(Map<String, Object> properties) {
		if (!(properties.get("variables") instanceof List<?> columns)) {
			return properties;
		}
		List<Object> names = columns.stream().<Object>map((c) -> (c instanceof Map<?, ?> map) ? map.get("name") : null).toList();
		if (!names.equals(EARLIER_COLUMNS)) {
			return properties;
		}
		List<Object> extended = new ArrayList<>(columns);
		COLUMNS.stream().filter((name) -> !names.contains(name)).forEach((name) -> extended.add(column(name, label(name))));
		Map<String, Object> changed = new LinkedHashMap<>(properties);
		changed.put("variables", extended);
		return changed;
	}

	private static Object relabelled(Object column) {
		if (column instanceof Map<?, ?> map && map.get("name") instanceof String name
				&& OLD_LABELS.containsKey(name) && OLD_LABELS.get(name).equals(map.get("label"))) {
			return column(name, label(name));
		}
		return column;
	}

	private static String label(String variable) {
		return Messages.chinese(Text.of("filter.column." + variable));
	}

	private static Map<String, String> column(String name, String label) {
		Map<String, String> column = new LinkedHashMap<>();
		column.put("name", name);
		column.put("label", label);
		return column;
	}

	/**
	 * One of the desk's filters.
	 * @param key stable, stored as {@value TasklistFilters#KEY_PROPERTY}; names the texts
	 * {@code filter.<key>.name} and {@code filter.<key>.description}
	 * @param oldName the English name of earlier versions
	 * @param oldDescription the English description of earlier versions
	 */
	record DeskFilter(String key, String oldName, String oldDescription, int priority, Supplier<TaskQuery> query) {

		String name() {
			return Messages.chinese(Text.of("filter." + this.key + ".name"));
		}

		String description() {
			return Messages.chinese(Text.of("filter." + this.key + ".description"));
		}

	}

}
