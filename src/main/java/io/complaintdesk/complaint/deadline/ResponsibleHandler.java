package io.complaintdesk.complaint.deadline;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Text;
import io.complaintdesk.penalty.PenaltyProperties;

/**
 * Who a breach is booked against (POLICY §7, issue 14 item 7): the person who last held the case at
 * that step of this instance — the assignee of the open task, else whoever last claimed it, else
 * whoever last claimed or completed an earlier task of that step. When nobody ever did, the
 * supervisor on duty for the step's group ({@code complaint-desk.penalties.duty-supervisor}), and
 * the entry says so. Never a group.
 */
@Component
class ResponsibleHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResponsibleHandler.class);

	private final PenaltyProperties properties;

	ResponsibleHandler(PenaltyProperties properties) {
		this.properties = properties;
	}

	/** The person, and the ledger detail amended when it is the supervisor on duty. */
	record Responsible(String person, Text detail) {
	}

	Responsible of(DelegateExecution execution, String taskDefinitionKey, String group, Text detail) {
		Optional<String> holder = lastHolder(execution, taskDefinitionKey);
		if (holder.isPresent()) {
			return new Responsible(holder.get(), detail);
		}
		String onDuty = this.properties.dutySupervisorOf(group).orElseGet(() -> {
			log.warn("No complaint-desk.penalties.duty-supervisor.{} configured; the breach of {} is booked against the group",
					group, taskDefinitionKey);
			return group;
		});
		return new Responsible(onDuty, Text.of("penalty.detail.unclaimed", detail, group));
	}

	private static Optional<String> lastHolder(DelegateExecution execution, String taskDefinitionKey) {
		String instance = execution.getProcessInstanceId();
		Task open = execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		if (open != null && open.getAssignee() != null) {
			return Optional.of(open.getAssignee());
		}
		HistoryService history = execution.getProcessEngineServices().getHistoryService();
		List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
			.processInstanceId(instance)
			.taskDefinitionKey(taskDefinitionKey)
			.orderByHistoricActivityInstanceStartTime()
			.desc()
			.list();
		for (HistoricTaskInstance task : tasks) {
			Optional<String> person = lastAssignee(history, task.getId())
				.or(() -> Optional.ofNullable(task.getAssignee()))
				.or(() -> completer(history, task.getId()));
			if (person.isPresent()) {
				return person;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> lastAssignee(HistoryService history, String taskId) {
		return history.createHistoricIdentityLinkLogQuery()
			.taskId(taskId)
			.type(IdentityLinkType.ASSIGNEE)
			.operationType("add")
			.orderByTime()
			.desc()
			.list()
			.stream()
			.map(HistoricIdentityLinkLog::getUserId)
			.filter((user) -> user != null)
			.findFirst();
	}

	private static Optional<String> completer(HistoryService history, String taskId) {
		return history.createUserOperationLogQuery()
			.taskId(taskId)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.filter((user) -> user != null)
			.findFirst();
	}

}
