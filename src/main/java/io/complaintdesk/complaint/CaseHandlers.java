package io.complaintdesk.complaint;

import io.complaintdesk.engine.Privileged;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import io.complaintdesk.customer.CustomerCases;

/**
 * Whether a user handles a case of a customer: they are the assignee or a candidate (directly or
 * through one of their groups) of an open task of a complaint of that customer (variable
 * {@code customerId} of {@code complaint-handling} or of its {@code complaint-callback}). Such a user
 * needs the customer's contact details (POLICY §9). Tasks of other processes do not count:
 * brand and legal acknowledging a major-complaint warning see the case, they do not handle it.
 */
@Component
class CaseHandlers implements CustomerCases {

	private static final String CUSTOMER_ID = ComplaintProcess.CUSTOMER_ID.name();

	private static final String[] CASE_PROCESSES = { ComplaintProcess.KEY, CallbackProcess.KEY };

	private final TaskService tasks;

	private final Privileged privileged;

	CaseHandlers(TaskService tasks, Privileged privileged) {
		this.tasks = tasks;
		this.privileged = privileged;
	}

	@Override
	public boolean handlesCaseOf(String user, String customerId) {
		// the caller may not be allowed to read the tasks themselves; the question is only whether they exist
		return this.privileged.run(() -> tasksOf(customerId).taskAssignee(user).count() > 0
					// the engine looks the user's groups up in the identity service; a claimed task keeps its candidates
					|| tasksOf(customerId).taskCandidateUser(user).includeAssignedTasks().count() > 0);
	}

	private TaskQuery tasksOf(String customerId) {
		return this.tasks.createTaskQuery()
			.processDefinitionKeyIn(CASE_PROCESSES)
			.processVariableValueEquals(CUSTOMER_ID, customerId);
	}

}
