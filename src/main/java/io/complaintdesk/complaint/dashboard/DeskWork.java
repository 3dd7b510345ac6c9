package io.complaintdesk.complaint.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskCountByCandidateGroupResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.complaintdesk.base.Groups;
import io.complaintdesk.calendar.WorkingCalendar;
import io.complaintdesk.complaint.CaseStatus;
import io.complaintdesk.engine.Privileged;

/**
 * The supervisors' part of the Cockpit "Complaint desk" dashboard (issue 15 item 7), answered by
 * {@code GET /api/reports/dashboard/work}:
 * <ul>
 * <li>the clocks coming due within the next working day: first contact (task {@code verifyComplaint},
 * 1 working day from receipt), solution ({@code handleComplaint}, 1 working day) and callback
 * ({@code callbackCustomer}, 3 working days) — the task due dates the models set from
 * {@code Deadlines} (moved when a pause ends), overdue ones included; the tasks of a case waiting for
 * the customer (等待客户: its clocks stand still) are left out while it waits;</li>
 * <li>compensations waiting for approval, with their amounts (registry, current round);</li>
 * <li>each handler's open workload (tasks claimed) and each group's unclaimed tasks.</li>
 * </ul>
 * Task figures come from the engine's public API under the reader's own authentication, so the
 * access rule of the engine (the accused employee's tenants) applies; the approvals leave out the
 * cases about the reader as {@code complaint.CaseAccess} does.
 */
@Service
public class DeskWork {

	/** At most this many cases per clock and per approval list; the counts are always full. */
	public static final int LIST_LIMIT = 10;

	/** The clocks, by the task that runs against each. */
	static final Map<String, String> CLOCKS = Map.of("firstContact", "verifyComplaint", "solution", "handleComplaint",
			"callback", "callbackCustomer");

	static final List<String> CLOCK_ORDER = List.of("firstContact", "solution", "callback");

	/** The groups whose members' workload is shown. */
	static final List<String> HANDLING_GROUPS = List.of(Groups.AGENTS, Groups.SUPERVISORS, Groups.DIRECTORS, Groups.GM,
			Groups.CLERKS);

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final JdbcTemplate jdbc;

	private final WorkingCalendar calendar;

	private final Privileged privileged;

	DeskWork(TaskService tasks, RuntimeService runtime, IdentityService identity, JdbcTemplate jdbc,
			WorkingCalendar calendar, Privileged privileged) {
		this.privileged = privileged;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/** The work of the desk as of {@code now}, as the reader {@code userId} may see it. */
	public Work at(Instant now, String userId) {
		Instant dueBy = this.calendar.plusWorkingDays(now, 1);
		// a case waiting for the customer has its clocks stopped: none of its tasks is coming due or overdue
		List<String> paused = this.jdbc.queryForList(
				"SELECT case_number FROM complaint WHERE status = '%s' AND paused_since IS NOT NULL"
					.formatted(CaseStatus.OPEN.name()), String.class);
		List<ClockDue> clocks = CLOCK_ORDER.stream().map((clock) -> clock(clock, dueBy, paused)).toList();
		return new Work(now, dueBy, clocks, approvals(userId), workload());
	}

	private ClockDue clock(String clock, Instant dueBy, List<String> paused) {
		Date before = Date.from(dueBy.plusMillis(1)); // due no later than dueBy
		long count = due(clock, before).count();
		long pausedCount = paused.isEmpty() ? 0
				: due(clock, before).processInstanceBusinessKeyIn(paused.toArray(String[]::new)).count();
		List<Task> first = due(clock, before).orderByDueDate()
			.asc()
			.listPage(0, LIST_LIMIT + (int) pausedCount);
		Map<String, String> caseNumbers = caseNumbers(first.stream().map(Task::getProcessInstanceId).toList());
		List<TaskLine> lines = first.stream()
			.filter((task) -> !paused.contains(caseNumbers.get(task.getProcessInstanceId())))
			.limit(LIST_LIMIT)
			.map((task) -> new TaskLine(caseNumbers.get(task.getProcessInstanceId()), task.getName(),
					task.getAssignee(), task.getDueDate().toInstant()))
			.toList();
		return new ClockDue(clock, count - pausedCount, lines);
	}

	private org.camunda.bpm.engine.task.TaskQuery due(String clock, Date before) {
		return this.tasks.createTaskQuery().taskDefinitionKey(CLOCKS.get(clock)).dueBefore(before).active();
	}

	private Map<String, String> caseNumbers(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return Map.of();
		}
		return this.runtime.createProcessInstanceQuery()
			.processInstanceIds(new HashSet<>(processInstanceIds))
			.listPage(0, processInstanceIds.size())
			.stream()
			.filter((instance) -> instance.getBusinessKey() != null)
			.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
	}

	private Approvals approvals(String userId) {
		String where = """
				FROM complaint c JOIN complaint_round r ON r.case_number = c.case_number AND r.round_no = c.current_round
				WHERE c.status = '%s' AND r.approver_group IS NOT NULL AND r.compensation_approved IS NULL
				    AND (c.accused_employee IS NULL OR c.accused_employee <> ?)""".formatted(CaseStatus.OPEN.name());
		Map<String, Object> totals = this.jdbc.queryForMap(
				"SELECT COUNT(*) AS cases, COALESCE(SUM(r.compensation_amount), 0) AS amount " + where, userId);
		List<Approval> first = this.jdbc.query("SELECT c.case_number, c.customer_name, r.compensation_amount, "
				+ "r.approver_group, r.handled_by, r.handled_at " + where
				+ " ORDER BY r.compensation_amount DESC, c.case_number FETCH FIRST " + LIST_LIMIT + " ROWS ONLY",
				this::approval, userId);
		return new Approvals(((Number) totals.get("cases")).longValue(), decimal(totals.get("amount")), first);
	}

	private Approval approval(ResultSet rs, int row) throws SQLException {
		return new Approval(rs.getString("case_number"), rs.getString("customer_name"),
				rs.getBigDecimal("compensation_amount"), rs.getString("approver_group"), rs.getString("handled_by"),
				(rs.getTimestamp("handled_at") != null) ? rs.getTimestamp("handled_at").toInstant() : null);
	}

	private Workload workload() {
		// who the handlers are: the desk reads its groups' members itself (supervisors may not list users)
		Set<String> users = this.privileged.run(() -> {
			Set<String> members = new LinkedHashSet<>();
			for (String group : HANDLING_GROUPS) {
				this.identity.createUserQuery()
					.memberOfGroup(group)
					.orderByUserId()
					.asc()
					.listPage(0, 500)
					.stream()
					.map(User::getId)
					.forEach(members::add);
			}
			return members;
		});
		List<HandlerLoad> handlers = users.stream()
			.map((user) -> new HandlerLoad(user, this.tasks.createTaskQuery().taskAssignee(user).active().count()))
			.filter((load) -> load.open() > 0)
			.sorted((a, b) -> Long.compare(b.open(), a.open()))
			.toList();
		Map<String, Long> unclaimed = this.tasks.createTaskReport()
			.taskCountByCandidateGroup()
			.stream()
			.filter((result) -> result.getGroupName() != null && HANDLING_GROUPS.contains(result.getGroupName()))
			.collect(Collectors.toMap(TaskCountByCandidateGroupResult::getGroupName,
					(result) -> (long) result.getTaskCount(), Long::sum));
		List<GroupLoad> groups = HANDLING_GROUPS.stream()
			.map((group) -> new GroupLoad(group, unclaimed.getOrDefault(group, 0L)))
			.toList();
		return new Workload(handlers, groups);
	}

	private static BigDecimal decimal(Object value) {
		return (value instanceof BigDecimal decimal) ? decimal : new BigDecimal(String.valueOf(value));
	}

	/**
	 * What {@code GET /api/reports/dashboard/work} answers.
	 * @param dueBy the end of the next working day: the clocks list what falls due before it
	 */
	public record Work(Instant asOf, Instant dueBy, List<ClockDue> clocks, Approvals approvals, Workload workload) {
	}

	/** One clock: {@code firstContact}, {@code solution} or {@code callback}; overdue ones first. */
	public record ClockDue(String clock, long count, List<TaskLine> tasks) {
	}

	public record TaskLine(String caseNumber, String taskName, String assignee, Instant due) {
	}

	/** Compensations waiting for the approver of the amount (POLICY §5 核决权限). */
	public record Approvals(long count, BigDecimal totalAmount, List<Approval> cases) {
	}

	public record Approval(String caseNumber, String customerName, BigDecimal amount, String approverGroup,
			String handledBy, Instant handledAt) {
	}

	/**
	 * @param handlers each handler with open tasks claimed, the busiest first
	 * @param unclaimed each handling group's tasks nobody has claimed (their candidate group)
	 */
	public record Workload(List<HandlerLoad> handlers, List<GroupLoad> unclaimed) {
	}

	public record HandlerLoad(String userId, long open) {
	}

	public record GroupLoad(String group, long open) {
	}


}
