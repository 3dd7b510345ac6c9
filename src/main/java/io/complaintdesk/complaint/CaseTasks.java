package io.complaintdesk.complaint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What every task of a complaint gets when it is created, whatever model it is in:
 * <ul>
 * <li>its priority from the {@code task-priority} decision, so queues sort as POLICY §4/§5 say
 * (VIP and preferred clients first, then major complaints, then by level);</li>
 * <li>read access to the case behind it for the people who may work it, so Tasklist can show the
 * case's variables in their queues without opening every case to every group.</li>
 * </ul>
 * Runs after {@link SeparationOfDuties}, so an excluded employee gets no access either.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CaseTasks extends AbstractProcessEnginePlugin {

	static final String PRIORITY_DECISION = "task-priority";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CaseTasks::onCreate);
				}
			}

		});
	}

	static void onCreate(DelegateTask task) {
		if (task.getVariable(ComplaintProcess.LEVEL.name()) == null) {
			return; // not a complaint task
		}
		Context.getCommandContext().runWithoutAuthorization(() -> {
			prioritize(task);
			grantCaseAccess(task);
			return null;
		});
	}

	private static void prioritize(DelegateTask task) {
		Map<String, Object> inputs = new java.util.HashMap<>();
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

	private static void grantCaseAccess(DelegateTask task) {
		TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
		Set<String> groups = ids(definition.getCandidateGroupIdExpressions(), task);
		Set<String> users = ids(definition.getCandidateUserIdExpressions(), task);
		if (task.getAssignee() != null) {
			users.add(task.getAssignee());
		}
		AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
		for (String group : groups) {
			grantRead(authorizations, task.getProcessInstanceId(), group, null);
		}
		for (String user : users) {
			grantRead(authorizations, task.getProcessInstanceId(), null, user);
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

	private static Set<String> ids(Set<Expression> expressions, DelegateTask task) {
		Set<String> ids = new LinkedHashSet<>();
		for (Expression expression : expressions) {
			Object value = expression.getValue(task);
			if (value instanceof Collection<?> collection) {
				collection.forEach((id) -> ids.add(id.toString().trim()));
			}
			else if (value != null) {
				Arrays.stream(value.toString().split(",")).map(String::trim).forEach(ids::add);
			}
		}
		ids.removeIf(String::isEmpty);
		return ids;
	}

}
