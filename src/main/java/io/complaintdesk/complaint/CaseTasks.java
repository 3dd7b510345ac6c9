package io.complaintdesk.complaint;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.TaskRules;

/**
 * The rules every task of a complaint follows, whatever model it is in (applied by the engine
 * adapter's {@code UserTaskRulesPlugin} to every user task):
 * <ul>
 * <li>POLICY §1 separation of duties: the employee the case is about ({@code accusedEmployee})
 * is never a candidate for, or assignee of, any task of the case;</li>
 * <li>four eyes: the handler of the round ({@code roundHandler}) is never a candidate for its
 * approval or review (POLICY §5), the verifier ({@code verifiedBy}) never for the ruling on their
 * dismissal (POLICY §3);</li>
 * <li>its priority from the {@code task-priority} decision, so queues sort as POLICY §4/§5 say
 * (VIP and preferred clients first, then major complaints, then by level);</li>
 * <li>every round of the case so far ({@link RoundsSummary}, variable {@code roundsSummary}), which
 * every desk form shows at its top, so no context is lost between rounds.</li>
 * </ul>
 * Who may read the case behind a task is not granted per task: see {@link CaseAccess}.
 */
@Component
class CaseTasks implements TaskRules {

	static final String PRIORITY_DECISION = "task-priority";

	private final RoundsSummary rounds;

	CaseTasks(RoundsSummary rounds) {
		this.rounds = rounds;
	}

	@Override
	public String excludedUser(VariableScope scope) {
		return ComplaintProcess.ACCUSED_EMPLOYEE.get(scope);
	}

	/**
	 * Four eyes: the round's handler neither approves its compensation nor reviews it (POLICY §5);
	 * the verifier does not rule on their own dismissal (POLICY §3).
	 */
	@Override
	public Set<String> fourEyesExcluded(String taskDefinitionKey, VariableScope scope) {
		if (ComplaintProcess.Elements.CONFIRM_NOT_SUBSTANTIATED.equals(taskDefinitionKey)) {
			String verifier = ComplaintProcess.VERIFIED_BY.get(scope);
			return (verifier != null) ? Set.of(verifier) : Set.of();
		}
		if (!ComplaintProcess.Elements.APPROVE_COMPENSATION.equals(taskDefinitionKey)
				&& !ComplaintProcess.Elements.REVIEW_HANDLING.equals(taskDefinitionKey)) {
			return Set.of();
		}
		String handler = ComplaintProcess.ROUND_HANDLER.get(scope);
		return (handler != null) ? Set.of(handler) : Set.of();
	}

	@Override
	public void onCreate(DelegateTask task) {
		if (task.getVariable(ComplaintProcess.LEVEL.name()) == null) {
			return; // not a complaint task
		}
		prioritize(task);
		String caseNumber = ComplaintProcess.CASE_NUMBER.get(task);
		if (caseNumber != null) {
			ComplaintProcess.ROUNDS_SUMMARY.set(task, this.rounds.of(caseNumber));
		}
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


}
