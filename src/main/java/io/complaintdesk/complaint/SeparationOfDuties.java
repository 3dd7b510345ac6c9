package io.complaintdesk.complaint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POLICY §1 separation of duties: when a complaint names an employee ({@code accusedEmployee}),
 * that employee is never a candidate for, or assignee of, any task of the case.
 * <p>
 * An engine plugin rewrites every user task of every model at parse time, so a process owner who
 * adds a task in Modeler cannot forget it: when the case names an accused employee, the task's
 * candidate groups become their members minus the accused (candidate users), a candidate user
 * or assignee equal to the accused is dropped, and assigning the task to the accused is refused.
 * Cases without an accused employee keep their plain candidate groups.
 */
@Component
class SeparationOfDuties extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(SeparationOfDuties.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new ParseListener());
	}

	private static final class ParseListener extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
				return;
			}
			TaskDefinition definition = behavior.getTaskDefinition();
			List<Expression> groups = List.copyOf(definition.getCandidateGroupIdExpressions());
			List<Expression> users = List.copyOf(definition.getCandidateUserIdExpressions());
			definition.getCandidateGroupIdExpressions().clear();
			definition.getCandidateUserIdExpressions().clear();
			if (!groups.isEmpty()) {
				definition.addCandidateGroupIdExpression(new Candidates(Kind.GROUPS, groups));
				definition.addCandidateUserIdExpression(new Candidates(Kind.MEMBERS, groups));
			}
			if (!users.isEmpty()) {
				definition.addCandidateUserIdExpression(new Candidates(Kind.USERS, users));
			}
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, SeparationOfDuties::dropAccusedAssignee);
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
					SeparationOfDuties::refuseAccusedAssignee);
		}

	}

	/** How a rewritten candidate expression treats a case with an accused employee. */
	private enum Kind {

		/** the model's candidate groups: dropped when someone is accused */
		GROUPS,
		/** the model's candidate users: the accused is filtered out */
		USERS,
		/** the members of the model's candidate groups minus the accused, only when someone is accused */
		MEMBERS

	}

	private static final class Candidates implements Expression {

		private final Kind kind;

		private final List<Expression> originals;

		Candidates(Kind kind, List<Expression> originals) {
			this.kind = kind;
			this.originals = originals;
		}

		@Override
		public Object getValue(VariableScope scope) {
			String accused = accused(scope);
			List<String> ids = new ArrayList<>();
			this.originals.forEach((expression) -> ids.addAll(ids(expression, scope)));
			if (accused == null) {
				return (this.kind == Kind.MEMBERS) ? List.of() : ids;
			}
			return switch (this.kind) {
				case GROUPS -> List.of();
				case USERS -> ids.stream().filter((id) -> !id.equals(accused)).toList();
				case MEMBERS -> membersWithout(accused, ids);
			};
		}

		private static List<String> membersWithout(String accused, List<String> groups) {
			IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
			Set<String> members = new LinkedHashSet<>();
			for (String group : groups) {
				// membership is read with the engine's rights, not those of whoever completed the step
				List<User> users = Context.getCommandContext()
					.runWithoutAuthorization(() -> identity.createUserQuery().memberOfGroup(group).unlimitedList());
				users.stream().map(User::getId).filter((id) -> !id.equals(accused)).forEach(members::add);
			}
			if (members.isEmpty()) {
				log.warn("No candidate left in {} once {} is excluded; the task waits for an administrator", groups,
						accused);
			}
			return new ArrayList<>(members);
		}

		@Override
		public void setValue(Object value, VariableScope scope) {
			throw new UnsupportedOperationException("candidates are computed");
		}

		@Override
		public String getExpressionText() {
			return this.kind + " " + this.originals.stream().map(Expression::getExpressionText).toList();
		}

		@Override
		public boolean isLiteralText() {
			return false;
		}

	}

	private static List<String> ids(Expression expression, VariableScope scope) {
		Object value = expression.getValue(scope);
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(Object::toString).map(String::trim).filter((id) -> !id.isEmpty()).toList();
		}
		return Arrays.stream(value.toString().split(",")).map(String::trim).filter((id) -> !id.isEmpty()).toList();
	}

	static void dropAccusedAssignee(DelegateTask task) {
		String accused = accused(task);
		if (accused != null && accused.equals(task.getAssignee())) {
			task.setAssignee(null);
		}
	}

	static void refuseAccusedAssignee(DelegateTask task) {
		String accused = accused(task);
		if (accused != null && accused.equals(task.getAssignee())) {
			throw new BadUserRequestException(
					accused + " is the employee this complaint is about and may not work on it (separation of duties)");
		}
	}

	private static String accused(VariableScope scope) {
		String accused = ComplaintProcess.ACCUSED_EMPLOYEE.get(scope);
		return (accused == null || accused.isBlank()) ? null : accused.trim();
	}

}
