package io.complaintdesk.customer.review;

import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.complaintdesk.engine.Privileged;

import io.complaintdesk.customer.ClientTier;

/**
 * Evaluates the deployed {@code client-tier} decision (latest version) for one customer, so the
 * thresholds stay in {@code decisions/client-tier.dmn}. Each evaluation is in the decision history
 * (Cockpit), which shows why a customer was proposed for a tier.
 */
@Component
class ClientTierTable implements TierDecision {

	private final DecisionService decisions;

	private final Privileged privileged;

	ClientTierTable(DecisionService decisions, Privileged privileged) {
		this.decisions = decisions;
		this.privileged = privileged;
	}

	@Override
	public ClientTier decide(BigDecimal annualVolume, int defaultCount) {
		// evaluated on the desk's behalf: a supervisor who starts a review need not evaluate decisions
		return this.privileged.run(() -> evaluate(annualVolume, defaultCount));
	}

	private ClientTier evaluate(BigDecimal annualVolume, int defaultCount) {
		DmnDecisionResult result = this.decisions.evaluateDecisionByKey(ClientTierReview.DECISION_KEY)
			.variables(Variables.createVariables()
				.putValue("annualVolume", (annualVolume != null) ? annualVolume.doubleValue() : 0.0)
				.putValue("defaultCount", defaultCount))
			.evaluate();
		if (result.isEmpty() || result.getSingleResult().getEntry("tier") == null) {
			throw new IllegalStateException("Decision '" + ClientTierReview.DECISION_KEY
					+ "' gave no tier for volume " + annualVolume + " and " + defaultCount + " defaults");
		}
		return ClientTier.valueOf(result.getSingleResult().<String>getEntry("tier"));
	}

}
