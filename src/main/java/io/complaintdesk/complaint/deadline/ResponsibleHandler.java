package io.complaintdesk.complaint.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;

/** Who a breach is recorded against: whoever had claimed the late task, else its group. */
final class ResponsibleHandler {

	private ResponsibleHandler() {
	}

	static String of(DelegateExecution execution, String taskDefinitionKey, String fallbackGroup) {
		Task task = execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult();
		if (task != null && task.getAssignee() != null) {
			return task.getAssignee();
		}
		return fallbackGroup;
	}

}
