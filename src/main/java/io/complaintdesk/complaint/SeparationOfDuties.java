package io.complaintdesk.complaint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POLICY §1 separation of duties: when a complaint names an employee ({@code accusedEmployee}),
 * that employee is never a candidate for, or assignee of, any task of the case.
 * <p>
 * An engine plugin attaches this to every user task of every model at parse time, so a process
 * owner who adds a task in Modeler cannot forget it. On creation the task's candidate groups are
 * replaced by their members minus the accused; assigning the task to the accused is refused.
 */
@Component
class SeparationOfDuties extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(SeparationOfDuties.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration
			.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new ParseListener());
	}

	private static final class ParseListener extends AbstractBpmnParseListener {

		private static final TaskListener EXCLUDE_ACCUSED = SeparationOfDuties::excludeAccused;

		private static final TaskListener REFUSE_ACCUSED_ASSIGNEE = SeparationOfDuties::refuseAccusedAssignee;

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, EXCLUDE_ACCUSED);
				behavior.getTaskDefinition()
					.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, REFUSE_ACCUSED_ASSIGNEE);
			}
		}

	}

	static void excludeAccused(DelegateTask task) {
		String accused = accused(task);
		if (accused == null) {
			return;
		}
		if (accused.equals(task.getAssignee())) {
			task.setAssignee(null);
		}
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
				groups.add(link.getGroupId());
			}
			else if (accused.equals(link.getUserId())) {
				task.deleteCandidateUser(accused);
			}
		}
		if (groups.isEmpty()) {
			return;
		}
		IdentityService identity = task.getProcessEngineServices().getIdentityService();
		Set<String> candidates = new LinkedHashSet<>();
		for (String group : groups) {
			// membership is read with the engine's rights, not the rights of whoever completed the step
			List<User> members = Context.getCommandContext()
				.runWithoutAuthorization(() -> identity.createUserQuery().memberOfGroup(group).list());
			members.stream().map(User::getId).filter((id) -> !id.equals(accused)).forEach(candidates::add);
			task.deleteCandidateGroup(group);
		}
		candidates.forEach(task::addCandidateUser);
		if (candidates.isEmpty()) {
			log.warn("Task {} of case {}: no candidate left in {} once {} is excluded", task.getTaskDefinitionKey(),
					task.getVariable(ComplaintProcess.CASE_NUMBER.name()), groups, accused);
		}
	}

	static void refuseAccusedAssignee(DelegateTask task) {
		String accused = accused(task);
		if (accused != null && accused.equals(task.getAssignee())) {
			throw new BadUserRequestException(
					accused + " is the employee this complaint is about and may not work on it (separation of duties)");
		}
	}

	private static String accused(DelegateTask task) {
		String accused = ComplaintProcess.ACCUSED_EMPLOYEE.get(task);
		return (accused == null || accused.isBlank()) ? null : accused.trim();
	}

}
