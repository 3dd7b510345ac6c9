package io.complaintdesk.complaint.intake;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.Privileged;

/**
 * Who would have to approve the amount a customer claims: the deployed {@code compensation-authority}
 * table (核决权限, POLICY §5), the same table that routes the approval of a compensation. Its answer
 * is an input of {@code complaint-level}: a claim beyond the supervisor's authority is a demand
 * beyond the level-1 handler's authority (POLICY §4), so the thresholds live in one table only.
 */
@Component("claimAuthority")
class ClaimAuthority {

	static final String DECISION_KEY = "compensation-authority";

	private final DecisionService decisions;

	private final Privileged privileged;

	ClaimAuthority(DecisionService decisions, Privileged privileged) {
		this.decisions = decisions;
		this.privileged = privileged;
	}

	/** The approving group for the claimed amount; {@code null} when nothing is claimed. */
	String approverGroup(Double claimAmount) {
		if (claimAmount == null) {
			return null;
		}
		// evaluated on the desk's behalf: the agent who registers need not evaluate decisions
		DmnDecisionResult result = this.privileged.run(() -> this.decisions.evaluateDecisionByKey(DECISION_KEY)
			.variables(Variables.createVariables().putValue("amount", claimAmount))
			.evaluate());
		if (result.isEmpty() || result.getSingleResult().getEntry("approverGroup") == null) {
			throw new IllegalStateException("Decision '" + DECISION_KEY + "' gave no approver for " + claimAmount);
		}
		return result.getSingleResult().getEntry("approverGroup");
	}

}
