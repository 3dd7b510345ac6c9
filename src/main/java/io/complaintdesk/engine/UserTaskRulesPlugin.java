package io.complaintdesk.engine;

import java.util.ArrayList;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.complaintdesk.base.Messages;
import io.complaintdesk.base.Refusal;
import io.complaintdesk.base.Text;
import io.complaintdesk.base.Translatable;

/**
 * The one engine plugin that changes user tasks: applies the desk's {@link TaskRules} to every user
 * task of every model at parse time (the README's "How a task gets its priority and its readers").
 * <ul>
 * <li>candidates: the model's candidate groups and users are wrapped so that, when
 * {@link TaskRules#excludedUser} or {@link TaskRules#fourEyesExcluded} names someone, the groups
 * become their members minus those users, and they are dropped from the candidate users; without
 * anyone excluded they stay as modelled;</li>
 * <li>on create: the excluded user is removed as assignee, then {@link TaskRules#onCreate} runs
 * with the engine's rights;</li>
 * <li>on assignment: assigning the task to the excluded user is refused, and assigning it to
 * someone who is not a candidate;</li>
 * <li>work (claim, complete, submit, assign) only by the assignee, or a candidate of an unclaimed
 * task: a command checker the engine asks before every such command ({@link #postInit}).</li>
 * </ul>
 * The last two stand in for the grants the engine used to write for every task and candidate
 * ({@link CaseAccessPlugin}): the groups are granted work on the desk's process definitions, this
 * narrows it to the task's candidates. Administrators and the engine's own work are not checked.
 */
@Component
class UserTaskRulesPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(UserTaskRulesPlugin.class);

	private final ObjectProvider<TaskRules> rules;

	UserTaskRulesPlugin(ObjectProvider<TaskRules> rules) {
		this.rules = rules;
	}

	/**
	 * Work on a task (claim, complete, submit its form, assign it) only by its assignee or one of its
	 * candidates: the engine asks every command checker before such a command, and this one refuses
	 * with the engine's own {@code AuthorizationException}.
	 */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getCommandCheckers().add((CommandChecker) Proxy.newProxyInstance(
				CommandChecker.class.getClassLoader(), new Class<?>[] { CommandChecker.class }, (proxy, method, args) -> {
					if (("checkTaskWork".equals(method.getName()) || "checkTaskAssign".equals(method.getName()))
							&& args != null && args.length == 1 && args[0] instanceof TaskEntity task) {
						checkWork(task, method.getName().equals("checkTaskWork") ? "work" : "assign");
					}
					return switch (method.getName()) {
						case "equals" -> proxy == args[0];
						case "hashCode" -> System.identityHashCode(proxy);
						case "toString" -> "candidates-only task work";
						default -> null;
					};
				}));
	}

	private static void checkWork(TaskEntity task, String what) {
		Actor actor = Actor.current();
		if (actor == null || actor.userId().equals(task.getAssignee())) {
			return;
		}
		if (task.getAssignee() != null || !actor.isCandidateOf(task)) {
			throw new AuthorizationRefusal(Text.of(
					(task.getAssignee() != null) ? "refusal.taskWork.claimed" : "refusal.taskWork.notCandidate",
					actor.userId(), Text.of("refusal.taskWork." + what), task.getName()));
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(listeners);
		}
		listeners.add(new ParseListener());
	}

	private String excluded(VariableScope scope) {
		TaskRules taskRules = this.rules.getIfAvailable();
		String user = (taskRules != null) ? taskRules.excludedUser(scope) : null;
		return (user == null || user.isBlank()) ? null : user.trim();
	}

	private void onCreate(DelegateTask task) {
		String excluded = excluded(task);
		if (excluded != null && excluded.equals(task.getAssignee())) {
			task.setAssignee(null);
		}
		TaskRules taskRules = this.rules.getIfAvailable();
		if (taskRules != null) {
			Context.getCommandContext().runWithoutAuthorization(() -> {
				taskRules.onCreate(task);
				return null;
			});
		}
	}

	private void onAssignment(DelegateTask task) {
		String excluded = excluded(task);
		if (excluded != null && excluded.equals(task.getAssignee())) {
			throw Refusal.of("refusal.accusedEmployee", excluded);
		}
		Actor actor = Actor.current();
		if (actor == null) {
			return;
		}
		String assignee = task.getAssignee();
		if (assignee != null && !assignee.equals(actor.userId()) && !isCandidate(task, assignee)) {
			throw new AuthorizationRefusal(Text.of("refusal.taskAssign.notCandidate", assignee));
		}
	}

	/** Whether another user is a candidate: named, or a member of a candidate group. */
	private static boolean isCandidate(DelegateTask task, String userId) {
		IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
		List<String> groups = Context.getCommandContext()
			.runWithoutAuthorization(() -> identity.createGroupQuery().groupMember(userId).unlimitedList())
			.stream()
			.map(org.camunda.bpm.engine.identity.Group::getId)
			.toList();
		return task.getCandidates()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.anyMatch((link) -> userId.equals(link.getUserId()) || groups.contains(link.getGroupId()));
	}

	/** The authenticated user of the command, when the engine checks authorizations for them. */
	private record Actor(String userId, List<String> groupIds) {

		static Actor current() {
			CommandContext command = Context.getCommandContext();
			if (command == null || !command.isAuthorizationCheckEnabled()) {
				return null;
			}
			Authentication authentication = command.getAuthentication();
			if (authentication == null || authentication.getUserId() == null
					|| command.getAuthorizationManager().isCamundaAdmin(authentication)) {
				return null;
			}
			List<String> groups = (authentication.getGroupIds() != null) ? authentication.getGroupIds() : List.of();
			return new Actor(authentication.getUserId(), groups);
		}

		boolean isCandidateOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
			return task.getCandidates()
				.stream()
				.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
				.anyMatch((link) -> this.userId.equals(link.getUserId()) || this.groupIds.contains(link.getGroupId()));
		}

	}

	/**
	 * A refusal the engine REST API answers with 403, like the engine's own authorization checks,
	 * in the reader's language ({@code system/EngineRestRefusals}); the message is English, for logs.
	 */
	static final class AuthorizationRefusal extends org.camunda.bpm.engine.AuthorizationException
			implements Translatable {

		private static final long serialVersionUID = 1L;

		private final transient Text text;

		AuthorizationRefusal(Text text) {
			super(Messages.english(text));
			this.text = text;
		}

		@Override
		public Text text() {
			return this.text;
		}

	}

	private final class ParseListener extends AbstractBpmnParseListener {

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
			String taskKey = activity.getId();
			if (!groups.isEmpty()) {
				definition.addCandidateGroupIdExpression(new Candidates(Kind.GROUPS, groups, taskKey));
				definition.addCandidateUserIdExpression(new Candidates(Kind.MEMBERS, groups, taskKey));
			}
			if (!users.isEmpty()) {
				definition.addCandidateUserIdExpression(new Candidates(Kind.USERS, users, taskKey));
			}
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, UserTaskRulesPlugin.this::onCreate);
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
					UserTaskRulesPlugin.this::onAssignment);
		}

	}

	/** How a rewritten candidate expression treats a task with an excluded user. */
	private enum Kind {

		/** the model's candidate groups: dropped when someone is excluded */
		GROUPS,
		/** the model's candidate users: the excluded user is filtered out */
		USERS,
		/** the members of the model's candidate groups minus the excluded user, only when someone is excluded */
		MEMBERS

	}

	private final class Candidates implements Expression {

		private final Kind kind;

		private final List<Expression> originals;

		private final String taskKey;

		Candidates(Kind kind, List<Expression> originals, String taskKey) {
			this.kind = kind;
			this.originals = originals;
			this.taskKey = taskKey;
		}

		@Override
		public Object getValue(VariableScope scope) {
			Set<String> excluded = new LinkedHashSet<>();
			if (excluded(scope) != null) {
				excluded.add(excluded(scope));
			}
			List<String> ids = new ArrayList<>();
			this.originals.forEach((expression) -> ids.addAll(ids(expression, scope)));
			TaskRules taskRules = UserTaskRulesPlugin.this.rules.getIfAvailable();
			if (taskRules != null) {
				// four eyes changes the candidates only where it bites: the user is one of them
				taskRules.fourEyesExcluded(this.taskKey, scope)
					.stream()
					.filter((user) -> (this.kind == Kind.USERS) ? ids.contains(user) : isMemberOfAny(user, ids))
					.forEach(excluded::add);
			}
			if (excluded.isEmpty()) {
				return (this.kind == Kind.MEMBERS) ? List.of() : ids;
			}
			return switch (this.kind) {
				case GROUPS -> List.of();
				case USERS -> ids.stream().filter((id) -> !excluded.contains(id)).toList();
				case MEMBERS -> membersWithout(excluded, ids);
			};
		}

		private static boolean isMemberOfAny(String user, List<String> groups) {
			IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
			return groups.stream()
				.anyMatch((group) -> Context.getCommandContext()
					.runWithoutAuthorization(() -> identity.createUserQuery().userId(user).memberOfGroup(group).count()) > 0);
		}

		private List<String> membersWithout(Set<String> excluded, List<String> groups) {
			IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
			Set<String> members = new LinkedHashSet<>();
			for (String group : groups) {
				// membership is read with the engine's rights, not those of whoever completed the step
				List<User> users = Context.getCommandContext()
					.runWithoutAuthorization(() -> identity.createUserQuery().memberOfGroup(group).unlimitedList());
				users.stream().map(User::getId).filter((id) -> !excluded.contains(id)).forEach(members::add);
			}
			if (members.isEmpty()) {
				log.warn("No candidate left in {} once {} is excluded; the task waits for an administrator", groups,
						excluded);
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

}
