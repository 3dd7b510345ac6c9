package io.complaintdesk.complaint;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.TaskRules;

/**
 * The rules every task of a complaint follows, whatever model it is in (applied by the engine
 * adapter's {@code UserTaskRulesPlugin} to every user task):
 * <ul>
 * <li>POLICY §1 separation of duties: the employee the case is about ({@code accusedEmployee})
 * is never a candidate for, or assignee of, any task of the case;</li>
 * <li>its priority from the {@code task-priority} decision, so queues sort as POLICY §4/§5 say
 * (VIP and preferred clients first, then major complaints, then by level);</li>
 * <li>read access to the case behind it for the people who may work it, so Tasklist can show the
 * case's variables in their queues without opening every case to every group.</li>
 * </ul>
 */
@Component
class CaseTasks implements TaskRules {

	static final String PRIORITY_DECISION = "task-priority";

	@Override
	public String excludedUser(VariableScope scope) {
		return ComplaintProcess.ACCUSED_EMPLOYEE.get(scope);
	}

	@Override
	public void onCreate(DelegateTask task) {
		if (task.getVariable(ComplaintProcess.LEVEL.name()) == null) {
			return; // not a complaint task
		}
		prioritize(task);
		grantCaseAccess(task);
	}

	private static void prioritize(DelegateTask task) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(ComplaintProcess.LEVEL.name(), ComplaintProcess.LEVEL.get(task));
		inputs.put(ComplaintProcess.MAJOR.name(), ComplaintProcess.MAJOR.getOrDefault(task, false));
		inputs.put(ComplaintProcess.CLIENT_TIER.name(), ComplaintProcess.CLIENT_TIER.get(task));
		Object priority = task.getProcessEngineServices()
			.getDecisionService()
			.evaluateDecisionByKey(PRIORITY_DECISION)
			.variables(inputs)
			.evaluate()
			.getSingleEntry();
		if (priority instanceof Number points) {
			task.setPriority(points.intValue());
		}
	}

	// the candidates as the task has them, after the separation of duties rewrote them
	private static void grantCaseAccess(DelegateTask task) {
		AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
		for (IdentityLink candidate : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
				grantRead(authorizations, task.getProcessInstanceId(), candidate.getGroupId(), candidate.getUserId());
			}
		}
		if (task.getAssignee() != null) {
			grantRead(authorizations, task.getProcessInstanceId(), null, task.getAssignee());
		}
	}

	private static void grantRead(AuthorizationService authorizations, String processInstanceId, String group,
			String user) {
		var query = authorizations.createAuthorizationQuery()
			.resourceType(Resources.PROCESS_INSTANCE)
			.resourceId(processInstanceId);
		query = (group != null) ? query.groupIdIn(group) : query.userIdIn(user);
		if (query.count() > 0) {
			return;
		}
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setResource(Resources.PROCESS_INSTANCE);
		authorization.setResourceId(processInstanceId);
		if (group != null) {
			authorization.setGroupId(group);
		}
		else {
			authorization.setUserId(user);
		}
		authorization.addPermission(Permissions.READ);
		authorizations.saveAuthorization(authorization);
	}

}
